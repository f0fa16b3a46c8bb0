import { createHash } from 'node:crypto';
import { chainHash, type ChainRow, chainRowsInBatches, GENESIS_HASH, verifyChain } from './hash-chain';

function buildChain(n: number): ChainRow[] {
  const rows: ChainRow[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const fields = {
      merchant_customer_id: `cust-${seq}`,
      terms_version: seq % 3,
      accepted_at: `2026-03-01T09:00:0${seq % 10}.000Z`,
    };
    const hash = chainHash(prev, seq, fields);
    rows.push({ id: `con_${String(seq).padStart(26, '0')}`, seq, prevHash: prev, hash, fields });
    prev = hash;
  }
  return rows;
}

describe('hash chain', () => {
  it('hashes sha256(prev hash bytes || canonical {seq, record})', () => {
    const fields = { b: 'x', a: 1 };
    const expected = createHash('sha256')
      .update(Buffer.alloc(32))
      .update('{"record":{"a":1,"b":"x"},"seq":1}')
      .digest('hex');
    expect(chainHash(GENESIS_HASH, 1, fields)).toBe(expected);
    expect(chainHash(GENESIS_HASH, 2, fields)).not.toBe(expected);
    expect(() => chainHash('abc', 1, fields)).toThrow('64 lower-case hex');
  });

  it('accepts an intact chain and the matching head', async () => {
    const rows = buildChain(25);
    const head = { seq: 25, headHash: rows[24].hash };
    expect(await verifyChain(rows, head)).toEqual({
      ok: true,
      records_checked: 25,
      first_broken_id: null,
      first_broken_seq: null,
      reason: null,
    });
    expect(await verifyChain([], { seq: 0, headHash: GENESIS_HASH })).toMatchObject({
      ok: true,
      records_checked: 0,
    });
  });

  it('names the record whose field was changed', async () => {
    const rows = buildChain(10);
    rows[6] = { ...rows[6], fields: { ...rows[6].fields, merchant_customer_id: 'someone-else' } };
    expect(await verifyChain(rows)).toMatchObject({
      ok: false,
      records_checked: 7,
      first_broken_id: rows[6].id,
      first_broken_seq: 7,
      reason: 'hash_mismatch',
    });
  });

  it('names the record after a deleted one', async () => {
    const rows = buildChain(10);
    const after = rows[4];
    rows.splice(3, 1);
    expect(await verifyChain(rows)).toMatchObject({
      ok: false,
      first_broken_id: after.id,
      reason: 'sequence_gap',
    });
  });

  it('detects a deleted row even when the sequence numbers were renumbered', async () => {
    const rows = buildChain(10);
    const renumbered = rows.filter((_, i) => i !== 3).map((r, i) => ({ ...r, seq: i + 1 }));
    expect(await verifyChain(renumbered)).toMatchObject({
      ok: false,
      first_broken_id: rows[4].id,
      reason: 'prev_hash_mismatch',
    });
  });

  it('names the first of two swapped rows', async () => {
    const rows = buildChain(10);
    // Swap positions 3 and 6 (their sequence numbers swapped, as an UPDATE of seq would do).
    const a = rows[2];
    const b = rows[5];
    rows[2] = { ...b, seq: 3 };
    rows[5] = { ...a, seq: 6 };
    expect(await verifyChain(rows)).toMatchObject({
      ok: false,
      first_broken_id: b.id,
      first_broken_seq: 3,
      reason: 'prev_hash_mismatch',
    });
  });

  it('detects a rewritten prev_hash+hash pair (re-chained forgery) at the next record', async () => {
    const rows = buildChain(6);
    const forgedFields = { ...rows[2].fields, merchant_customer_id: 'forged' };
    rows[2] = { ...rows[2], fields: forgedFields, hash: chainHash(rows[2].prevHash, 3, forgedFields) };
    expect(await verifyChain(rows)).toMatchObject({
      ok: false,
      first_broken_id: rows[3].id,
      reason: 'prev_hash_mismatch',
    });
  });

  it('detects a removed suffix or a rewritten tail only against the published head', async () => {
    const rows = buildChain(8);
    const head = { seq: 8, headHash: rows[7].hash };
    expect(await verifyChain(rows.slice(0, 6))).toMatchObject({ ok: true });
    expect(await verifyChain(rows.slice(0, 6), head)).toMatchObject({
      ok: false,
      first_broken_id: null,
      first_broken_seq: 7,
      reason: 'head_mismatch',
    });
    expect(await verifyChain(rows, { seq: 8, headHash: GENESIS_HASH })).toMatchObject({
      ok: false,
      first_broken_id: rows[7].id,
      reason: 'head_mismatch',
    });
  });

  it('streams: reads keyset batches and stops at the first break', async () => {
    const rows = buildChain(95);
    rows[60] = { ...rows[60], hash: GENESIS_HASH };
    const requests: Array<[number, number]> = [];
    const fetchAfter = async (after: number, limit: number) => {
      requests.push([after, limit]);
      return rows.filter((r) => r.seq > after).slice(0, limit);
    };
    const result = await verifyChain(chainRowsInBatches(fetchAfter, 20));
    expect(result).toMatchObject({ ok: false, records_checked: 61, first_broken_seq: 61 });
    expect(requests).toEqual([
      [0, 20],
      [20, 20],
      [40, 20],
      [60, 20],
    ]);
    const intact = buildChain(40);
    const all: number[] = [];
    for await (const row of chainRowsInBatches(
      async (after, limit) => intact.filter((r) => r.seq > after).slice(0, limit),
      20,
      33,
    )) {
      all.push(row.seq);
    }
    expect(all).toEqual(Array.from({ length: 33 }, (_, i) => i + 1));
  });
});
