import type { EntityManager } from '@mikro-orm/postgresql';
import { ensureChainHead, lockChainHead, moveChainHead } from './chain.queries';
import { type ChainFields, chainHash, GENESIS_HASH } from './hash-chain';

export interface ChainLink {
  seq: number;
  prevHash: string;
  hash: string;
}

/**
 * Reserves the next link of a merchant's chain for a record about to be inserted, inside the caller's
 * transaction:
 *
 *   await em.transactional(async (em) => {
 *     const link = await appendToChain(em, merchantId, fields, clock.now());
 *     em.create(ConsentRecord, { ...columns, seq: link.seq, prevHash: link.prevHash, hash: link.hash });
 *   });
 *
 * The head row of the merchant is locked (`FOR UPDATE`) until that transaction ends, so concurrent appends
 * for one merchant queue up and the chain never forks; other merchants are not blocked. If the transaction
 * rolls back, the head rolls back with it and the sequence stays contiguous.
 */
export async function appendToChain(
  em: EntityManager,
  merchantId: string,
  fields: ChainFields,
  at: Date,
): Promise<ChainLink> {
  if (!em.isInTransaction()) {
    throw new Error('appendToChain must run inside the transaction that inserts the record');
  }
  // First record of a merchant: create the head. A concurrent first insert waits on the conflict, then finds it.
  await ensureChainHead(em, merchantId, GENESIS_HASH, at);
  const head = await lockChainHead(em, merchantId);
  const seq = head.seq + 1;
  const hash = chainHash(head.head_hash, seq, fields);
  await moveChainHead(em, merchantId, seq, hash, at);
  return { seq, prevHash: head.head_hash, hash };
}
