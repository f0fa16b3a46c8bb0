import { ConfigService } from '@nestjs/config';
import { Logger, Module, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { JwksController } from './jwks.controller';
import { loadReceiptKeys } from '../../common/crypto/receipt-keys';
import { RECEIPT_KEYS, ReceiptService } from './receipt.service';

/** Signed receipts and the JWKS that verifies them. */
@Module({
  controllers: [JwksController],
  providers: [
    {
      provide: RECEIPT_KEYS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const receipts = config.getOrThrow('receipts', { infer: true });
        return loadReceiptKeys(receipts.signingKey, receipts.previousPublicKeys);
      },
    },
    ReceiptService,
  ],
  exports: [ReceiptService],
})
export class ReceiptsModule implements OnModuleInit {
  /** The settings this class reads, from @nestjs/config's ConfigService. */
  private readonly config: Pick<AppConfig, 'receipts'>;

  constructor(configService: ConfigService<AppConfig, true>) {
    this.config = {
      receipts: configService.getOrThrow('receipts', { infer: true }),
    };
  }

  onModuleInit(): void {
    if (this.config.receipts.ephemeral) {
      new Logger('Receipts').warn(
        'RECEIPT_SIGNING_KEY is not set: receipts are signed with a key that lives only as long as this process.',
      );
    }
  }
}
