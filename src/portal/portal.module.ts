import { Module } from '@nestjs/common';
import { OrdersModule } from '../charging/orders/orders.module';
import { SubscriptionsModule } from '../charging/subscriptions/subscriptions.module';
import { MerchantsModule } from '../merchants/merchants.module';
import { ConsentsAdminModule } from '../signup/consents/admin/consents-admin.module';
import { CustomerTokensModule } from '../signup/customer-tokens/customer-tokens.module';
import { PortalApiController } from './portal-api.controller';
import { PortalLinksService } from './portal-links.service';
import { PortalPagesController } from './portal-pages.controller';
import { PortalSettingsService } from './portal-settings.service';
import { PortalService } from './portal.service';

/** The consumer portal (issue #18): links merchants hand out, and the hosted pages they open. */
@Module({
  imports: [MerchantsModule, CustomerTokensModule, ConsentsAdminModule, SubscriptionsModule, OrdersModule],
  controllers: [PortalApiController, PortalPagesController],
  providers: [PortalLinksService, PortalSettingsService, PortalService],
})
export class PortalModule {}
