import type { EntityManager } from '@mikro-orm/postgresql';
import { sqlRowCount } from '../common/database/sql';

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
