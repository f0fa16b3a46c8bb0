import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../common/database/sql';
import type { AuditRecord } from './audit-record';

/** Ids of every key (any role, revoked ones too) bound to the merchant: whose requests its auditors may see. */
export async function keyIdsOfMerchant(em: EntityManager, merchantId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>(em, 'select id from api_keys where merchant_id = $1', [merchantId]);
  return rows.map((r) => r.id);
}

/**
 * One audit entry. Hand-written because every admin read pays it: through the ORM's `em.insert` it was 13% of the
 * CPU of an audited page (issue #16). On `em`'s transaction when it is inside one.
 */
export async function insertAuditEntry(
  em: EntityManager,
  entry: AuditRecord & { id: string; at: Date },
): Promise<void> {
  await sql(
    em,
    `insert into audit_log (id, at, actor_key_id, actor_role, action, method, route, target_id, params, status,
                            request_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)`,
    [
      entry.id,
      entry.at,
      entry.actorKeyId,
      entry.actorRole,
      entry.action,
      entry.method,
      entry.route,
      entry.targetId,
      JSON.stringify(entry.params),
      entry.status,
      entry.requestId,
    ],
  );
}
