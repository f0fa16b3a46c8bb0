import { Client } from 'pg';
import { migrateWithLock } from '../../src/app/database/migrate';
import { MIGRATIONS } from '../../src/app/database/migrations';
import { withDatabase } from '../../src/common/database/scratch-database';

/** Two instances booting at once against an empty database: each migration runs exactly once. */
describe('migrations at boot', () => {
  const name = `autopay_t_${process.env.AUTOPAY_TEST_RUN_ID}_mig${Date.now() % 100000}`;
  const server = process.env.AUTOPAY_TEST_SERVER_URL!;
  const url = withDatabase(server, name);

  beforeAll(async () => {
    const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
  });

  it('serializes concurrent migrators with the advisory lock', async () => {
    // Each migrator opens its own owner connection (see migrateWithLock), as three booting instances would.
    const applied = await Promise.all([1, 2, 3].map(() => migrateWithLock(url)));
    const all = applied.flat();
    expect(all.sort()).toEqual(MIGRATIONS.map((m) => m.name).sort());
    const db = new Client({ connectionString: url });
    await db.connect();
    const rows = await db.query('SELECT name FROM mikro_orm_migrations');
    await db.end();
    expect(rows.rowCount).toBe(MIGRATIONS.length);
    expect(await migrateWithLock(url)).toEqual([]);
  });

  it('leaves room for in-place (HOT) updates in the tables every charge updates again', async () => {
    const db = new Client({ connectionString: url });
    await db.connect();
    const rows = await db.query<{ relname: string; reloptions: string[] | null }>(
      `SELECT relname, reloptions FROM pg_class
        WHERE relkind = 'r' AND relname IN ('subscriptions', 'subscription_cycles', 'orders', 'idempotency_keys',
                                            'events')
        ORDER BY relname`,
    );
    await db.end();
    expect(rows.rows).toEqual([
      { relname: 'events', reloptions: null },
      { relname: 'idempotency_keys', reloptions: ['fillfactor=70'] },
      { relname: 'orders', reloptions: ['fillfactor=70'] },
      { relname: 'subscription_cycles', reloptions: ['fillfactor=70'] },
      { relname: 'subscriptions', reloptions: ['fillfactor=70'] },
    ]);
  });
});
