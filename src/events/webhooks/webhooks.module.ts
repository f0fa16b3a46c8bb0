import { Module } from '@nestjs/common';
import { WebhookDeliveryJob } from './webhook-delivery.job';
import { WebhookEndpointsController } from './webhook-endpoints.controller';
import { WebhookEndpointsService } from './webhook-endpoints.service';

/** Merchant webhook endpoints and the background delivery of the events outbox to them. */
@Module({
  controllers: [WebhookEndpointsController],
  providers: [WebhookEndpointsService, WebhookDeliveryJob],
  exports: [WebhookDeliveryJob],
})
export class WebhooksModule {}
