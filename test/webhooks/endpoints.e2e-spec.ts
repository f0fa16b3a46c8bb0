import { createMerchant, startTestApp, type TestApp } from '../support/test-app';

describe('webhook endpoints', () => {
  let t: TestApp;
  let merchant: { id: string; key: string };
  beforeAll(async () => {
    t = await startTestApp();
    merchant = await createMerchant(t, 'Hooks');
  });
  afterAll(async () => {
    await t.close();
  });

  it('registers an endpoint, shows the secret once and stores it only encrypted', async () => {
    const created = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: {
        url: 'http://127.0.0.1:9/hooks',
        events: ['order.succeeded', 'order.failed', 'order.succeeded'],
        description: 'backend',
      },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      url: 'http://127.0.0.1:9/hooks',
      events: ['order.succeeded', 'order.failed'],
      description: 'backend',
      status: 'enabled',
      previous_secret_expires_at: null,
      disabled_at: null,
    });
    expect(created.body.id).toMatch(/^whe_[0-9A-Z]{26}$/);
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const { rows } = await t.db.query('SELECT * FROM webhook_endpoints WHERE id = $1', [created.body.id]);
    expect(rows[0].secret_enc).toMatch(/^ev1\./);
    expect(JSON.stringify(rows)).not.toContain(created.body.secret);
    expect(JSON.stringify(rows)).not.toContain(created.body.secret.slice(6));

    const read = await t.request('GET', `/v1/webhook-endpoints/${created.body.id}`, { key: merchant.key });
    expect(read.status).toBe(200);
    expect(read.body.secret).toBeUndefined();
    expect(read.text).not.toContain(created.body.secret);
    const list = await t.request('GET', '/v1/webhook-endpoints', { key: merchant.key });
    expect(list.body.data.map((e: { id: string }) => e.id)).toContain(created.body.id);
    expect(list.text).not.toContain(created.body.secret);
  });

  it('answers 400 naming the field for a bad url or unknown event type', async () => {
    const badUrl = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: { url: 'ftp://127.0.0.1/x', events: ['order.succeeded'] },
    });
    expect(badUrl.status).toBe(400);
    expect(badUrl.body.errors).toEqual([{ field: 'url', message: 'must be an http or https URL' }]);

    const badEvent = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: { url: 'http://127.0.0.1:9/x', events: ['order.shipped'] },
    });
    expect(badEvent.status).toBe(400);
    expect(badEvent.body.errors.map((e: { field: string }) => e.field)).toEqual(['events']);

    const none = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: { url: 'http://127.0.0.1:9/x', events: [] },
    });
    expect(none.status).toBe(400);
  });

  it('rotates the secret (new one shown once) and refuses to rotate a disabled endpoint', async () => {
    const created = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: { url: 'http://127.0.0.1:9/rotate', events: ['order.failed'] },
    });
    const rotated = await t.request('POST', `/v1/webhook-endpoints/${created.body.id}/rotate-secret`, {
      key: merchant.key,
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(rotated.body.previous_secret_expires_at).toBe(
      new Date(t.clock.nowMs() + 24 * 3_600_000).toISOString(),
    );
    const { rows } = await t.db.query('SELECT * FROM webhook_endpoints WHERE id = $1', [created.body.id]);
    expect(rows[0].previous_secret_enc).toMatch(/^ev1\./);
    expect(JSON.stringify(rows)).not.toContain(rotated.body.secret);
    expect(JSON.stringify(rows)).not.toContain(created.body.secret);

    const disabled = await t.request('DELETE', `/v1/webhook-endpoints/${created.body.id}`, {
      key: merchant.key,
    });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', disabled_at: t.clock.now().toISOString() });
    const again = await t.request('POST', `/v1/webhook-endpoints/${created.body.id}/rotate-secret`, {
      key: merchant.key,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('WEBHOOK_ENDPOINT_DISABLED');
  });

  it("answers 404 for another merchant's endpoint", async () => {
    const other = await createMerchant(t, 'Other');
    const mine = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: { url: 'http://127.0.0.1:9/mine', events: ['order.failed'] },
    });
    for (const [method, path] of [
      ['GET', `/v1/webhook-endpoints/${mine.body.id}`],
      ['DELETE', `/v1/webhook-endpoints/${mine.body.id}`],
      ['POST', `/v1/webhook-endpoints/${mine.body.id}/rotate-secret`],
    ]) {
      const res = await t.request(method, path, { key: other.key });
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    const list = await t.request('GET', '/v1/webhook-endpoints', { key: other.key });
    expect(list.body.data).toEqual([]);
    expect(
      (await t.request('GET', `/v1/webhook-endpoints/${mine.body.id}`, { key: merchant.key })).body.status,
    ).toBe('enabled');
  });

  it('pages the list newest first', async () => {
    const m = await createMerchant(t, 'Paged hooks');
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      (t.clock as import('../../src/common/clock/clock').FakeClock).advance(1000);
      ids.push(
        (
          await t.request('POST', '/v1/webhook-endpoints', {
            key: m.key,
            body: { url: `http://127.0.0.1:9/p${i}`, events: ['order.failed'] },
          })
        ).body.id,
      );
    }
    const first = await t.request('GET', '/v1/webhook-endpoints?limit=3', { key: m.key });
    const second = await t.request('GET', `/v1/webhook-endpoints?limit=3&cursor=${first.body.next_cursor}`, {
      key: m.key,
    });
    expect([...first.body.data, ...second.body.data].map((e: { id: string }) => e.id)).toEqual(
      [...ids].reverse(),
    );
    expect(second.body.next_cursor).toBeNull();
  });
});

describe('webhook endpoints where local URLs are not allowed (production setting)', () => {
  let t: TestApp;
  let merchant: { id: string; key: string };
  /** Endpoints this merchant has registered so far: a refusal stores nothing. */
  let stored = 0;
  beforeAll(async () => {
    t = await startTestApp({ env: { WEBHOOKS_ALLOW_LOCAL_URLS: 'false' } });
    merchant = await createMerchant(t, 'Strict');
  });
  afterAll(async () => {
    await t.close();
  });

  it.each([
    ['http://93.184.215.14/hooks', 'must be an https URL'],
    ['https://127.0.0.1/hooks', 'must not point to a loopback address'],
    ['https://localhost:8443/hooks', 'must not point to a loopback address'],
    ['https://[::1]/hooks', 'must not point to a loopback address'],
    ['https://[::ffff:10.0.0.1]/hooks', 'must not point to a private address'],
    ['https://10.0.0.7/hooks', 'must not point to a private address'],
    ['https://172.16.5.4/hooks', 'must not point to a private address'],
    ['https://192.168.1.1/hooks', 'must not point to a private address'],
    ['https://[fd00::1]/hooks', 'must not point to a private address'],
    ['https://169.254.169.254/latest/meta-data', 'must not point to a link-local address'],
    ['https://[fe80::1]/hooks', 'must not point to a link-local address'],
    ['https://0.0.0.0/hooks', 'must not point to an unspecified address'],
    ['https://100.64.0.1/hooks', 'must not point to a cgnat address'],
    ['https://nowhere.invalid/hooks', 'host nowhere.invalid does not resolve'],
    // IPv4 carried inside IPv6: NAT64 (well-known and local-use), SIIT, Teredo (obfuscated client), 6to4
    ['https://[64:ff9b::a9fe:a9fe]/hooks', 'must not point to a link-local address'],
    ['https://[64:ff9b:1::a9fe:a9fe]/hooks', 'must not point to a link-local address'],
    ['https://[64:ff9b:1::808:808]/hooks', 'must not point to a reserved address'],
    ['https://[::ffff:0:7f00:1]/hooks', 'must not point to a loopback address'],
    ['https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hooks', 'must not point to a loopback address'],
    ['https://[2002:a9fe:a9fe::1]/hooks', 'must not point to a link-local address'],
  ])('refuses %s', async (url, message) => {
    const res = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: { url, events: ['order.succeeded'] },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0].field).toBe('url');
    expect(res.body.errors[0].message).toContain(message);
    const { rows } = await t.db.query('SELECT url FROM webhook_endpoints WHERE merchant_id = $1', [
      merchant.id,
    ]);
    expect(rows.map((r: { url: string }) => r.url)).not.toContain(url);
    expect(rows).toHaveLength(stored);
  });

  it('accepts https on a public address', async () => {
    const res = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: { url: 'https://93.184.215.14/hooks', events: ['order.succeeded'] },
    });
    expect(res.status).toBe(201);
    stored++;
  });

  it('judges the host the URL parser sees and stores the URL normalised', async () => {
    // "\\" ends the authority of an https URL (WHATWG): the host is 93.184.216.34, "@127.0.0.1" is path.
    // Stored as sent, a lenient parser elsewhere would read 127.0.0.1 as the host.
    const res = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: { url: 'https://93.184.216.34\\@127.0.0.1/h', events: ['order.succeeded'] },
    });
    expect(res.status).toBe(201);
    expect(res.body.url).toBe('https://93.184.216.34/@127.0.0.1/h');
    const { rows } = await t.db.query('SELECT url FROM webhook_endpoints WHERE id = $1', [res.body.id]);
    expect(rows[0].url).toBe('https://93.184.216.34/@127.0.0.1/h');
    stored++;

    const odd = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: { url: 'HTTPS://0x5D.184.216.34:443/a/../hooks', events: ['order.succeeded'] },
    });
    expect(odd.status).toBe(201);
    expect(odd.body.url).toBe('https://93.184.216.34/hooks');
    stored++;
  });
});
