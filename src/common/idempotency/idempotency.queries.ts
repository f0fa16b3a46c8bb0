import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, sqlOne, sqlRowCount } from '../database/sql';

// Every hand-written statement of the generic idempotency mechanism (token orders claim keys in orders.queries).

export interface KeyRow {
  request_hash: string;
  order_id: string | null;
  locked_until: string | null;
  response_status: number | null;
  response_content_type: string | null;
  response_body_enc: string | null;
}

/**
 * Claims a key for a request: inserts it, or takes over a key whose earlier holder with the SAME request never
 * answered and whose lease ran out (a crash). Undefined when another request holds the key; else what an earlier
 * holder created before it crashed (`resource_id`, null when none or when the key is new). `params`: scope, key,
 * request hash, now, expiry, lease end.
 */
export async function claimKey(
  em: EntityManager,
  params: [string, string, string, Date, Date, Date],
): Promise<{ resource_id: string | null } | undefined> {
  return sqlOne<{ resource_id: string | null }>(
    em,
    `insert into idempotency_keys (merchant_id, key, request_hash, order_id, created_at, expires_at, locked_until)
     values ($1, $2, $3, null, $4, $5, $6)
     on conflict (merchant_id, key) do update
        set created_at = excluded.created_at, expires_at = excluded.expires_at, locked_until = excluded.locked_until
      where idempotency_keys.order_id is null and idempotency_keys.response_status is null
        and idempotency_keys.request_hash = excluded.request_hash
        and idempotency_keys.locked_until <= excluded.created_at
     returning resource_id`,
    params,
  );
}

export async function readKey(em: EntityManager, scope: string, key: string): Promise<KeyRow | undefined> {
  const [row] = await sql<KeyRow>(
    em,
    `select request_hash, order_id, locked_until, response_status, response_content_type, response_body_enc
       from idempotency_keys where merchant_id = $1 and key = $2`,
    [scope, key],
  );
  return row;
}

/** Stores the answer every replay gets (its body encrypted: it may carry a secret shown once) and ends the lease. */
export async function recordAnswer(
  em: EntityManager,
  params: [scope: string, key: string, status: number, contentType: string, bodyEnc: string],
): Promise<void> {
  await sqlRowCount(
    em,
    `update idempotency_keys set response_status = $3, response_content_type = $4, response_body_enc = $5,
            locked_until = null
      where merchant_id = $1 and key = $2 and order_id is null and response_status is null`,
    params,
  );
}

/**
 * Binds what the request holding the key created to the key, inside the transaction that creates it (see
 * IdempotencyKey.resourceId).
 */
export async function bindResource(
  em: EntityManager,
  scope: string,
  key: string,
  resourceId: string,
): Promise<void> {
  await sqlRowCount(
    em,
    `update idempotency_keys set resource_id = $3
      where merchant_id = $1 and key = $2 and order_id is null and response_status is null`,
    [scope, key, resourceId],
  );
}

/** Gives a key back when its request failed (nothing was created), so the same key may be sent again. */
export async function releaseKey(em: EntityManager, scope: string, key: string): Promise<void> {
  await sqlRowCount(
    em,
    `delete from idempotency_keys
      where merchant_id = $1 and key = $2 and order_id is null and response_status is null`,
    [scope, key],
  );
}

/**
 * Deletes up to `batch` expired keys that are answered, or whose holder never answered and whose lease ended;
 * how many it deleted. A token order's key stays until its order is final.
 */
export function deleteExpiredKeys(em: EntityManager, now: Date, batch: number): Promise<number> {
  return sqlRowCount(
    em,
    `delete from idempotency_keys where ctid in (
           select ctid from idempotency_keys
            where expires_at <= $1
              and (response_status is not null or (order_id is null and locked_until <= $1))
            limit $2)`,
    [now, batch],
  );
}
