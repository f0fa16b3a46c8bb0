import { newId, newIdHead, sqlIdTail } from '../common/ids';
import type { EventType } from './event-types';

export interface OutboxCteInput {
  merchantId: string;
  type: EventType;
  /** The object the event is about, in its API (DTO) shape. */
  data: Record<string, unknown>;
  /** The name of an earlier CTE of the statement: the event is written only when it produced a row. */
  when: string;
  /** When its webhooks go out: the real time (`Clock.wallNow()`) even when `now` is a test clock's. */
  deliverAt?: Date;
}

/**
 * {@link EventsService.emit} as common-table expressions, for a hot path that writes its change and its event in
 * ONE statement (one implicit transaction, one round trip): the `events` row, and one pending delivery per
 * enabled webhook endpoint of the merchant subscribed to the type, exactly as `emit` queues them. Returns the
 * CTE text (`name as (…), …`, no leading comma) and the event id; `p` adds a parameter and returns its `$n`.
 */
export function outboxCtes(
  p: (value: unknown) => string,
  input: OutboxCteInput,
  now: Date,
): { ctes: string; eventId: string } {
  const eventId = newId('evt', now.getTime());
  const merchant = p(input.merchantId);
  const type = p(input.type);
  const at = p(now);
  const deliverAt = p(input.deliverAt ?? now);
  const ctes = `
    outbox_event as (
      insert into events (id, merchant_id, type, data, created_at)
      select ${p(eventId)}, ${merchant}, ${type}, ${p(JSON.stringify(input.data))}::jsonb, ${at}
        from ${input.when} limit 1
      returning id),
    outbox_deliveries as (
      insert into webhook_deliveries (id, event_id, endpoint_id, status, attempt_count, next_attempt_at, created_at)
      select ${p(newIdHead('whd', now.getTime()))} || ${sqlIdTail('w.n - 1')}, outbox_event.id, w.id, 'pending', 0, ${deliverAt}, ${deliverAt}
        from outbox_event,
             (select id, row_number() over (order by id) as n from webhook_endpoints
               where merchant_id = ${merchant} and status = 'enabled' and events @> jsonb_build_array(${type}::text)) w
      returning 1)`;
  return { ctes, eventId };
}
