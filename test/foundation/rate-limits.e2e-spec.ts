import type { FakeClock } from '../../src/common/clock/clock';
import { ApiKeysService } from '../../src/merchants/api-keys/api-keys.service';
import { startTestApp, type TestApp } from '../support/test-app';

const UNKNOWN_KEY = 'ak_zzzzzzzzzzzz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

function expectRateLimited(res: { status: number; headers: Headers; body: any }): void {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 429, code: 'RATE_LIMITED', type: '/problems/rate-limited' });
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

/**
 * Requests to authenticated routes without a valid key are counted per client address and refused past
 * RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE before the key is looked up; the address comes from X-Forwarded-For only
 * when the request comes from a proxy named in TRUST_PROXY.
 */
describe('rate limits for requests without a valid API key', () => {
  const apps: TestApp[] = [];
  const start = async (env: Record<string, string>): Promise<TestApp> => {
    const t = await startTestApp({ env: { RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '3', ...env } });
    apps.push(t);
    return t;
  };
  afterAll(async () => {
    for (const t of apps) await t.close();
  });

  it('throttles missing, malformed and unknown keys per address, before the key lookup', async () => {
    const t = await start({});
    const lookups = jest.spyOn(t.app.get(ApiKeysService), 'authenticate');
    // Authenticated requests count nothing here.
    for (let i = 0; i < 5; i++) {
      expect((await t.request('GET', '/admin/v1/merchants', { key: t.adminKey })).status).toBe(200);
    }
    lookups.mockClear();

    const failures = [
      await t.request('GET', '/v1/merchant', { key: UNKNOWN_KEY }),
      await t.request('GET', '/v1/merchant'),
      await t.request('GET', '/v1/merchant', { headers: { authorization: 'Basic x' } }),
    ];
    expect(failures.map((r) => r.status)).toEqual([401, 401, 401]);
    expect(lookups).toHaveBeenCalledTimes(1);

    for (const res of [
      await t.request('GET', '/v1/merchant', { key: UNKNOWN_KEY }),
      await t.request('POST', '/v1/terms', { key: `${UNKNOWN_KEY}x`, body: {} }),
      await t.request('GET', '/v1/merchant'),
    ]) {
      expectRateLimited(res);
    }
    expect(lookups).toHaveBeenCalledTimes(1); // refused before any lookup
    // Public routes keep working for the address.
    expect((await t.request('GET', '/health')).status).toBe(200);

    (t.clock as FakeClock).advance(61_000);
    expect((await t.request('GET', '/v1/merchant', { key: UNKNOWN_KEY })).status).toBe(401);
    expect((await t.request('GET', '/admin/v1/merchants', { key: t.adminKey })).status).toBe(200);
  });

  it('ignores X-Forwarded-For by default: a client-chosen address gets no fresh quota', async () => {
    const t = await start({});
    const statuses: number[] = [];
    for (let i = 1; i <= 5; i++) {
      const res = await t.request('GET', '/v1/merchant', {
        key: UNKNOWN_KEY,
        headers: { 'x-forwarded-for': `203.0.113.${i}` },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });

  it('uses X-Forwarded-For from a proxy named in TRUST_PROXY, one quota per forwarded client', async () => {
    const t = await start({ TRUST_PROXY: '127.0.0.1, ::1' });
    const from = (client?: string) =>
      t.request('GET', '/v1/merchant', {
        key: UNKNOWN_KEY,
        headers: client ? { 'x-forwarded-for': client } : {},
      });
    const first: number[] = [];
    for (let i = 0; i < 4; i++) first.push((await from('203.0.113.7')).status);
    expect(first).toEqual([401, 401, 401, 429]);
    expect((await from('203.0.113.8')).status).toBe(401);
    expect((await from()).status).toBe(401); // the proxy's own address
  });
});
