import { Module } from '@nestjs/common';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AdminMerchantsController, MerchantSelfController } from './merchants.controller';
import { MerchantsService } from './merchants.service';

@Module({
  imports: [ApiKeysModule],
  controllers: [AdminMerchantsController, MerchantSelfController],
  providers: [MerchantsService],
  exports: [MerchantsService],
})
export class MerchantsModule {}
