import { Module } from '@nestjs/common';
import { AuthorizationsModule } from './authorizations.module';
import { MerchantsModule } from '../../merchants/merchants.module';
import { TermsModule } from '../terms/terms.module';
import { SessionsController } from './sessions.controller';
import { SessionsService } from './sessions.service';

@Module({
  imports: [MerchantsModule, TermsModule, AuthorizationsModule],
  controllers: [SessionsController],
  providers: [SessionsService],
  exports: [SessionsService],
})
export class SessionsModule {}
