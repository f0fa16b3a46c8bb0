import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../common/database/sql';

// Every hand-written statement of webhook delivery (one query file per feature).

export interface ClaimRow {
  id: string;
  event_id: string;
  endpoint_id: string;
  attempt_count: number;
  created_at: string | Date;
}

/** Claims up to `limit` due deliveries of enabled endpoints until `lockedUntil`, under `lockToken`. */
export async function claimDueDeliveries(
  em: EntityManager,
  lockedUntil: Date,
  lockToken: string,
  now: Date,
  limit: number,
): Promise<ClaimRow[]> {
  return sql<ClaimRow>(
    em,
    `update webhook_deliveries d set locked_until = $1, lock_token = $2
     from (
       select w.id from webhook_deliveries w
       join webhook_endpoints e on e.id = w.endpoint_id and e.status = 'enabled'
       where w.status = 'pending' and w.next_attempt_at <= $3 and (w.locked_until is null or w.locked_until <= $3)
       order by w.next_attempt_at
       limit $4
       for update of w skip locked
     ) due
     where d.id = due.id
     returning d.id, d.event_id, d.endpoint_id, d.attempt_count, d.created_at`,
    [lockedUntil, lockToken, now, limit],
  );
}

export interface DeliveryOutcome {
  id: string;
  lockToken: string;
  status: 'succeeded' | 'pending' | 'failed';
  attemptCount: number;
  nextAttemptAt: Date | null;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  deliveredAt: Date | null;
  attemptId: string;
}

/**
 * Records an attempt's outcome on a delivery this instance still holds (`lock_token`, still pending), with the
 * attempt's row, in one statement: false when the claim ran out or the delivery was canceled meanwhile (nothing
 * written). The status is compared to `(select 'pending')`, a value the planner learns only when the statement
 * runs: against the constant it may walk the partial index of pending deliveries, which holds every delivery of a
 * busy hour until a vacuum, instead of the primary key (test/database/query-plans.e2e-spec.ts).
 */
export async function recordDeliveryOutcome(
  em: EntityManager,
  outcome: DeliveryOutcome,
  now: Date,
): Promise<boolean> {
  const rows = await sql<{ id: string }>(
    em,
    `with d as (
       update webhook_deliveries
          set status = $3, attempt_count = $4, next_attempt_at = $5, locked_until = null, lock_token = null,
              last_attempt_at = $6, last_status_code = $7, last_error = $8, delivered_at = $9
        where id = $1 and lock_token = $2 and status = (select 'pending')
        returning id)
     insert into webhook_delivery_attempts (id, delivery_id, attempted_at, status_code, error, duration_ms)
     select $10, d.id, $6, $7, $8, $11 from d
     returning delivery_id as id`,
    [
      outcome.id,
      outcome.lockToken,
      outcome.status,
      outcome.attemptCount,
      outcome.nextAttemptAt,
      now,
      outcome.statusCode,
      outcome.error,
      outcome.deliveredAt,
      outcome.attemptId,
      outcome.durationMs,
    ],
  );
  return rows.length === 1;
}
