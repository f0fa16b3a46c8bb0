import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../common/database/sql';

// Hand-written statements of sessions and their authorizations (issue #15: one query file per feature).

export interface ReleasedAuthorizationRow {
  id: string;
  merchant_id: string;
  session_id: string;
}

/** Authorizations past their 60 minutes: Klarna has dropped them anyway, so only the record changes. */
export async function expireAuthorizations(em: EntityManager, now: Date): Promise<void> {
  await sql(
    em,
    `update authorizations set status = 'expired' where status = 'unverified' and expires_at <= $1`,
    [now],
  );
}

/** Claims (SKIP LOCKED) and marks released up to `batch` live authorizations received before `cutoff`. */
export function releaseAbandonedAuthorizations(
  em: EntityManager,
  now: Date,
  cutoff: Date,
  batch: number,
): Promise<ReleasedAuthorizationRow[]> {
  return sql<ReleasedAuthorizationRow>(
    em,
    `update authorizations set status = 'released', released_at = $1
      where id in (select id from authorizations
                    where status = 'unverified' and received_at <= $2 and expires_at > $1
                    order by received_at limit $3 for update skip locked)
      returning id, merchant_id, session_id`,
    [now, cutoff, batch],
  );
}
