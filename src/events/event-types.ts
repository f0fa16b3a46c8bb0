/** Every event type the service emits. Webhook endpoints subscribe to a subset. */
export const EVENT_TYPES = [
  'customer_token.created',
  'customer_token.canceled',
  'customer_token.suspended',
  'consent.withdrawn',
  'order.succeeded',
  'order.failed',
  'order.captured',
  'order.refunded',
  'order.canceled',
  'order.capture_expiring',
  'order.outcome_unknown',
  'order.operation_outcome_unknown',
  'subscription.created',
  'subscription.charged',
  'subscription.payment_failed',
  'subscription.past_due',
  'subscription.recovered',
  'subscription.halted',
  'subscription.paused',
  'subscription.resumed',
  'subscription.canceled',
  'authorization.released',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];
