import { createHash } from 'node:crypto';
import { FakeClock } from '../../src/common/clock/clock';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { openLink, portalLink, portalPage } from './support';

const START = new Date('2026-03-01T09:00:00Z');

describe('Consumer portal links (POST /v1/customers/{id}/portal-sessions)', () => {
  let t: TestApp;
  let clock: FakeClock;
  let merchant: { id: string; key: string };

  beforeAll(async () => {
    clock = new FakeClock(START);
    t = await startTestApp({ clock, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    merchant = await createMerchant(t, 'Citybikes');
  });
  afterAll(() => t.close());
  beforeEach(() => clock.set(START));

  it('answers {id, url, expires_at} 15 minutes ahead and stores only the hash of the token', async () => {
    const res = await t.request('POST', '/v1/customers/cust-4711/portal-sessions', {
      key: merchant.key,
      body: { return_url: 'https://citybikes.example/account', locale: 'sv-SE' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^pts_/),
      expires_at: '2026-03-01T09:15:00.000Z',
      merchant_customer_id: 'cust-4711',
      locale: 'sv',
      return_url: 'https://citybikes.example/account',
    });
    const url = new URL(res.body.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${t.url}/portal/open`);
    const token = url.searchParams.get('token')!;
    const { rows } = await t.db.query('select * from portal_sessions where id = $1', [res.body.id]);
    expect(rows[0].token_sha256).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows[0])).not.toContain(token.split('.')[1]);
  });

  it('opens once: sets an HttpOnly, SameSite=Strict session cookie, and the link is refused afterwards', async () => {
    const link = await portalLink(t, merchant.key, 'cust-once');
    const first = await openLink(link.url);
    expect(first.status).toBe(200);
    expect(first.setCookie).toMatch(
      /^autopay_portal=[A-Za-z0-9_-]{43}; Path=\/portal; HttpOnly; SameSite=Strict; Max-Age=1800$/,
    );
    const overview = await portalPage(t, '/portal', first.cookie);
    expect(overview.status).toBe(200);

    const again = await openLink(link.url);
    expect(again.status).toBe(410);
    expect(again.cookie).toBeNull();
  });

  it('refuses an expired link and a forged one', async () => {
    const link = await portalLink(t, merchant.key, 'cust-late');
    clock.advance(15 * 60_000 + 1);
    expect((await openLink(link.url)).status).toBe(410);

    const other = await portalLink(t, merchant.key, 'cust-forged');
    const forged = other.url.replace(/.(?=$)/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await openLink(forged)).status).toBe(404);
    // The same signature on another session id is not a link either.
    const swapped = other.url.replace(other.id, link.id);
    expect((await openLink(swapped)).status).toBe(404);
    expect((await openLink(other.url)).status).toBe(200);
  });

  it('a browser session ends after PORTAL_SESSION_TTL_MINUTES', async () => {
    const { cookie } = await openLink((await portalLink(t, merchant.key, 'cust-ttl')).url);
    clock.advance(30 * 60_000 + 1);
    const page = await portalPage(t, '/portal', cookie);
    expect(page.status).toBe(401);
    expect(page.html).toContain('Your session has ended');
  });

  it('honours Idempotency-Key: the same link again, or 422 for another body', async () => {
    const send = (body: unknown) =>
      t.request('POST', '/v1/customers/cust-idem/portal-sessions', {
        key: merchant.key,
        body,
        headers: { 'Idempotency-Key': 'portal-idem-1' },
      });
    const first = await send({ locale: 'de' });
    const second = await send({ locale: 'de' });
    expect(second.status).toBe(201);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    const other = await send({ locale: 'en' });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    const { rows } = await t.db.query(
      `select count(*)::int as n from portal_sessions where merchant_customer_id = 'cust-idem'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('takes any customer id a session takes (1 to 255 characters, encoded in the path), and names a longer one', async () => {
    // Fastify's default cap on a path parameter (100 characters) answered 404 "No route" for a valid id.
    const create = (id: string) =>
      t.request('POST', `/v1/customers/${encodeURIComponent(id)}/portal-sessions`, {
        key: merchant.key,
        body: {},
      });
    for (const id of ['c'.repeat(255), '€'.repeat(255), 'kund 42/ä?#'.padEnd(255, 'x')]) {
      const res = await create(id);
      expect(res.status).toBe(201);
      expect(res.body.merchant_customer_id).toBe(id);
    }
    const long = await create('c'.repeat(256));
    expect(long.status).toBe(400);
    expect(long.body.errors).toEqual([
      { field: 'merchant_customer_id', message: 'must be 1 to 255 characters without control characters' },
    ]);
  });

  it('validates the body and names the field', async () => {
    const res = await t.request('POST', '/v1/customers/cust-4711/portal-sessions', {
      key: merchant.key,
      body: { return_url: 'javascript:alert(1)' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'return_url', message: 'must be an http(s) URL' }]);
  });

  it('is per merchant: off refuses new links (409) and every open session (403); settings round-trip', async () => {
    const other = await createMerchant(t, 'Parkly');
    const { cookie } = await openLink((await portalLink(t, other.key, 'cust-1')).url);
    const put = await t.request('PUT', '/v1/merchant/portal-settings', {
      key: other.key,
      body: {
        enabled: false,
        display_name: 'Parkly Parking',
        logo_url: 'https://parkly.example/logo.png',
        accent_color: '#0B6E4F',
      },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({
      enabled: false,
      display_name: 'Parkly Parking',
      accent_color: '#0b6e4f',
    });
    const refused = await t.request('POST', '/v1/customers/cust-1/portal-sessions', {
      key: other.key,
      body: {},
    });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PORTAL_DISABLED');
    expect((await portalPage(t, '/portal', cookie)).status).toBe(403);
    // The first merchant's portal is untouched.
    expect(
      (await t.request('POST', '/v1/customers/cust-1/portal-sessions', { key: merchant.key, body: {} }))
        .status,
    ).toBe(201);
  });

  it('answers a page without a session 401, with the security headers', async () => {
    const page = await portalPage(t, '/portal', null);
    expect(page.status).toBe(401);
    expect(page.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'self'; img-src 'self' https:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    );
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.html).not.toMatch(/<script/i);
  });

  it('sets Secure on the cookie when the service is served over https', async () => {
    const secure = await startTestApp({
      database: t.dbUrl,
      clock,
      env: { PUBLIC_URL: 'https://autopay.example' },
    });
    try {
      const link = await portalLink(secure, merchant.key, 'cust-secure');
      expect(link.url).toMatch(/^https:\/\/autopay\.example\/portal\/open\?token=/);
      const opened = await openLink(link.url.replace('https://autopay.example', secure.url));
      expect(opened.setCookie).toMatch(/; Secure$/);
    } finally {
      await secure.close();
    }
  });
});
