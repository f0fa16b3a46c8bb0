import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, sqlRowCount } from '../common/database/sql';

// Hand-written statements of the consumer portal (issue #15: one query file per feature).

/**
 * Burns a link and starts its browser session in one statement: only an unopened, unexpired link changes, so of
 * two browsers opening the same link at once exactly one gets a session. Returns whether this call burnt it.
 */
export async function burnLink(
  em: EntityManager,
  id: string,
  now: Date,
  browserSha256: string,
  browserExpiresAt: Date,
): Promise<boolean> {
  const changed = await sqlRowCount(
    em,
    `update portal_sessions set opened_at = $1, browser_sha256 = $2, browser_expires_at = $3
     where id = $4 and opened_at is null and expires_at > $1`,
    [now, browserSha256, browserExpiresAt, id],
  );
  return changed === 1;
}

/**
 * Serializes withdrawals of one customer token until `em`'s transaction ends (two confirmations sent at once, by a
 * double click or two tabs, would otherwise both cancel and both append a withdrawal to the chain), and answers
 * the token's status as committed when the lock was granted: the other withdrawal, if it came first, is done.
 */
export async function lockTokenForWithdrawal(
  em: EntityManager,
  customerTokenId: string,
): Promise<string | null> {
  const [row] = await sql<{ status: string }>(
    em,
    `select pg_advisory_xact_lock(hashtextextended('portal-withdraw:' || $1::text, 0)),
            (select status from customer_tokens where id = $1) as status`,
    [customerTokenId],
  );
  return row?.status ?? null;
}
