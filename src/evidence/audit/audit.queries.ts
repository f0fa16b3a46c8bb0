import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../common/database/sql';

/** Ids of every key (any role, revoked ones too) bound to the merchant: whose requests its auditors may see. */
export async function keyIdsOfMerchant(em: EntityManager, merchantId: string): Promise<string[]> {
  const rows = await sql<{ id: string }>(em, 'select id from api_keys where merchant_id = $1', [merchantId]);
  return rows.map((r) => r.id);
}
