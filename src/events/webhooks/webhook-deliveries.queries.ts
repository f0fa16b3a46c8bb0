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
