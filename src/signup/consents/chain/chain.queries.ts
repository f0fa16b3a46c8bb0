import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../../common/database/sql';
import { CONSENT_COLUMNS, type ChainedDbRow, isoUtc } from './consent-chain-fields';

// Hand-written statements of the consent hash chain (issue #15: one query file per feature).

/** Creates a merchant's chain head at the genesis hash unless it exists (a concurrent first insert waits). */
export async function ensureChainHead(em: EntityManager, merchantId: string, genesisHash: string, at: Date) {
  await sql(
    em,
    `insert into chain_heads (merchant_id, seq, head_hash, updated_at) values ($1, 0, $2, $3)
     on conflict (merchant_id) do nothing`,
    [merchantId, genesisHash, at],
  );
}

/** The merchant's chain head, locked until the caller's transaction ends. */
export async function lockChainHead(
  em: EntityManager,
  merchantId: string,
): Promise<{ seq: number; head_hash: string }> {
  const [head] = await sql<{ seq: number; head_hash: string }>(
    em,
    'select seq, head_hash from chain_heads where merchant_id = $1 for update',
    [merchantId],
  );
  return head;
}

export async function moveChainHead(
  em: EntityManager,
  merchantId: string,
  seq: number,
  hash: string,
  at: Date,
) {
  await sql(em, 'update chain_heads set seq = $1, head_hash = $2, updated_at = $3 where merchant_id = $4', [
    seq,
    hash,
    at,
    merchantId,
  ]);
}

/**
 * One merchant's chain in `seq` order after a given seq, both tables merged (each side walks its unique
 * (merchant_id, seq) index, PostgreSQL merges them).
 */
export function chainRowsAfter(
  em: EntityManager,
  merchantId: string,
  afterSeq: number,
  limit: number,
): Promise<ChainedDbRow[]> {
  return sql<ChainedDbRow>(
    em,
    `select * from (
       select 'consent' as record_type, ${CONSENT_COLUMNS}, null::text as consent_id, null::text as type,
         null::text as customer_token_id, null::text as authorization_id, null::text as occurred_at,
         seq, prev_hash, hash
       from consents where merchant_id = $1 and seq > $2
       union all
       select 'consent_event', id, merchant_id, null, null, null, null, null, null, null, null, null, ip_address,
         user_agent, channel, null, null, consent_id, type, customer_token_id, authorization_id,
         ${isoUtc('occurred_at')}, seq, prev_hash, hash
       from consent_events where merchant_id = $1 and seq > $2
     ) chain order by seq limit $3`,
    [merchantId, afterSeq, limit],
  );
}
