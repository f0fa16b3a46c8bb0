import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from '../../src/app/database/mikro-orm.config';
import { withDatabase } from '../../src/common/database/scratch-database';

const BEFORE = 'Migration20261205083000_unverified_authorizations';
// Only this migration goes up and down: later ones (test clocks, order money, …) are not part of what is checked.
const THIS = 'Migration20261205103547_canceled_spelling';
const AT = '2026-03-01T09:00:00.000Z';

/**
 * Issue #17: customer tokens said `cancelled` where everything else says `canceled`. Data stored with the old
 * spelling (token status and column, event types and payloads, webhook subscriptions, subscriptions' reason)
 * reads with the new one after the migration, and back again after its `down`; Klarna's own codes stay.
 */
describe('migration to one spelling: canceled', () => {
  const name = `autopay_t_${process.env.AUTOPAY_TEST_RUN_ID}_cxl${Date.now() % 100000}`;
  const server = process.env.AUTOPAY_TEST_SERVER_URL!;
  const url = withDatabase(server, name);
  let orm: MikroORM;
  let db: Client;

  beforeAll(async () => {
    const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
    // No snapshot: migrating down would write the schema it leaves into the committed snapshot file.
    const options = ormOptions(url, 1);
    orm = await MikroORM.init({ ...options, migrations: { ...options.migrations, snapshot: false } });
    await orm.getMigrator().up({ to: BEFORE });
    db = new Client({ connectionString: url });
    await db.connect();
  });

  afterAll(async () => {
    await db?.end();
    await orm?.close(true);
  });

  const token = (id: string, status: string) => ({
    id,
    status,
    merchant_customer_id: 'cust-4711',
    cancelled_at: status === 'cancelled' ? AT : null,
  });

  async function seedOldSpelling(): Promise<void> {
    // Only the columns the migration reads matter; foreign keys are not what is under test.
    await db.query(`SET session_replication_role = replica`);
    await db.query(
      `insert into merchants (id, name, created_at, updated_at) values ('mer_1', 'Citybikes', $1, $1)`,
      [AT],
    );
    for (const [id, status] of [
      ['ctok_old', 'cancelled'],
      ['ctok_live', 'active'],
    ])
      await db.query(
        `insert into customer_tokens (id, merchant_id, session_id, consent_id, authorization_id, merchant_customer_id,
           intended_use, scope, description, status, purchase_country, purchase_currency, locale, created_at,
           updated_at, cancelled_at)
         values ($1, 'mer_1', 'ses_' || $1, 'con_' || $1, 'aut_' || $1, 'cust-4711', 'SUBSCRIPTION', '{}', 'd', $2, 'SE', 'SEK',
           'sv-SE', $3, $3, $4)`,
        [id, status, AT, status === 'cancelled' ? AT : null],
      );
    const subscription = (id: string, reason: string) =>
      db.query(
        `insert into subscriptions (id, merchant_id, customer_token_id, status, status_reason, interval,
           interval_count, start_date, "order", current_cycle, next_cycle, created_at, updated_at)
         values ($1, 'mer_1', 'ctok_old', 'canceled', $2, 'MONTH', 1, '2026-03-01', '{}', 1, 2, $3, $3)`,
        [id, reason, AT],
      );
    await subscription('sub_token', 'token_cancelled');
    await subscription('sub_consent', 'consent_withdrawn');
    const event = (id: string, type: string, data: unknown) =>
      db.query(
        `insert into events (id, merchant_id, type, data, created_at) values ($1, 'mer_1', $2, $3, $4)`,
        [id, type, JSON.stringify(data), AT],
      );
    await event('evt_1', 'customer_token.cancelled', token('ctok_old', 'cancelled'));
    await event('evt_2', 'customer_token.created', token('ctok_live', 'active'));
    await event('evt_3', 'subscription.canceled', {
      id: 'sub_token',
      status: 'canceled',
      status_reason: 'token_cancelled',
      metadata: { note: 'cancelled' },
      latest_cycle: { last_error: 'TOKEN_CANCELLED' },
    });
    const endpoint = (id: string, events: string[]) =>
      db.query(
        `insert into webhook_endpoints (id, merchant_id, url, events, status, secret_enc, created_at, updated_at)
         values ($1, 'mer_1', 'https://merchant.example/hooks', $2, 'enabled', 'x', $3, $3)`,
        [id, JSON.stringify(events), AT],
      );
    await endpoint('whe_1', ['order.failed', 'customer_token.cancelled', 'subscription.canceled']);
    await endpoint('whe_2', ['order.succeeded']);
    await db.query(`SET session_replication_role = origin`);
  }

  const read = async () => ({
    tokens: (
      await db.query(
        `select id, status, to_jsonb(t) - 'id' - 'status' as rest from customer_tokens t order by id`,
      )
    ).rows.map((r: { id: string; status: string; rest: Record<string, unknown> }) => ({
      id: r.id,
      status: r.status,
      timestamps: Object.keys(r.rest).filter((k) => k.startsWith('cancel')),
    })),
    reasons: (await db.query(`select id, status_reason from subscriptions order by id`)).rows,
    events: (await db.query(`select id, type, data from events order by id`)).rows,
    endpoints: (await db.query(`select id, events from webhook_endpoints order by id`)).rows,
  });

  it('rewrites the old spelling everywhere it is stored, and back on down', async () => {
    await seedOldSpelling();
    const before = await read();

    await orm.getMigrator().up({ to: THIS });
    const after = await read();
    expect(after.tokens).toEqual([
      { id: 'ctok_live', status: 'active', timestamps: ['canceled_at'] },
      { id: 'ctok_old', status: 'canceled', timestamps: ['canceled_at'] },
    ]);
    expect(after.reasons).toEqual([
      { id: 'sub_consent', status_reason: 'consent_withdrawn' },
      { id: 'sub_token', status_reason: 'token_canceled' },
    ]);
    expect(after.events).toEqual([
      {
        id: 'evt_1',
        type: 'customer_token.canceled',
        data: { id: 'ctok_old', status: 'canceled', merchant_customer_id: 'cust-4711', canceled_at: AT },
      },
      {
        id: 'evt_2',
        type: 'customer_token.created',
        data: { id: 'ctok_live', status: 'active', merchant_customer_id: 'cust-4711', canceled_at: null },
      },
      {
        id: 'evt_3',
        type: 'subscription.canceled',
        // The merchant's own metadata and Klarna's code keep their spelling.
        data: {
          id: 'sub_token',
          status: 'canceled',
          status_reason: 'token_canceled',
          metadata: { note: 'cancelled' },
          latest_cycle: { last_error: 'TOKEN_CANCELLED' },
        },
      },
    ]);
    expect(after.endpoints).toEqual([
      { id: 'whe_1', events: ['order.failed', 'customer_token.canceled', 'subscription.canceled'] },
      { id: 'whe_2', events: ['order.succeeded'] },
    ]);

    await orm.getMigrator().down();
    const reverted = await read();
    expect(reverted.tokens).toEqual([
      { id: 'ctok_live', status: 'active', timestamps: ['cancelled_at'] },
      { id: 'ctok_old', status: 'cancelled', timestamps: ['cancelled_at'] },
    ]);
    expect(reverted).toEqual(before);
  });
});
