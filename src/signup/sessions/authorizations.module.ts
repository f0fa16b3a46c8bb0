import { Module } from '@nestjs/common';
import { EventsModule } from '../../events/events.module';
import { MerchantsModule } from '../../merchants/merchants.module';
import { AuthorizationReleaseJob } from './authorization-release.job';
import { AuthorizationsController } from './authorizations.controller';
import { AuthorizationsService } from './authorizations.service';

@Module({
  imports: [MerchantsModule, EventsModule],
  controllers: [AuthorizationsController],
  providers: [AuthorizationsService, AuthorizationReleaseJob],
  exports: [AuthorizationsService],
})
export class AuthorizationsModule {}
