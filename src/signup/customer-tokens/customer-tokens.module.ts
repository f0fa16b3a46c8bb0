import { Module } from '@nestjs/common';
import { AuthorizationsModule } from '../sessions/authorizations.module';
import { ConsentsModule } from '../consents/consents.module';
import { EventsModule } from '../../events/events.module';
import { MerchantsModule } from '../../merchants/merchants.module';
import { CreateCustomerToken } from './create-customer-token.use-case';
import { CustomerTokensController } from './customer-tokens.controller';
import { CustomerTokensService } from './customer-tokens.service';
import { TokenStopHooks } from './token-stop-hooks';

@Module({
  imports: [MerchantsModule, AuthorizationsModule, ConsentsModule, EventsModule],
  controllers: [CustomerTokensController],
  providers: [CustomerTokensService, CreateCustomerToken, TokenStopHooks],
  exports: [CustomerTokensService, TokenStopHooks],
})
export class CustomerTokensModule {}
