import type { Role } from '../../src/common/auth/role';
import { concretePath, declaredRoutes, type DeclaredRoute } from '../support/routes';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';

/**
 * Every route the running app serves, against every kind of caller. New routes are covered automatically
 * because the list comes from the application's own controller metadata.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let routes: DeclaredRoute[];
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    // DEMO_SEED registers the demo pages and their backend too (unseeded here), so they are checked as well.
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000', DEMO_SEED: 'true' } });
    routes = declaredRoutes(t.app);
    const merchant = await createMerchant(t, 'Matrix');
    keys.merchant = merchant.key;
    keys.admin = t.adminKey;
    keys.auditor = t.auditorKey;
    const scoped = await t.request('POST', `/admin/v1/merchants/${merchant.id}/api-keys`, {
      key: t.adminKey,
      body: { role: 'merchant_auditor' },
    });
    keys.merchant_auditor = scoped.body.key;
    const revoked = await createMerchant(t, 'Matrix revoked');
    const list = await t.request('GET', `/admin/v1/merchants/${revoked.id}/api-keys`, { key: t.adminKey });
    await t.request('DELETE', `/admin/v1/api-keys/${list.body.data[0].id}`, { key: t.adminKey });
    keys.revoked = revoked.key;
  });
  afterAll(async () => {
    await t.close();
  });

  it('finds the routes and every one declares who may call it', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
    const undeclared = routes
      .filter((r) => r.auth === undefined)
      .map((r) => `${r.method} ${r.path} (${r.handler})`);
    expect(undeclared).toEqual([]);
  });

  /**
   * One call with an empty body. A call that gets no answer within 10 s answers status 0, so a route that hangs
   * is named in the failures instead of the whole sweep running into jest's timeout.
   */
  const call = (route: DeclaredRoute, key: string | null) =>
    t
      .request(route.method, concretePath(route.path), {
        key,
        ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { body: {} } : {}),
        headers: { 'idempotency-key': 'matrix-test' },
        timeoutMs: 10_000,
      })
      .catch((err: Error) => {
        if (err.name !== 'TimeoutError') throw err;
        return { status: 0, body: undefined };
      });

  it('answers 401 without a key, with a malformed key, an unknown key and a revoked key', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => r.auth && !r.auth.public)) {
      for (const key of [
        null,
        'not-a-key',
        'ak_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
        keys.revoked,
      ]) {
        const res = await call(route, key);
        if (res.status !== 401 || res.body?.code !== 'UNAUTHENTICATED') {
          failures.push(`${route.method} ${route.path} key=${String(key).slice(0, 8)} → ${res.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 401 on browser-session routes (the consumer portal) to every API key and to none', async () => {
    const failures: string[] = [];
    const sessionRoutes = routes.filter((r) => r.auth?.public && r.auth.browserSession);
    expect(sessionRoutes.length).toBeGreaterThan(0);
    for (const route of sessionRoutes) {
      for (const key of [null, keys.merchant, keys.auditor, keys.admin, keys.merchant_auditor]) {
        const res = await call(route, key);
        if (res.status !== 401) failures.push(`${route.method} ${route.path} → ${res.status}, expected 401`);
      }
    }
    expect(failures).toEqual([]);
  });

  // One test per role: each sweeps every route (~100 calls) within its own timeout.
  it.each(['merchant', 'auditor', 'admin', 'merchant_auditor'] as Role[])(
    'lets %s through exactly where declared (403 elsewhere), answering every route and never 500',
    async (role) => {
      const failures: string[] = [];
      for (const route of routes.filter((r) => r.auth && !(r.auth.public && r.auth.browserSession))) {
        const res = await call(route, keys[role]);
        const allowed = route.auth!.public || route.auth!.roles.includes(role);
        if (res.status === 0 || res.status >= 500) {
          failures.push(`${route.method} ${route.path} as ${role} → ${res.status || 'no answer in 10 s'}`);
        } else if (allowed && (res.status === 401 || res.status === 403)) {
          failures.push(`${route.method} ${route.path} as ${role} → ${res.status}, expected access`);
        } else if (!allowed && (res.status !== 403 || res.body.code !== 'FORBIDDEN')) {
          failures.push(`${route.method} ${route.path} as ${role} → ${res.status}, expected 403`);
        }
      }
      expect(failures).toEqual([]);
    },
  );

  it('says which keys a refused route takes', async () => {
    const asAdmin = await t.request('GET', '/v1/merchant', { key: keys.admin });
    expect(asAdmin.status).toBe(403);
    expect(asAdmin.body.detail).toBe('This route takes merchant keys, not admin keys.');
    const asMerchant = await t.request('GET', '/admin/v1/consents', { key: keys.merchant });
    expect(asMerchant.status).toBe(403);
    expect(asMerchant.body.detail).toBe(
      'This route takes admin or auditor or merchant_auditor keys, not merchant keys.',
    );
  });

  it('keeps public routes public', async () => {
    const publicRoutes = routes.filter((r) => r.auth?.public).map((r) => `${r.method} ${r.path}`);
    expect(publicRoutes).toEqual(
      expect.arrayContaining(['GET /health', 'GET /health/ready', 'GET /metrics', 'GET /demo']),
    );
    for (const path of ['/health', '/health/ready', '/metrics', '/docs-json']) {
      expect((await t.request('GET', path)).status).toBe(200);
    }
  });
});
