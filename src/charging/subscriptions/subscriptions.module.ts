import { Module } from '@nestjs/common';
import { CustomerTokensModule } from '../../signup/customer-tokens/customer-tokens.module';
import { EventsModule } from '../../events/events.module';
import { OrdersModule } from '../orders/orders.module';
import { SubscriptionChargeJob } from './subscription-charge.job';
import { SubscriptionCharger } from './subscription-charger';
import { SubscriptionTransitions } from './subscription-transitions';
import { SubscriptionsController } from './subscriptions.controller';
import { SubscriptionsService } from './subscriptions.service';
import { TokenReconciliation } from './token-reconciliation';
import { TokenReconciliationJob } from './token-reconciliation.job';

/** Recurring charges: schedules, the scheduler, dunning, and token reconciliation with Klarna. */
@Module({
  imports: [CustomerTokensModule, EventsModule, OrdersModule],
  controllers: [SubscriptionsController],
  providers: [
    SubscriptionsService,
    SubscriptionTransitions,
    SubscriptionCharger,
    TokenReconciliation,
    SubscriptionChargeJob,
    TokenReconciliationJob,
  ],
  exports: [SubscriptionsService, SubscriptionCharger, SubscriptionChargeJob, TokenReconciliationJob],
})
export class SubscriptionsModule {}
