import { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import type { FakeClock } from '../../src/common/clock/clock';
import { ChainHeadsLogJob } from '../../src/signup/consents/chain/chain-heads.job';
import { ChainService } from '../../src/signup/consents/chain/chain.service';
import {
  type ChainRow,
  chainRowsInBatches,
  GENESIS_HASH,
  verifyChain,
  type VerifyResult,
} from '../../src/signup/consents/chain/hash-chain';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';

/**
 * The chain machinery against real PostgreSQL, with a stand-in for the consent records table (the consents
 * module brings the real one): append-only through autopay_make_append_only, written by the service's role.
 */
describe('consent hash chain in PostgreSQL', () => {
  let t: TestApp;
  let chain: ChainService;
  const logLines: string[] = [];

  beforeAll(async () => {
    t = await startTestApp({
      env: { LOG_LEVEL: 'info' },
      logStream: { write: (line) => logLines.push(line) },
    });
    chain = t.app.get(ChainService);
    await t.db.query(`CREATE TABLE chain_test_records (
      id text PRIMARY KEY, merchant_id text NOT NULL, seq int NOT NULL, prev_hash text NOT NULL,
      hash text NOT NULL, fields jsonb NOT NULL, UNIQUE (merchant_id, seq))`);
    await t.db.query("SELECT autopay_make_append_only('chain_test_records')");
  });
  afterAll(async () => {
    await t.close();
  });

  /** What a consent service does: reserve the link and insert the record in one transaction. */
  const appendRecord = (merchantId: string, n: number) =>
    t.app
      .get(EntityManager)
      .fork()
      .transactional(async (em) => {
        const fields = { merchant_customer_id: `cust-${n}`, terms_version: 1 + (n % 3), accepted: true };
        const link = await chain.append(em, merchantId, fields);
        await em.execute(
          'INSERT INTO chain_test_records (id, merchant_id, seq, prev_hash, hash, fields) VALUES (?, ?, ?, ?, ?, ?)',
          [
            `con_${merchantId.slice(4)}${String(link.seq).padStart(6, '0')}`,
            merchantId,
            link.seq,
            link.prevHash,
            link.hash,
            JSON.stringify(fields),
          ],
        );
        return link;
      });

  const rowsOf = (db: Client, merchantId: string) => async (after: number, limit: number) =>
    (
      await db.query(
        'SELECT id, seq, prev_hash, hash, fields FROM chain_test_records WHERE merchant_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [merchantId, after, limit],
      )
    ).rows.map((r): ChainRow => ({
      id: r.id,
      seq: r.seq,
      prevHash: r.prev_hash,
      hash: r.hash,
      fields: r.fields,
    }));

  const verify = async (merchantId: string): Promise<VerifyResult> => {
    const head = await chain.head(merchantId, t.app.get(EntityManager).fork());
    return verifyChain(chainRowsInBatches(rowsOf(t.db, merchantId), 7, head?.seq), head ?? undefined);
  };

  const tamper = async (sql: string, params: unknown[]) => {
    const superuser = new Client({ connectionString: t.dbUrl });
    await superuser.connect();
    try {
      await superuser.query('SET session_replication_role = replica');
      await superuser.query(sql, params);
    } finally {
      await superuser.end();
    }
  };

  const idAt = async (merchantId: string, seq: number): Promise<string> =>
    (
      await t.db.query('SELECT id FROM chain_test_records WHERE merchant_id = $1 AND seq = $2', [
        merchantId,
        seq,
      ])
    ).rows[0].id;

  it('never forks under many concurrent appends for one merchant', async () => {
    const m = await createMerchant(t, 'Busy');
    const other = await createMerchant(t, 'Neighbour');
    const links = await Promise.all([
      ...Array.from({ length: 60 }, (_, i) => appendRecord(m.id, i)),
      ...Array.from({ length: 10 }, (_, i) => appendRecord(other.id, i)),
    ]);
    expect(links).toHaveLength(70);
    const rows = (
      await t.db.query(
        'SELECT seq, prev_hash, hash FROM chain_test_records WHERE merchant_id = $1 ORDER BY seq',
        [m.id],
      )
    ).rows;
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(rows[0].prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i].prev_hash).toBe(rows[i - 1].hash);
    const head = (await t.db.query('SELECT seq, head_hash FROM chain_heads WHERE merchant_id = $1', [m.id]))
      .rows[0];
    expect(head).toEqual({ seq: 60, head_hash: rows[59].hash });
    expect(await verify(m.id)).toEqual({
      ok: true,
      records_checked: 60,
      first_broken_id: null,
      first_broken_seq: null,
      reason: null,
    });
    expect(await verify(other.id)).toMatchObject({ ok: true, records_checked: 10 });
  });

  it('rolls the head back with a failed transaction, leaving no gap', async () => {
    const m = await createMerchant(t, 'Rollback');
    await appendRecord(m.id, 1);
    await expect(
      t.app
        .get(EntityManager)
        .fork()
        .transactional(async (em) => {
          await chain.append(em, m.id, { n: 2 });
          throw new Error('insert failed');
        }),
    ).rejects.toThrow('insert failed');
    expect((await appendRecord(m.id, 3)).seq).toBe(2);
    expect(await verify(m.id)).toMatchObject({ ok: true, records_checked: 2 });
  });

  it('refuses to append outside a transaction', async () => {
    const m = await createMerchant(t, 'No Tx');
    await expect(chain.append(t.app.get(EntityManager).fork(), m.id, { n: 1 })).rejects.toThrow(
      'inside the transaction',
    );
  });

  it('reports a changed field, a deleted row and two swapped rows at the right record', async () => {
    const changed = await createMerchant(t, 'Changed');
    const deleted = await createMerchant(t, 'Deleted');
    const swapped = await createMerchant(t, 'Swapped');
    const truncated = await createMerchant(t, 'Truncated');
    for (const m of [changed, deleted, swapped, truncated]) {
      for (let i = 0; i < 12; i++) await appendRecord(m.id, i);
    }

    const changedId = await idAt(changed.id, 8);
    await tamper(
      `UPDATE chain_test_records SET fields = jsonb_set(fields, '{merchant_customer_id}', '"mallory"') WHERE id = $1`,
      [changedId],
    );
    expect(await verify(changed.id)).toMatchObject({
      ok: false,
      records_checked: 8,
      first_broken_id: changedId,
      first_broken_seq: 8,
      reason: 'hash_mismatch',
    });

    const afterDeleted = await idAt(deleted.id, 6);
    await tamper('DELETE FROM chain_test_records WHERE merchant_id = $1 AND seq = 5', [deleted.id]);
    expect(await verify(deleted.id)).toMatchObject({
      ok: false,
      first_broken_id: afterDeleted,
      first_broken_seq: 6,
      reason: 'sequence_gap',
    });

    const third = await idAt(swapped.id, 3);
    const ninth = await idAt(swapped.id, 9);
    // Three steps because (merchant_id, seq) is unique.
    await tamper('UPDATE chain_test_records SET seq = -3 WHERE merchant_id = $1 AND seq = 3', [swapped.id]);
    await tamper('UPDATE chain_test_records SET seq = 3 WHERE merchant_id = $1 AND seq = 9', [swapped.id]);
    await tamper('UPDATE chain_test_records SET seq = 9 WHERE merchant_id = $1 AND seq = -3', [swapped.id]);
    expect(await idAt(swapped.id, 3)).toBe(ninth);
    expect(await verify(swapped.id)).toMatchObject({
      ok: false,
      records_checked: 3,
      first_broken_id: ninth,
      first_broken_seq: 3,
      reason: 'prev_hash_mismatch',
    });
    expect(await idAt(swapped.id, 9)).toBe(third);

    await tamper('DELETE FROM chain_test_records WHERE merchant_id = $1 AND seq > 10', [truncated.id]);
    expect(await verify(truncated.id)).toMatchObject({
      ok: false,
      first_broken_seq: 11,
      reason: 'head_mismatch',
    });
  });

  it('publishes heads over the admin API and in the log', async () => {
    const m = await createMerchant(t, 'Published');
    for (let i = 0; i < 3; i++) await appendRecord(m.id, i);
    (t.clock as FakeClock).advance(5000);
    const one = await t.request('GET', `/admin/v1/consents/chain-heads?merchant_id=${m.id}`, {
      key: t.auditorKey,
    });
    expect(one.status).toBe(200);
    const dbHead = (
      await t.db.query('SELECT seq, head_hash, updated_at FROM chain_heads WHERE merchant_id = $1', [m.id])
    ).rows[0];
    expect(one.body).toEqual({
      data: [
        {
          merchant_id: m.id,
          seq: 3,
          head_hash: dbHead.head_hash,
          updated_at: dbHead.updated_at.toISOString(),
        },
      ],
      next_cursor: null,
    });

    const all: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.request(
        'GET',
        `/admin/v1/consents/chain-heads?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        { key: t.adminKey },
      );
      expect(page.status).toBe(200);
      all.push(...page.body.data);
      cursor = page.body.next_cursor;
    } while (cursor);
    const count = (await t.db.query('SELECT count(*)::int AS n FROM chain_heads')).rows[0].n;
    expect(all).toHaveLength(count);
    expect(all.map((h) => h.merchant_id)).toEqual([...all.map((h) => h.merchant_id)].sort());

    logLines.length = 0;
    expect(await t.app.get(ChainHeadsLogJob).runOnce()).toBe(count);
    const published = logLines
      .map((line) => JSON.parse(line))
      .filter((entry) => entry.event === 'consent_chain_head');
    expect(published).toHaveLength(count);
    expect(published.find((entry) => entry.merchant_id === m.id)).toMatchObject({
      msg: 'consent chain head',
      seq: 3,
      head_hash: dbHead.head_hash,
      updated_at: dbHead.updated_at.toISOString(),
    });
  });
});
