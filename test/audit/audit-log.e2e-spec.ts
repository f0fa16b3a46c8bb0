import type { FakeClock } from '../../src/common/clock/clock';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { ModulesContainer } from '@nestjs/core';
import { INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { AuditInterceptor } from '../../src/evidence/audit/audit.interceptor';
import { withAuditInsertsRefused } from '../support/audit-faults';
import { concretePath, declaredRoutes } from '../support/routes';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';

interface Row {
  id: string;
  actor_key_id: string;
  actor_role: string;
  action: string;
  method: string;
  route: string;
  target_id: string | null;
  params: any;
  status: number;
  request_id: string;
}

describe('access audit log', () => {
  let t: TestApp;
  let adminKeyId: string;
  let auditorKeyId: string;

  const rowsFor = async (requestId: string | null): Promise<Row[]> =>
    (await t.db.query<Row>('SELECT * FROM audit_log WHERE request_id = $1', [requestId])).rows;
  /** Entries of refused requests are written after the answer: wait until one shows up. */
  const eventually = async (requestId: string | null): Promise<Row[]> => {
    for (let i = 0; i < 50; i++) {
      const rows = await rowsFor(requestId);
      if (rows.length > 0) return rows;
      await new Promise((r) => setTimeout(r, 20));
    }
    return [];
  };

  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    const keys = await t.db.query<{ id: string; role: string }>(
      "SELECT id, role FROM api_keys WHERE role IN ('admin', 'auditor')",
    );
    adminKeyId = keys.rows.find((k) => k.role === 'admin')!.id;
    auditorKeyId = keys.rows.find((k) => k.role === 'auditor')!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('records admin writes with actor, action, target, redacted body, status and request id', async () => {
    const created = await t.request('POST', '/admin/v1/merchants', {
      key: t.adminKey,
      body: { name: 'Audited Co' },
    });
    expect(created.status).toBe(201);
    const [create] = await rowsFor(created.headers.get('x-request-id'));
    expect(create).toMatchObject({
      actor_key_id: adminKeyId,
      actor_role: 'admin',
      action: 'merchant.create',
      method: 'POST',
      route: '/admin/v1/merchants',
      target_id: created.body.id,
      status: 201,
      params: { path: {}, query: {}, body: { name: 'Audited Co' } },
    });

    const creds = await t.request('PUT', `/admin/v1/merchants/${created.body.id}/klarna-credentials`, {
      key: t.adminKey,
      body: { region: 'EU', environment: 'playground', username: 'PK_audit', password: 'audit-canary-pw' },
    });
    expect(creds.status).toBe(200);
    const [set] = await rowsFor(creds.headers.get('x-request-id'));
    expect(set).toMatchObject({ action: 'klarna_credentials.set', target_id: created.body.id, status: 200 });
    expect(set.params.body).toEqual({
      region: 'EU',
      environment: 'playground',
      username: 'PK_audit',
      password: '[REDACTED]',
    });
    expect(JSON.stringify(await t.db.query('SELECT * FROM audit_log'))).not.toContain('audit-canary-pw');

    const issued = await t.request('POST', `/admin/v1/merchants/${created.body.id}/api-keys`, {
      key: t.adminKey,
      body: { name: 'k' },
    });
    const [issue] = await rowsFor(issued.headers.get('x-request-id'));
    expect(issue).toMatchObject({ action: 'api_key.create', target_id: issued.body.id, status: 201 });
    expect(JSON.stringify(issue)).not.toContain(issued.body.key);

    const revoked = await t.request('DELETE', `/admin/v1/api-keys/${issued.body.id}`, { key: t.adminKey });
    expect(revoked.status).toBe(204);
    const [revoke] = await rowsFor(revoked.headers.get('x-request-id'));
    expect(revoke).toMatchObject({ action: 'api_key.revoke', target_id: issued.body.id, status: 204 });
  });

  it('records reads with their filter, and failed reads with their status', async () => {
    const list = await t.request('GET', '/admin/v1/merchants?limit=3', { key: t.auditorKey });
    expect(list.status).toBe(200);
    const [read] = await rowsFor(list.headers.get('x-request-id'));
    expect(read).toMatchObject({
      actor_key_id: auditorKeyId,
      actor_role: 'auditor',
      action: 'merchant.list',
      status: 200,
      params: { path: {}, query: { limit: '3' } },
    });
    expect(read.params.body).toBeUndefined();

    const missing = await t.request('GET', '/admin/v1/merchants/mer_00000000000000000000000000', {
      key: t.auditorKey,
    });
    expect(missing.status).toBe(404);
    const [notFound] = await rowsFor(missing.headers.get('x-request-id'));
    expect(notFound).toMatchObject({
      action: 'merchant.read',
      target_id: 'mer_00000000000000000000000000',
      status: 404,
    });

    const invalid = await t.request('GET', '/admin/v1/merchants?limit=1000', { key: t.adminKey });
    expect(invalid.status).toBe(400);
    expect((await rowsFor(invalid.headers.get('x-request-id')))[0]).toMatchObject({
      action: 'merchant.list',
      status: 400,
    });
  });

  it('records refused attempts: an auditor writing, a merchant key reaching /admin', async () => {
    const before = (await t.db.query('SELECT count(*)::int AS n FROM merchants')).rows[0].n;
    const denied = await t.request('POST', '/admin/v1/merchants', {
      key: t.auditorKey,
      body: { name: 'Nope' },
    });
    expect(denied.status).toBe(403);
    expect((await eventually(denied.headers.get('x-request-id')))[0]).toMatchObject({
      actor_key_id: auditorKeyId,
      action: 'merchant.create',
      status: 403,
    });
    expect((await t.db.query('SELECT count(*)::int AS n FROM merchants')).rows[0].n).toBe(before);

    const merchant = await createMerchant(t, 'Curious Merchant');
    const probe = await t.request('GET', '/admin/v1/audit-log', { key: merchant.key });
    expect(probe.status).toBe(403);
    expect((await eventually(probe.headers.get('x-request-id')))[0]).toMatchObject({
      actor_role: 'merchant',
      action: 'audit_log.list',
      status: 403,
    });

    const anonymous = await t.request('GET', '/admin/v1/merchants');
    expect(anonymous.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(await rowsFor(anonymous.headers.get('x-request-id'))).toEqual([]);
  });

  it('fails an audited write whose audit entry cannot be written, and keeps nothing of it', async () => {
    await withAuditInsertsRefused(t.db, async () => {
      const write = await t.request('POST', '/admin/v1/merchants', {
        key: t.adminKey,
        body: { name: 'Ghost Co' },
      });
      expect(write.status).toBe(500);
      expect(
        (await t.db.query("SELECT count(*)::int AS n FROM merchants WHERE name = 'Ghost Co'")).rows[0].n,
      ).toBe(0);
      const read = await t.request('GET', '/admin/v1/merchants', { key: t.auditorKey });
      expect(read.status).toBe(500);
      expect(read.text).not.toContain('Audited Co');
    });
    const again = await t.request('POST', '/admin/v1/merchants', {
      key: t.adminKey,
      body: { name: 'Ghost Co' },
    });
    expect(again.status).toBe(201);
  });

  it('lists the log newest first with filters (actor, action, time range) and a keyset cursor', async () => {
    const clock = t.clock as FakeClock;
    clock.advance(3_600_000);
    const windowStart = clock.now().toISOString();
    for (let i = 0; i < 5; i++) {
      clock.advance(1000);
      await t.request('GET', `/admin/v1/merchants?limit=${i + 1}`, { key: t.auditorKey });
    }
    clock.advance(1000);
    const windowEnd = clock.now().toISOString();
    clock.advance(1000);
    await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, body: { name: 'Later' } });

    const seen: any[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.request(
        'GET',
        `/admin/v1/audit-log?limit=2&action=merchant.list&actor_key_id=${auditorKeyId}&from=${windowStart}&to=${windowEnd}${cursor ? `&cursor=${cursor}` : ''}`,
        { key: t.adminKey },
      );
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data);
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(seen.map((e) => e.params.query.limit)).toEqual(['5', '4', '3', '2', '1']);
    expect(seen.every((e) => e.actor_key_id === auditorKeyId && e.action === 'merchant.list')).toBe(true);
    expect(seen[0]).toMatchObject({
      actor_role: 'auditor',
      method: 'GET',
      route: '/admin/v1/merchants',
      status: 200,
    });
    expect(seen[0].at >= windowStart && seen[0].at < windowEnd).toBe(true);

    const writes = await t.request(
      'GET',
      '/admin/v1/audit-log?actor_role=admin&action=merchant.create&limit=100',
      {
        key: t.auditorKey,
      },
    );
    expect(writes.body.data[0].params.body).toEqual({ name: 'Later' });
    expect(writes.body.data.every((e: any) => e.action === 'merchant.create')).toBe(true);

    // Reading the log is itself in the log.
    const reads = await t.request(
      'GET',
      `/admin/v1/audit-log?action=audit_log.list&actor_key_id=${auditorKeyId}`,
      {
        key: t.adminKey,
      },
    );
    expect(reads.body.data.some((e: any) => e.request_id === writes.headers.get('x-request-id'))).toBe(true);

    const badCursor = await t.request('GET', '/admin/v1/audit-log?cursor=bm9wZQ', { key: t.adminKey });
    expect(badCursor.status).toBe(400);
  });

  it('names every /admin route with @Audited (its audit interceptor outermost), and records a call to each of them', async () => {
    const adminRoutes = declaredRoutes(t.app).filter((r) => r.path.startsWith('/admin/'));
    expect(adminRoutes.length).toBeGreaterThanOrEqual(10);
    const unnamed: string[] = [];
    for (const module of t.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
        if (!type) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, type) ?? '');
        if (!base.startsWith('admin/')) continue;
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const fn = (type.prototype as Record<string, unknown>)[name];
          if (typeof fn !== 'function' || Reflect.getMetadata(METHOD_METADATA, fn) === undefined) continue;
          if (!Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, fn)?.audit)
            unnamed.push(`${type.name}.${name}`);
          // The audit transaction outermost: an @Idempotent key is claimed and stored inside it.
          const interceptors = (Reflect.getMetadata(INTERCEPTORS_METADATA, fn) ?? []) as unknown[];
          if (interceptors[0] !== AuditInterceptor) unnamed.push(`${type.name}.${name}: audit not outermost`);
        }
      }
    }
    expect(unnamed).toEqual([]);

    const missing: string[] = [];
    for (const route of adminRoutes) {
      const res = await t.request(route.method, concretePath(route.path), {
        key:
          route.auth && !route.auth.public && route.auth.roles.includes('admin') ? t.adminKey : t.auditorKey,
        ...(['POST', 'PUT', 'PATCH'].includes(route.method) ? { body: {} } : {}),
      });
      const rows = await eventually(res.headers.get('x-request-id'));
      if (rows.length !== 1 || rows[0].status !== res.status || rows[0].action.startsWith('unnamed:')) {
        missing.push(`${route.method} ${route.path} → ${res.status}, audit rows: ${JSON.stringify(rows)}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
