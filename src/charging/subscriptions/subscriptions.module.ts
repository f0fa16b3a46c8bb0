import { Module } from '@nestjs/common';
import { CustomerTokensModule } from '../../signup/customer-tokens/customer-tokens.module';
import { EventsModule } from '../../events/events.module';
import { MerchantsModule } from '../../merchants/merchants.module';
import { OrdersModule } from '../orders/orders.module';
import { SubscriptionChargeJob } from './subscription-charge.job';
import { SubscriptionCharger } from './subscription-charger';
import { SubscriptionTransitions } from './subscription-transitions';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';
import { TokenReconciliation } from './token-reconciliation';
import { TokenReconciliationJob } from './token-reconciliation.job';
import { TestClockJob } from './test-clock.job';
import { TestClockRunner } from './test-clock-runner';
import { TestClocksController } from './test-clocks.controller';
import { TestClocksService } from './test-clocks.service';

/**
 * Recurring charges: schedules, the scheduler, dunning, token reconciliation with Klarna, and test clocks (the
 * subscriptions' own time in tests).
 */
@Module({
  imports: [CustomerTokensModule, EventsModule, MerchantsModule, OrdersModule],
  controllers: [SubscriptionsController, TestClocksController],
  providers: [
    SubscriptionsService,
    SubscriptionTransitions,
    SubscriptionCharger,
    TokenReconciliation,
    SubscriptionChargeJob,
    TokenReconciliationJob,
    TestClocksService,
    TestClockRunner,
    TestClockJob,
  ],
  exports: [
    SubscriptionsService,
    SubscriptionCharger,
    SubscriptionChargeJob,
    TokenReconciliationJob,
    TestClockRunner,
  ],
})
export class SubscriptionsModule {}
