import { Module } from '@nestjs/common';
import { EventsModule } from '../../events/events.module';
import { MerchantsModule } from '../../merchants/merchants.module';
import { CaptureExpiryJob } from './capture-expiry.job';
import { MoneyAttempts } from './money-attempts';
import { MoneyCompleterJob } from './money-completer.job';
import { AdminMoneyController } from './admin-money.controller';
import { MoneyController } from './money.controller';
import { MoneyService } from './money.service';
import { OrderReconciliationJob } from './order-reconciliation.job';

/** Captures, refunds and cancellations of token orders through Klarna's Order Management (issue #14). */
@Module({
  imports: [MerchantsModule, EventsModule],
  controllers: [MoneyController, AdminMoneyController],
  providers: [MoneyService, MoneyAttempts, MoneyCompleterJob, OrderReconciliationJob, CaptureExpiryJob],
  exports: [MoneyService],
})
export class MoneyModule {}
