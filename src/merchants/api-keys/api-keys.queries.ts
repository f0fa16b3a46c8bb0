import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '../../common/auth/role';
import { ASYNC_COMMIT_CTE, ASYNC_COMMIT_READ, sql, sqlOne } from '../../common/database/sql';

// Hand-written statements of API keys (issue #15: one query file per feature): authentication runs on every
// request, so it reads the key without the ORM.

export interface KeyRow {
  id: string;
  role: Role;
  merchant_id: string | null;
  secret_hash: string;
  expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** The key with this lookup prefix, if any. */
export async function keyByPrefix(em: EntityManager, prefix: string): Promise<KeyRow | undefined> {
  return sqlOne<KeyRow>(
    em,
    `select id, role, merchant_id, secret_hash, expires_at, revoked_at, last_used_at
       from api_keys where prefix = $1`,
    [prefix],
  );
}

/**
 * Stamps the key's last use. Without waiting for the WAL flush (synchronous_commit off for this statement's own
 * transaction): the stamp is informational, and a crash may lose at most the last fraction of a second of stamps.
 */
export async function touchKey(em: EntityManager, id: string, now: Date): Promise<void> {
  await sql(
    em,
    `with ${ASYNC_COMMIT_CTE}
     update api_keys set last_used_at = $1 where id = $2 and ${ASYNC_COMMIT_READ}`,
    [now, id],
  );
}
