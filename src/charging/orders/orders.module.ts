import { Module } from '@nestjs/common';
import { CustomerTokensModule } from '../../signup/customer-tokens/customer-tokens.module';
import { EventsModule } from '../../events/events.module';
import { MerchantsModule } from '../../merchants/merchants.module';
import { IdempotencyCleanupJob } from './idempotency-cleanup.job';
import { OrderAttempts } from './order-attempts';
import { OrderCompleterJob } from './order-completer.job';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

@Module({
  imports: [CustomerTokensModule, MerchantsModule, EventsModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrderAttempts, OrderCompleterJob, IdempotencyCleanupJob],
  exports: [OrdersService],
})
export class OrdersModule {}
