import { klarnaRequests, openSession, publishedTerms, sessionBody } from '../support/signup';
import { activeToken, type ActiveToken, orderBody } from '../orders/orders-helpers';
import { generateApiKey } from '../../src/common/auth/api-key-secret';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import {
  type ApiResponse,
  createMerchant,
  createTestDatabase,
  startTestApp,
  type TestApp,
} from '../support/test-app';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The app reaches PostgreSQL through a TCP proxy that the test cuts, as a network or database outage does.
 * Every route answers 503 DATABASE_UNAVAILABLE with Retry-After (problem+json), not 500; Klarna hears nothing
 * while it lasts; once the proxy forwards again the app recovers without a restart.
 */
describe('database outage', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let merchant: { id: string; key: string };
  let token: ActiveToken;
  let termsId: string;
  let orderId: string;
  /** The app's log (LOG_LEVEL info), as JSON lines. */
  const logged: string[] = [];

  beforeAll(async () => {
    const dbUrl = await createTestDatabase();
    const server = new URL(dbUrl);
    proxy = await startTcpProxy(server.hostname, Number(server.port || 5432));
    t = await startTestApp({
      emulator: true,
      database: dbUrl,
      env: { DATABASE_URL: proxy.rewrite(dbUrl), RATE_LIMIT_PER_MINUTE: '100000', LOG_LEVEL: 'info' },
      logStream: { write: (line) => void logged.push(line) },
    });
    merchant = await createMerchant(t, 'Outage Shop');
    token = await activeToken(t, merchant.key);
    termsId = (await publishedTerms(t, merchant.key, { key: 'outage' })).id;
    const placed = await t.request('POST', `/v1/customer-tokens/${token.id}/orders`, {
      key: merchant.key,
      body: orderBody(),
      headers: { 'idempotency-key': 'outage-seed' },
    });
    expect(placed.status).toBe(201);
    orderId = (placed.body as { id: string }).id;
  });
  afterAll(async () => {
    await proxy.restore();
    await t.close();
    await proxy.close();
  });

  /** Authenticated reads and writes of each kind of caller, a Klarna-bound write among them. */
  const calls = (): [string, () => Promise<ApiResponse>][] => [
    ['merchant read', () => t.request('GET', `/v1/customer-tokens/${token.id}`, { key: merchant.key })],
    ['merchant list', () => t.request('GET', '/v1/webhook-endpoints', { key: merchant.key })],
    [
      'merchant order (Klarna)',
      () =>
        t.request('POST', `/v1/customer-tokens/${token.id}/orders`, {
          key: merchant.key,
          body: orderBody(),
          headers: { 'idempotency-key': 'outage-order' },
        }),
    ],
    [
      'merchant session (Klarna)',
      () => t.request('POST', '/v1/sessions', { key: merchant.key, body: sessionBody(termsId) }),
    ],
    ['auditor read', () => t.request('GET', '/admin/v1/consents?limit=5', { key: t.auditorKey })],
    [
      'admin write',
      () => t.request('POST', '/admin/v1/merchants', { key: t.adminKey, body: { name: 'During outage' } }),
    ],
    ['admin order read', () => t.request('GET', `/admin/v1/orders/${orderId}`, { key: t.adminKey })],
    [
      'admin refund (audited in its own transaction)',
      () =>
        t.request('POST', `/admin/v1/orders/${orderId}/refunds`, {
          key: t.adminKey,
          body: { amount: 100 },
          headers: { 'idempotency-key': 'outage-refund' },
        }),
    ],
    ['unknown key', () => t.request('GET', '/v1/webhook-endpoints', { key: generateApiKey().key })],
  ];

  async function expectOutageAnswers() {
    for (const [name, call] of calls()) {
      const res = await call();
      expect({ name, status: res.status }).toEqual({ name, status: 503 });
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.body).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });
      expect(res.body.request_id).toEqual(expect.any(String));
    }
    // Readiness says which check failed (not the driver's message: the route is public), and a load balancer's
    // probes during an outage are not errors in the log.
    const errorsBefore = logged.filter((line) => JSON.parse(line).level >= 50).length;
    const ready = await t.request('GET', '/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      status: 503,
      code: 'NOT_READY',
      detail: 'Not ready: database (down).',
    });
    expect(logged.filter((line) => JSON.parse(line).level >= 50).length).toBe(errorsBefore);
    const line = logged.map((l) => JSON.parse(l)).find((l) => l.req?.id === ready.body.request_id);
    expect(line).toMatchObject({ level: 30, req: { url: '/health/ready' }, res: { status: 503 } });
    expect(line.err).toBeUndefined();
  }

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After on every route while connections are reset', async () => {
    // Warm: the pool holds open connections that the cut kills under it.
    expect((await t.request('GET', `/v1/customer-tokens/${token.id}`, { key: merchant.key })).status).toBe(
      200,
    );
    const before = (await klarnaRequests(t)).length;
    await proxy.cut('reset');
    await expectOutageAnswers();
    expect((await klarnaRequests(t)).length).toBe(before);
  });

  it('answers the same when nothing listens (connection refused), and Klarna still hears nothing', async () => {
    const before = (await klarnaRequests(t)).length;
    await proxy.cut('refuse');
    await expectOutageAnswers();
    expect((await klarnaRequests(t)).length).toBe(before);
  });

  it('recovers once the database is reachable again: the order is placed once', async () => {
    const before = (await klarnaRequests(t)).length;
    await proxy.restore();
    let read: ApiResponse | undefined;
    for (let i = 0; i < 50 && read?.status !== 200; i++) {
      read = await t.request('GET', `/v1/customer-tokens/${token.id}`, { key: merchant.key });
      if (read.status !== 200) await sleep(100);
    }
    expect(read!.status).toBe(200);
    const order = await t.request('POST', `/v1/customer-tokens/${token.id}/orders`, {
      key: merchant.key,
      body: orderBody(),
      headers: { 'idempotency-key': 'outage-order' },
    });
    expect(order.status).toBe(201);
    const session = await openSession(t, merchant.key, sessionBody(termsId));
    expect(session.id).toEqual(expect.any(String));
    const sent = (await klarnaRequests(t)).slice(before);
    expect(sent.map((r) => `${r.method} ${r.path.replace(/\/tokens\/[^/]+/, '/tokens/…')}`)).toEqual([
      'POST /customer-token/v1/tokens/…/order',
      'POST /payments/v1/sessions',
    ]);
    expect((await t.request('GET', '/health/ready')).status).toBe(200);
  });
});
