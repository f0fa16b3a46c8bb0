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

/** One event of {@link outboxManyCtes}: written only when the `when` CTE returned `whenKey` in its column. */
export interface OutboxManyInput extends Omit<OutboxCteInput, 'when'> {
  whenKey: string;
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
  const { ctes, eventIds } = outboxManyCtes(p, [{ ...input, whenKey: '' }], now, { cte: input.when });
  return { ctes, eventId: eventIds[0] };
}

/**
 * {@link outboxCtes} for many events of one statement (a batch of outcomes): event i is written when the CTE
 * `when.cte` returned `inputs[i].whenKey` in `when.column` (without a column: when it returned any row).
 */
export function outboxManyCtes(
  p: (value: unknown) => string,
  inputs: OutboxManyInput[],
  now: Date,
  when: { cte: string; column?: string },
): { ctes: string; eventIds: string[] } {
  const at = p(now);
  const eventIds: string[] = [];
  const rows = inputs.map((input) => {
    const eventId = newId('evt', now.getTime());
    eventIds.push(eventId);
    const deliverAt = input.deliverAt ?? now;
    return `(${p(eventId)}::text, ${p(input.merchantId)}::text, ${p(input.type)}::text, ${p(JSON.stringify(input.data))}::jsonb,
             ${p(deliverAt)}::timestamptz, ${p(newIdHead('whd', now.getTime()))}::text, ${p(input.whenKey)}::text)`;
  });
  const written = when.column
    ? `i.when_key in (select ${when.column} from ${when.cte})`
    : `exists (select 1 from ${when.cte})`;
  const ctes = `
    outbox_input (id, merchant_id, type, data, deliver_at, delivery_head, when_key) as (values ${rows.join(', ')}),
    outbox_event as (
      insert into events (id, merchant_id, type, data, created_at)
      select i.id, i.merchant_id, i.type, i.data, ${at} from outbox_input i where ${written}
      returning id),
    outbox_deliveries as (
      insert into webhook_deliveries (id, event_id, endpoint_id, status, attempt_count, next_attempt_at, created_at)
      select i.delivery_head || ${sqlIdTail('w.n - 1')}, i.id, w.id, 'pending', 0, i.deliver_at, i.deliver_at
        from outbox_event e join outbox_input i on i.id = e.id
             cross join lateral (
               select id, row_number() over (order by id) as n from webhook_endpoints
                where merchant_id = i.merchant_id and status = 'enabled'
                  and events @> jsonb_build_array(i.type)) w
      returning 1)`;
  return { ctes, eventIds };
}
