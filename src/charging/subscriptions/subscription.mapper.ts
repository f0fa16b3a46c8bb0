import type {
  SubscriptionCycleDto,
  SubscriptionResponseDto,
  SubscriptionEventDto,
} from './dto/subscription.dto';
import type { Subscription, SubscriptionCycle, SubscriptionEvent } from './subscription.entity';
import type { CycleRow, SubscriptionRow } from './subscriptions.queries';

/**
 * What the response shapes read of a subscription: an entity, or a row read without one (subscriptionFromRow),
 * on the charge path where building entities cost more CPU than the statements (issue #16).
 */
export type SubscriptionView = Omit<Subscription, 'merchant' | 'customerToken' | 'testClock'> & {
  merchant: { id: string };
  customerToken: { id: string };
  testClock?: { id: string } | null;
};

/** What the response shapes read of a cycle (an entity, or cycleFromRow). */
export type CycleView = Pick<
  SubscriptionCycle,
  'id' | 'cycle' | 'status' | 'dueAt' | 'attempts' | 'nextAttemptAt' | 'orderId' | 'lastError' | 'settledAt'
> & { subscription: { id: string } };

const dateOrNull = (value: string | null): Date | null => (value === null ? null : new Date(value));

export function subscriptionFromRow(r: SubscriptionRow): SubscriptionView {
  return {
    id: r.id,
    merchant: { id: r.merchant_id },
    customerToken: { id: r.customer_token_id },
    testClock: r.test_clock_id === null ? null : { id: r.test_clock_id },
    status: r.status,
    statusReason: r.status_reason,
    interval: r.interval,
    intervalCount: r.interval_count,
    startDate: r.start_date,
    endDate: r.end_date,
    order: r.order,
    retryPolicy: r.retry_policy,
    description: r.description,
    metadata: r.metadata,
    currentCycle: r.current_cycle,
    nextCycle: r.next_cycle,
    nextChargeAt: dateOrNull(r.next_charge_at),
    lastChargedAt: dateOrNull(r.last_charged_at),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    canceledAt: dateOrNull(r.canceled_at),
  };
}

export function cycleFromRow(r: CycleRow): CycleView {
  return {
    id: r.id,
    subscription: { id: r.subscription_id },
    cycle: r.cycle,
    status: r.status,
    dueAt: new Date(r.due_at),
    attempts: r.attempts,
    nextAttemptAt: dateOrNull(r.next_attempt_at),
    orderId: r.order_id,
    lastError: r.last_error,
    settledAt: dateOrNull(r.settled_at),
  };
}

/** Entities never leave the API: these build the response (and event) shapes. */
export function cycleDto(c: Omit<CycleView, 'id' | 'subscription'>): SubscriptionCycleDto {
  return {
    cycle: c.cycle,
    status: c.status,
    due_at: c.dueAt.toISOString(),
    attempts: c.attempts,
    next_attempt_at: c.status === 'scheduled' ? (c.nextAttemptAt?.toISOString() ?? null) : null,
    order_id: c.orderId ?? null,
    last_error: c.lastError ?? null,
    settled_at: c.settledAt?.toISOString() ?? null,
  };
}

export function subscriptionDto(
  s: SubscriptionView,
  latest: Omit<CycleView, 'id' | 'subscription'> | null | undefined,
): SubscriptionResponseDto {
  return {
    id: s.id,
    test_clock: s.testClock?.id ?? null,
    customer_token_id: s.customerToken.id,
    status: s.status,
    status_reason: s.statusReason ?? null,
    interval: s.interval,
    interval_count: s.intervalCount,
    start_date: s.startDate,
    end_date: s.endDate ?? null,
    order: { ...s.order },
    retry_policy: s.retryPolicy ? { delays_days: [...s.retryPolicy.delays_days] } : null,
    description: s.description ?? null,
    metadata: s.metadata ?? null,
    current_cycle: s.currentCycle,
    next_charge_at: s.nextChargeAt?.toISOString() ?? null,
    last_charged_at: s.lastChargedAt?.toISOString() ?? null,
    latest_cycle: latest ? cycleDto(latest) : null,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
    canceled_at: s.canceledAt?.toISOString() ?? null,
  };
}

export function subscriptionEventDto(e: SubscriptionEvent): SubscriptionEventDto {
  return {
    id: e.id,
    type: e.type,
    cycle: e.cycle ?? null,
    from_status: e.fromStatus ?? null,
    to_status: e.toStatus ?? null,
    data: e.data ?? null,
    created_at: e.createdAt.toISOString(),
  };
}
