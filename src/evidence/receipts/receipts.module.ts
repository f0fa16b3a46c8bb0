import { Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/core.module';
import { JwksController } from './jwks.controller';
import { loadReceiptKeys } from '../../common/crypto/receipt-keys';
import { RECEIPT_KEYS, ReceiptService } from './receipt.service';

/** Signed receipts and the JWKS that verifies them. */
@Module({
  controllers: [JwksController],
  providers: [
    {
      provide: RECEIPT_KEYS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        loadReceiptKeys(config.receipts.signingKey, config.receipts.previousPublicKeys),
    },
    ReceiptService,
  ],
  exports: [ReceiptService],
})
export class ReceiptsModule implements OnModuleInit {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onModuleInit(): void {
    if (this.config.receipts.ephemeral) {
      new Logger('Receipts').warn(
        'RECEIPT_SIGNING_KEY is not set: receipts are signed with a key that lives only as long as this process.',
      );
    }
  }
}
