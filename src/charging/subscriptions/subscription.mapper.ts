import type {
  SubscriptionCycleDto,
  SubscriptionResponseDto,
  SubscriptionEventDto,
} from './dto/subscription.dto';
import type { Subscription, SubscriptionCycle, SubscriptionEvent } from './subscription.entity';

/** Entities never leave the API: these build the response (and event) shapes. */
export function cycleDto(c: SubscriptionCycle): SubscriptionCycleDto {
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
  s: Subscription,
  latest: SubscriptionCycle | null | undefined,
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
