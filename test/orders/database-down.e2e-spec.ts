import { Client } from 'pg';
import { withDatabase } from '../../src/common/database/scratch-database';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { activeToken, type ActiveToken, placeOrder, tokenOrderRequests } from './orders-helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The attempt must be committed before Klarna hears of it: no database, no Klarna call. */
describe('token orders without a database', () => {
  let t: TestApp;
  let admin: Client;
  let key: string;
  let token: ActiveToken;
  let dbName: string;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    key = (await createMerchant(t, 'No database')).key;
    token = await activeToken(t, key);
    dbName = new URL(t.dbUrl).pathname.slice(1);
    admin = new Client({ connectionString: withDatabase(t.dbUrl, 'postgres') });
    await admin.connect();
  });
  afterAll(async () => {
    await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
    await admin.end();
    await t.close().catch(() => undefined);
  });

  it('sends nothing to Klarna when the attempt cannot be committed (failure at COMMIT)', async () => {
    // A deferred constraint trigger fails the transaction exactly at COMMIT, after every statement succeeded.
    await t.db.query(`
      create function refuse_commit() returns trigger language plpgsql as $$
        begin raise exception 'the database cannot commit'; end $$;
      create constraint trigger refuse_commit after insert on orders
        deferrable initially deferred for each row execute function refuse_commit();`);
    const before = (await tokenOrderRequests(t)).length;
    const res = await placeOrder(t, key, token.id, 'commit-fails');
    expect(res.status).toBe(500);
    expect((await tokenOrderRequests(t)).length).toBe(before);
    const rows = await t.db.query(
      `select 1 from orders union all select 1 from idempotency_keys where key = 'commit-fails'`,
    );
    expect(rows.rows).toEqual([]);

    await t.db.query('drop trigger refuse_commit on orders; drop function refuse_commit()');
    const retried = await placeOrder(t, key, token.id, 'commit-fails');
    expect(retried.status).toBe(201);
    expect((await tokenOrderRequests(t)).length).toBe(before + 1);
  });

  it('sends nothing to Klarna while the database is down, and charges again once it is back', async () => {
    const before = (await tokenOrderRequests(t)).length;
    t.db.on('error', () => undefined); // the test's own connection is terminated too
    await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS false`);
    await admin.query(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [dbName]);
    for (let i = 0; i < 5; i++) {
      const res = await placeOrder(t, key, token.id, `down-${i}`);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('DATABASE_UNAVAILABLE');
      expect(res.headers.get('retry-after')).toBe('5');
    }
    expect((await tokenOrderRequests(t)).length).toBe(before);

    await admin.query(`ALTER DATABASE "${dbName}" ALLOW_CONNECTIONS true`);
    let status = 0;
    for (let i = 0; i < 20 && status !== 201; i++) {
      status = (await placeOrder(t, key, token.id, 'down-0')).status;
      if (status !== 201) await sleep(200);
    }
    expect(status).toBe(201);
    expect((await tokenOrderRequests(t)).length).toBe(before + 1);
  });
});
