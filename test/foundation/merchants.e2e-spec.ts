import { createApp } from '../../src/app/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { TEST_ENV } from '../support/test-env';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import type { FakeClock } from '../../src/common/clock/clock';

describe('merchants and API keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates a merchant, issues a key shown once and stored only as a hash', async () => {
    const created = await t.request('POST', '/admin/v1/merchants', {
      key: t.adminKey,
      body: { name: 'Citybikes' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Citybikes', klarna: { configured: false } });
    expect(created.body.id).toMatch(/^mer_[0-9A-Z]{26}$/);

    const issued = await t.request('POST', `/admin/v1/merchants/${created.body.id}/api-keys`, {
      key: t.adminKey,
      body: { name: 'backend' },
    });
    expect(issued.status).toBe(201);
    expect(issued.body.key).toMatch(/^ak_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    expect(issued.body).toMatchObject({ role: 'merchant', merchant_id: created.body.id, revoked_at: null });

    const row = await t.db.query('SELECT prefix, secret_hash FROM api_keys WHERE id = $1', [issued.body.id]);
    expect(row.rows[0].prefix).toBe(issued.body.prefix);
    expect(row.rows[0].secret_hash).toMatch(/^[0-9a-f]{64}$/);
    const dump = await t.db.query('SELECT * FROM api_keys');
    // The secret is the key after `ak_<prefix>_` (its base64url text may itself contain `_`).
    const secret = /^ak_[a-z0-9]{12}_(.{43})$/.exec(issued.body.key)![1];
    expect(JSON.stringify(dump.rows)).not.toContain(secret);

    const listed = await t.request('GET', `/admin/v1/merchants/${created.body.id}/api-keys`, {
      key: t.auditorKey,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0].key).toBeUndefined();

    const self = await t.request('GET', '/v1/merchant', { key: issued.body.key });
    expect(self.status).toBe(200);
    expect(self.body.id).toBe(created.body.id);
    const used = await t.db.query('SELECT last_used_at FROM api_keys WHERE id = $1', [issued.body.id]);
    expect(used.rows[0].last_used_at).not.toBeNull();
  });

  it("stamps a key's last use once a minute, once however many requests arrive together", async () => {
    const m = await createMerchant(t, 'Busy Co');
    expect((await t.request('GET', '/v1/merchant', { key: m.key })).status).toBe(200);
    // Counts the writes of last_used_at (they queued on the row's lock behind each other when every request
    // arriving during the write also wrote it).
    await t.db.query(`create table if not exists touch_log (key_id text not null)`);
    await t.db.query(`create or replace function log_touch() returns trigger language plpgsql as $$
      begin insert into touch_log values (new.id); return null; end $$`);
    await t.db.query(`create or replace trigger api_keys_touch_log after update of last_used_at on api_keys
      for each row execute function log_touch()`);
    try {
      const keyId = (await t.db.query('select id from api_keys where merchant_id = $1', [m.id])).rows[0].id;
      const touches = async (): Promise<number> =>
        (await t.db.query('select count(*)::int as n from touch_log where key_id = $1', [keyId])).rows[0].n;
      const burst = async (): Promise<number[]> =>
        (
          await Promise.all(
            Array.from({ length: 20 }, () => t.request('GET', '/v1/merchant', { key: m.key })),
          )
        ).map((r) => r.status);
      // Within the minute: no write.
      expect(await burst()).toEqual(Array(20).fill(200));
      expect(await touches()).toBe(0);
      // A minute on: one write, whatever the concurrency.
      (t.clock as FakeClock).advance(61_000);
      expect(await burst()).toEqual(Array(20).fill(200));
      expect(await touches()).toBe(1);
      const stamped = await t.db.query('select last_used_at from api_keys where id = $1', [keyId]);
      expect(new Date(stamped.rows[0].last_used_at).getTime()).toBe(t.clock.nowMs());
    } finally {
      await t.db.query('drop trigger if exists api_keys_touch_log on api_keys');
    }
  });

  it('revokes a key so that it stops working at once', async () => {
    const m = await createMerchant(t, 'Revoked Co');
    expect((await t.request('GET', '/v1/merchant', { key: m.key })).status).toBe(200);
    const keys = await t.request('GET', `/admin/v1/merchants/${m.id}/api-keys`, { key: t.adminKey });
    const revoked = await t.request('DELETE', `/admin/v1/api-keys/${keys.body.data[0].id}`, {
      key: t.adminKey,
    });
    expect(revoked.status).toBe(204);
    const after = await t.request('GET', '/v1/merchant', { key: m.key });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('UNAUTHENTICATED');
  });

  it('another instance refuses a revoked key within API_KEY_CACHE_SECONDS (it caches what it read)', async () => {
    const second = await createApp(
      loadConfig({ ...TEST_ENV, DATABASE_URL: t.dbUrl, API_KEY_CACHE_SECONDS: '1' }),
      {
        clock: t.clock,
      },
    );
    await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const url = (await second.getUrl()).replace('[::1]', '127.0.0.1');
      const viaSecond = async (key: string) =>
        (await fetch(`${url}/v1/merchant`, { headers: { authorization: `Bearer ${key}` } })).status;
      const m = await createMerchant(t, 'Revoked elsewhere');
      expect(await viaSecond(m.key)).toBe(200);
      const keys = await t.request('GET', `/admin/v1/merchants/${m.id}/api-keys`, { key: t.adminKey });
      expect(
        (await t.request('DELETE', `/admin/v1/api-keys/${keys.body.data[0].id}`, { key: t.adminKey })).status,
      ).toBe(204);
      expect((await t.request('GET', '/v1/merchant', { key: m.key })).status).toBe(401);
      const revokedAt = performance.now();
      let status = await viaSecond(m.key);
      while (status === 200 && performance.now() - revokedAt < 3000) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        status = await viaSecond(m.key);
      }
      expect(status).toBe(401);
      // Within the second it was configured to trust its copy, give or take a request.
      expect(performance.now() - revokedAt).toBeLessThan(1500);
      // A key it never read is looked up at once.
      const fresh = await createMerchant(t, 'Fresh key');
      expect(await viaSecond(fresh.key)).toBe(200);
    } finally {
      await second.close();
    }
  });

  it('refuses an expired key', async () => {
    const m = await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, body: { name: 'Expiring' } });
    const soon = new Date(t.clock.nowMs() + 60_000).toISOString();
    const k = await t.request('POST', `/admin/v1/merchants/${m.body.id}/api-keys`, {
      key: t.adminKey,
      body: { expires_at: soon },
    });
    expect((await t.request('GET', '/v1/merchant', { key: k.body.key })).status).toBe(200);
    (t.clock as import('../../src/common/clock/clock').FakeClock).advance(61_000);
    expect((await t.request('GET', '/v1/merchant', { key: k.body.key })).status).toBe(401);
  });

  it('refuses to issue a key whose expires_at is not in the future (400 naming expires_at)', async () => {
    const m = await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, body: { name: 'Past' } });
    const past = new Date(t.clock.nowMs() - 1000).toISOString();
    const now = new Date(t.clock.nowMs()).toISOString();
    for (const [path, body] of [
      [`/admin/v1/merchants/${m.body.id}/api-keys`, { expires_at: past }],
      [`/admin/v1/merchants/${m.body.id}/api-keys`, { expires_at: now }],
      ['/admin/v1/api-keys', { role: 'auditor', expires_at: past }],
    ] as const) {
      const res = await t.request('POST', path, { key: t.adminKey, body });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.errors).toEqual([{ field: 'expires_at', message: expect.stringContaining('future') }]);
    }
    const keys = await t.db.query(`select count(*)::int as n from api_keys where merchant_id = $1`, [
      m.body.id,
    ]);
    expect(keys.rows[0].n).toBe(0);
  });

  it('lists merchants with cursor pagination', async () => {
    for (let i = 0; i < 5; i++) {
      await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, body: { name: `Paged ${i}` } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = await t.request(
        'GET',
        `/admin/v1/merchants?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        {
          key: t.auditorKey,
        },
      );
      expect(page.status).toBe(200);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((m: { id: string }) => m.id));
      cursor = page.body.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(5);
    expect([...seen].sort().reverse()).toEqual(seen);
  });

  it('stores Klarna credentials encrypted and never returns the password', async () => {
    const m = await createMerchant(t, 'Klarna Co');
    const res = await t.request('PUT', `/admin/v1/merchants/${m.id}/klarna-credentials`, {
      key: t.adminKey,
      body: {
        region: 'EU',
        environment: 'playground',
        username: 'PK_canary',
        password: 'canary-password-123',
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.klarna).toEqual({
      region: 'EU',
      environment: 'playground',
      base_url: null,
      username: 'PK_canary',
      configured: true,
    });
    expect(res.text).not.toContain('canary-password-123');
    const row = await t.db.query('SELECT klarna_password_enc FROM merchants WHERE id = $1', [m.id]);
    expect(row.rows[0].klarna_password_enc).toMatch(/^ev1\./);
    expect(row.rows[0].klarna_password_enc).not.toContain('canary-password-123');
  });
});
