import { hash } from 'node:crypto';
import { type CanonicalInput, canonicalJson } from '../../../common/hashing/canonical-json';

/**
 * Per-merchant hash chain over consent records.
 *
 *   hash(n) = SHA-256( bytes(prev_hash) || UTF-8( JCS({ seq: n, record: fields }) ) )
 *
 * with prev_hash = hash(n-1) and, for the first record (seq 1), the all-zero genesis hash. Hashes are lower-case
 * hex. The sequence number is hashed too, so a record cannot move to another position unnoticed.
 */
export const GENESIS_HASH = '0'.repeat(64);
const HEX_HASH = /^[0-9a-f]{64}$/;

export type ChainFields = { readonly [key: string]: CanonicalInput };

export function chainHash(prevHash: string, seq: number, fields: ChainFields): string {
  if (!HEX_HASH.test(prevHash)) throw new Error('prevHash must be 64 lower-case hex characters');
  // One-shot hash of one buffer: several times cheaper than a Hash object per record, which verify feels.
  const json = canonicalJson({ seq, record: fields });
  const input = Buffer.allocUnsafe(32 + Buffer.byteLength(json, 'utf8'));
  input.write(prevHash, 0, 32, 'hex');
  input.write(json, 32, 'utf8');
  return hash('sha256', input, 'hex');
}

/** One stored record as verification sees it. */
export interface ChainRow {
  id: string;
  seq: number;
  prevHash: string;
  hash: string;
  /** Exactly the fields that were hashed when the record was appended. */
  fields: ChainFields;
}

export type ChainBreak =
  /** The sequence number is not the next one: a record before it was deleted (or moved). */
  | 'sequence_gap'
  /** prev_hash does not name the previous record's hash: a record was removed, inserted or swapped. */
  | 'prev_hash_mismatch'
  /** The stored hash is not the hash of the stored fields: the record was edited. */
  | 'hash_mismatch'
  /** The chain ends before, or somewhere else than, the published head: a suffix was removed or rewritten. */
  | 'head_mismatch';

export interface VerifyResult {
  ok: boolean;
  records_checked: number;
  /** The first record at which the chain does not hold; null when ok (or when records are missing at the end). */
  first_broken_id: string | null;
  first_broken_seq: number | null;
  reason: ChainBreak | null;
}

/** The published end of a chain (from chain_heads, or a copy kept outside the database). */
export interface ChainHeadRef {
  seq: number;
  headHash: string;
}

/**
 * Checks one merchant's records fed in ascending sequence order, keeping only the previous hash: constant
 * memory whatever the length, so a caller can stream rows in batches. Stops looking after the first break.
 */
export class ChainVerifier {
  private prevHash = GENESIS_HASH;
  private lastSeq = 0;
  private lastId: string | null = null;
  private checked = 0;
  private broken: { id: string | null; seq: number | null; reason: ChainBreak } | null = null;

  /** Returns false once the chain is broken (further rows are ignored). */
  push(row: ChainRow): boolean {
    if (this.broken) return false;
    this.checked++;
    const reason =
      row.seq !== this.lastSeq + 1
        ? 'sequence_gap'
        : row.prevHash !== this.prevHash
          ? 'prev_hash_mismatch'
          : chainHash(row.prevHash, row.seq, row.fields) !== row.hash
            ? 'hash_mismatch'
            : null;
    if (reason) {
      this.broken = { id: row.id, seq: row.seq, reason };
      return false;
    }
    this.prevHash = row.hash;
    this.lastSeq = row.seq;
    this.lastId = row.id;
    return true;
  }

  get isBroken(): boolean {
    return this.broken !== null;
  }

  /** The verdict; with `head`, the chain must also end exactly at the published head. */
  result(head?: ChainHeadRef): VerifyResult {
    if (!this.broken && head && (head.seq !== this.lastSeq || head.headHash !== this.prevHash)) {
      // Rows end early (a deleted suffix) or the last one differs: name the last good record, if any.
      this.broken = {
        id: head.seq > this.lastSeq ? null : this.lastId,
        seq: head.seq > this.lastSeq ? this.lastSeq + 1 : this.lastSeq,
        reason: 'head_mismatch',
      };
    }
    return {
      ok: this.broken === null,
      records_checked: this.checked,
      first_broken_id: this.broken?.id ?? null,
      first_broken_seq: this.broken?.seq ?? null,
      reason: this.broken?.reason ?? null,
    };
  }
}

/** Verifies one merchant's chain from rows in ascending `seq` order (an array, a generator or a DB stream). */
export async function verifyChain(
  rows: Iterable<ChainRow> | AsyncIterable<ChainRow>,
  head?: ChainHeadRef,
): Promise<VerifyResult> {
  const verifier = new ChainVerifier();
  for await (const row of rows) {
    if (!verifier.push(row)) break;
  }
  return verifier.result(head);
}

/**
 * Reads a chain in keyset batches (`seq > after ORDER BY seq LIMIT size`), so that at most one batch is in memory.
 * `fetchAfter` returns rows with seq greater than `afterSeq`, ascending, at most `limit` of them.
 */
export async function* chainRowsInBatches(
  fetchAfter: (afterSeq: number, limit: number) => Promise<ChainRow[]>,
  batchSize = 1000,
  untilSeq = Number.MAX_SAFE_INTEGER,
): AsyncGenerator<ChainRow> {
  let after = 0;
  for (;;) {
    const batch = await fetchAfter(after, batchSize);
    for (const row of batch) {
      if (row.seq > untilSeq) return;
      yield row;
    }
    if (batch.length < batchSize) return;
    after = batch[batch.length - 1].seq;
  }
}
