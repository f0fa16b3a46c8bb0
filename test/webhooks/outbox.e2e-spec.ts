import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EntityManager } from '@mikro-orm/postgresql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { ID_PATTERN, newIdHead, sqlIdTail } from '../../src/common/ids';
import { sql, sqlParams } from '../../src/common/database/sql';
import { EventsService } from '../../src/events/events.service';
import { outboxCtes } from '../../src/events/outbox-sql';
import { Merchant } from '../../src/merchants/merchant.entity';
import { WebhookDeliveryJob } from '../../src/events/webhooks/webhook-delivery.job';
import { TEST_ENV } from '../support/test-env';
import { createMerchant, FAST_KLARNA_ENV, startTestApp, type TestApp } from '../support/test-app';
import { deliveryJob, emit, type Receiver, registerEndpoint, startReceiver } from './support';

describe('events outbox', () => {
  let t: TestApp;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOKS_BATCH_SIZE: '7', WEBHOOKS_CONCURRENCY: '3' } });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const countEvents = async (merchantId: string): Promise<number> =>
    (await t.db.query('SELECT count(*)::int AS n FROM events WHERE merchant_id = $1', [merchantId])).rows[0]
      .n;

  it('commits the event with the business change, and a rollback leaves neither', async () => {
    const m = await createMerchant(t, 'Outbox');
    await registerEndpoint(t, m.key, receiver.url);
    const events = t.app.get(EventsService);
    const em = t.app.get(EntityManager).fork();

    await expect(
      em.transactional(async (tx) => {
        await tx.nativeUpdate(Merchant, { id: m.id }, { name: 'renamed, then rolled back' });
        await events.emit(tx, { merchantId: m.id, type: 'order.succeeded', data: { id: 'ord_rollback' } });
        throw new Error('the business change failed');
      }),
    ).rejects.toThrow('the business change failed');
    expect(await countEvents(m.id)).toBe(0);
    expect((await t.db.query('SELECT count(*)::int AS n FROM webhook_deliveries')).rows[0].n).toBe(0);
    expect((await t.db.query('SELECT name FROM merchants WHERE id = $1', [m.id])).rows[0].name).toBe(
      'Outbox',
    );
    expect(await deliveryJob(t).runOnce()).toBe(0);

    const { id } = await em.fork().transactional(async (tx) => {
      await tx.nativeUpdate(Merchant, { id: m.id }, { name: 'renamed' });
      return events.emit(tx, { merchantId: m.id, type: 'order.succeeded', data: { id: 'ord_commit' } });
    });
    expect(await countEvents(m.id)).toBe(1);
    expect((await t.db.query('SELECT name FROM merchants WHERE id = $1', [m.id])).rows[0].name).toBe(
      'renamed',
    );
    const row = (await t.db.query('SELECT * FROM events WHERE id = $1', [id])).rows[0];
    expect(row).toMatchObject({ type: 'order.succeeded', data: { id: 'ord_commit' }, merchant_id: m.id });
    expect(row.created_at).toEqual(t.clock.now());
    expect(await deliveryJob(t).runOnce()).toBe(1);
    expect(receiver.requests.map((r) => r.headers['autopay-event-id'])).toEqual([id]);
  });

  it('refuses to emit outside a transaction (it could not commit with the change) and writes nothing', async () => {
    const m = await createMerchant(t, 'No transaction');
    const em = t.app.get(EntityManager).fork();
    await expect(
      t.app.get(EventsService).emit(em, { merchantId: m.id, type: 'order.failed', data: {} }),
    ).rejects.toThrow(/inside the transaction/);
    expect(await countEvents(m.id)).toBe(0);
  });

  it('claims only what it can send at once and claims again as slots free up (a crash strands at most that)', async () => {
    const m = await createMerchant(t, 'Slots');
    let inFlight = 0;
    let maxInFlight = 0;
    let maxClaimed = 0;
    const arrived: string[] = [];
    // A slow receiver that looks, at each request, at how many of the merchant's deliveries are claimed.
    const slow = createServer((req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      arrived.push(String(req.headers['autopay-event-id']));
      req.resume();
      void t.db
        .query(
          `select count(*)::int as n from webhook_deliveries d join events e on e.id = d.event_id
            where e.merchant_id = $1 and d.status = 'pending' and d.lock_token is not null`,
          [m.id],
        )
        .then(({ rows }) => {
          maxClaimed = Math.max(maxClaimed, rows[0].n as number);
          setTimeout(() => {
            inFlight--;
            res.writeHead(200).end();
          }, 100);
        });
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    try {
      await registerEndpoint(t, m.key, `http://127.0.0.1:${(slow.address() as AddressInfo).port}/hooks`, [
        'order.succeeded',
      ]);
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) ids.push(await emit(t, m.id, 'order.succeeded', { n: i }));
      // Batch 7, concurrency 3: one run sends 7, never more than 3 claimed or in flight at once.
      expect(await deliveryJob(t).runOnce()).toBe(7);
      expect(arrived).toHaveLength(7);
      expect(maxInFlight).toBe(3);
      expect(maxClaimed).toBeLessThanOrEqual(3);
      expect(await deliveryJob(t).runOnce()).toBe(3);
      expect([...arrived].sort()).toEqual([...ids].sort());
    } finally {
      await new Promise<void>((r) => slow.close(() => r()));
    }
  });

  describe('with two service instances on one database', () => {
    let second: NestFastifyApplication;
    beforeAll(async () => {
      const config = loadConfig({
        ...TEST_ENV,
        ...FAST_KLARNA_ENV,
        DATABASE_URL: t.dbUrl,
        KLARNA_BASE_URL: 'http://127.0.0.1:9',
        WEBHOOKS_BATCH_SIZE: '7',
        WEBHOOKS_CONCURRENCY: '3',
      });
      second = await createApp(config, { clock: t.clock });
    });
    afterAll(async () => {
      await second.close();
    });

    it('never sends the same delivery twice, however the workers interleave', async () => {
      const m = await createMerchant(t, 'Two workers');
      const other = await startReceiver();
      try {
        await registerEndpoint(t, m.key, receiver.url, ['order.succeeded']);
        await registerEndpoint(t, m.key, other.url, ['order.succeeded']);
        const ids: string[] = [];
        for (let i = 0; i < 30; i++) ids.push(await emit(t, m.id, 'order.succeeded', { n: i }));
        receiver.requests.length = 0;

        const workers = [t.app.get(WebhookDeliveryJob), second.get(WebhookDeliveryJob)];
        let handled = 0;
        for (let round = 0; round < 20; round++) {
          const counts = await Promise.all([...workers, ...workers].map((w) => w.runOnce()));
          const sum = counts.reduce((a, b) => a + b, 0);
          handled += sum;
          if (sum === 0) break;
        }
        expect(handled).toBe(60);
        const perEndpoint = (r: Receiver) => r.requests.map((q) => q.headers['autopay-event-id']).sort();
        expect(perEndpoint(receiver)).toEqual([...ids].sort());
        expect(perEndpoint(other)).toEqual([...ids].sort());
        const { rows } = await t.db.query(
          `SELECT status, count(*)::int AS n, max(attempt_count) AS max FROM webhook_deliveries d
           JOIN events e ON e.id = d.event_id WHERE e.merchant_id = $1 GROUP BY status`,
          [m.id],
        );
        expect(rows).toEqual([{ status: 'succeeded', n: 60, max: 1 }]);
      } finally {
        await other.close();
      }
    });
  });

  it('queues in one statement (outboxCtes, the order hot path) exactly the deliveries emit queues', async () => {
    const m = await createMerchant(t, 'One statement');
    const succeeded = await registerEndpoint(t, m.key, receiver.url, ['order.succeeded', 'order.failed']);
    const alsoSucceeded = await registerEndpoint(t, m.key, `${receiver.url}/b`, ['order.succeeded']);
    await registerEndpoint(t, m.key, `${receiver.url}/c`, ['order.failed']);
    const disabled = await registerEndpoint(t, m.key, `${receiver.url}/d`, ['order.succeeded']);
    expect((await t.request('DELETE', `/v1/webhook-endpoints/${disabled.id}`, { key: m.key })).status).toBe(
      200,
    );
    const em = t.app.get(EntityManager).fork();

    const viaEmit = await em.transactional((tx) =>
      t.app.get(EventsService).emit(tx, { merchantId: m.id, type: 'order.succeeded', data: { id: 'ord_a' } }),
    );
    const { values, p } = sqlParams();
    const { ctes, eventId } = outboxCtes(
      p,
      { merchantId: m.id, type: 'order.succeeded', data: { id: 'ord_b' }, when: 'go' },
      t.clock.now(),
    );
    await sql(em, `with go as (select 1), ${ctes} select 1`, values);
    const second = sqlParams();
    const skipped = outboxCtes(
      second.p,
      { merchantId: m.id, type: 'order.succeeded', data: { id: 'ord_c' }, when: 'go' },
      t.clock.now(),
    );
    // `when` produced no row: no event and no delivery.
    await sql(em, `with go as (select 1 where false), ${skipped.ctes} select 1`, second.values);

    const deliveries = async (id: string) =>
      (await t.db.query('SELECT * FROM webhook_deliveries WHERE event_id = $1 ORDER BY id', [id])).rows;
    const expected = [succeeded.id, alsoSucceeded.id].sort();
    for (const id of [viaEmit.id, eventId]) {
      const rows = await deliveries(id);
      expect(rows.map((r) => r.endpoint_id)).toEqual(expected);
      for (const row of rows) {
        expect(row.id).toMatch(ID_PATTERN);
        expect(row).toMatchObject({ status: 'pending', attempt_count: 0 });
        expect(row.next_attempt_at).toEqual(t.clock.now());
      }
    }
    const event = (await t.db.query('SELECT * FROM events WHERE id = $1', [eventId])).rows[0];
    expect(event).toMatchObject({ merchant_id: m.id, type: 'order.succeeded', data: { id: 'ord_b' } });
    expect(await countEvents(m.id)).toBe(2);
    expect(await deliveries(skipped.eventId)).toEqual([]);
    // Disabling cancels the pending deliveries, so that no other test's delivery job sends them.
    for (const id of [succeeded.id, alsoSucceeded.id]) {
      expect((await t.request('DELETE', `/v1/webhook-endpoints/${id}`, { key: m.key })).status).toBe(200);
    }
  });

  it('emitMany writes every event of a batch, each with the deliveries of its own type, in one statement', async () => {
    const m = await createMerchant(t, 'Batch emit');
    const other = await createMerchant(t, 'Batch emit, other merchant');
    const both = await registerEndpoint(t, m.key, receiver.url, ['order.succeeded', 'order.failed']);
    const failedOnly = await registerEndpoint(t, m.key, `${receiver.url}/f`, ['order.failed']);
    const othersEndpoint = await registerEndpoint(t, other.key, `${receiver.url}/o`, ['order.succeeded']);
    const inputs = [
      { merchantId: m.id, type: 'order.succeeded' as const, data: { id: 'ord_1', note: 'å "quoted" \\ ✓' } },
      { merchantId: m.id, type: 'order.failed' as const, data: { id: 'ord_2' } },
      { merchantId: other.id, type: 'order.succeeded' as const, data: { id: 'ord_3' } },
      { merchantId: m.id, type: 'order.captured' as const, data: { id: 'ord_4' } },
    ];
    const ids = await t.app
      .get(EntityManager)
      .fork()
      .transactional((tx) => t.app.get(EventsService).emitMany(tx, inputs));

    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(4);
    for (const [i, id] of ids.entries()) {
      const row = (await t.db.query('SELECT merchant_id, type, data FROM events WHERE id = $1', [id]))
        .rows[0];
      expect(row).toEqual({ merchant_id: inputs[i].merchantId, type: inputs[i].type, data: inputs[i].data });
    }
    const endpointsOf = async (id: string) =>
      (
        await t.db.query(
          'SELECT endpoint_id FROM webhook_deliveries WHERE event_id = $1 ORDER BY endpoint_id',
          [id],
        )
      ).rows.map((r) => r.endpoint_id);
    expect(await endpointsOf(ids[0])).toEqual([both.id]);
    expect(await endpointsOf(ids[1])).toEqual([both.id, failedOnly.id].sort());
    expect(await endpointsOf(ids[2])).toEqual([othersEndpoint.id]);
    // No endpoint subscribed to order.captured: the event is kept, with no delivery.
    expect(await endpointsOf(ids[3])).toEqual([]);
    for (const [merchant, endpoints] of [
      [m, [both, failedOnly]],
      [other, [othersEndpoint]],
    ] as const) {
      for (const e of endpoints) {
        expect(
          (await t.request('DELETE', `/v1/webhook-endpoints/${e.id}`, { key: merchant.key })).status,
        ).toBe(200);
      }
    }
  });

  it('makes up to 1,024 valid, distinct, ordered ids from one head (newIdHead + sqlIdTail)', async () => {
    const heads = [newIdHead('whd', t.clock.nowMs()), newIdHead('whd', t.clock.nowMs())];
    expect(heads[0].slice(0, 18)).not.toBe(heads[1].slice(0, 18));
    const { rows } = await t.db.query(
      `SELECT h.head || ${sqlIdTail('n')} AS id FROM unnest($1::text[]) h(head), generate_series(0, 1023) n
        ORDER BY h.head, n`,
      [heads],
    );
    const ids = rows.map((r: { id: string }) => r.id);
    expect(ids).toHaveLength(2048);
    expect(new Set(ids).size).toBe(2048);
    for (const id of ids) expect(id).toMatch(ID_PATTERN);
    expect([...ids].sort()).toEqual(ids);
  });
});
