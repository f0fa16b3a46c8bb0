import { FakeClock } from '../../src/common/clock/clock';
import { RECEIPT_TYP } from '../../src/evidence/receipts/receipt.service';
import { verifyReceipt } from '../../src/evidence/receipts/verify-receipt';
import { klarnaRequests } from '../support/signup';
import { orderBody, ORDER_PATH } from '../orders/orders-helpers';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { deliveryJob, type Receiver, registerEndpoint, startReceiver } from '../webhooks/support';
import { csrfOf, openLink, portalLink, portalPage, postForm, signUp, subscribe } from './support';

const START = new Date('2026-03-01T09:00:00Z');
/** The consumer's browser, as the portal's evidence should record it (the test is the TRUST_PROXY proxy). */
const BROWSER = { 'x-forwarded-for': '198.51.100.23', 'user-agent': 'PortalTest/1.0 (X11; Linux x86_64)' };

const CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' https:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

type Agreement = Awaited<ReturnType<typeof signUp>> & { subscriptionId: string };

describe('Consumer portal: withdrawal over HTTP with the Klarna emulator', () => {
  let t: TestApp;
  let clock: FakeClock;
  let receiver: Receiver;
  let citybikes: { id: string; key: string };
  let parkly: { id: string; key: string };
  /** Two agreements of cust-anna at Citybikes; one of cust-bert; one of "cust-anna" at Parkly. */
  let bikes: Agreement;
  let helmets: Agreement;
  let bert: Agreement;
  let parklyAnna: Agreement;

  const auditor = (path: string) => t.request('GET', path, { key: t.auditorKey });
  const agreement = async (key: string, customerId: string, title: string, body: string) => {
    const signed = await signUp(t, key, customerId, { title, body });
    const sub = await subscribe(t, key, signed.tokenId, '2026-03-15');
    return { ...signed, subscriptionId: sub.id };
  };
  const opened = async (key: string, customerId: string) => {
    const link = await portalLink(t, key, customerId);
    const open = await openLink(link.url, BROWSER);
    expect(open.status).toBe(200);
    return { link, cookie: open.cookie! };
  };
  const page = (path: string, cookie: string | null, init: RequestInit = {}) =>
    portalPage(t, path, cookie, { ...init, headers: { ...BROWSER, ...(init.headers ?? {}) } });
  const auditRows = async (sessionId: string) =>
    (
      await t.db.query(
        'select action, method, route, target_id, params, status from audit_log where actor_key_id = $1 order by id',
        [sessionId],
      )
    ).rows;

  beforeAll(async () => {
    clock = new FakeClock(START);
    t = await startTestApp({
      clock,
      emulator: true,
      env: {
        RATE_LIMIT_PER_MINUTE: '100000',
        PORTAL_RATE_LIMIT_PER_MINUTE: '100000',
        TRUST_PROXY: '127.0.0.1',
      },
    });
    receiver = await startReceiver();
    citybikes = await createMerchant(t, 'Citybikes');
    parkly = await createMerchant(t, 'Parkly');
    await registerEndpoint(t, citybikes.key, receiver.url, [
      'consent.withdrawn',
      'customer_token.canceled',
      'subscription.canceled',
    ]);
    bikes = await agreement(
      citybikes.key,
      'cust-anna',
      'City bike plan',
      'We charge 10 kr every month for unlimited 30-minute rides.\nCancel any time.',
    );
    helmets = await agreement(citybikes.key, 'cust-anna', 'Helmet rental', 'We charge 10 kr every month.');
    bert = await agreement(citybikes.key, 'cust-bert', 'City bike plan', 'The terms text of Bert.');
    parklyAnna = await agreement(
      parkly.key,
      'cust-anna',
      'Parking',
      'The terms of Parkly for its cust-anna.',
    );
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });
  beforeEach(() => clock.set(START));

  it('shows the exact terms accepted, withdraws one of two agreements, and every record shows it', async () => {
    const { link, cookie } = await opened(citybikes.key, 'cust-anna');

    // The overview: both agreements with the exact text, the confirmation and the next charge.
    const overview = await page('/portal', cookie);
    expect(overview.status).toBe(200);
    expect(overview.html).toContain(
      '<p class="terms-body">We charge 10 kr every month for unlimited 30-minute rides.\nCancel any time.</p>',
    );
    expect(overview.html).toContain('<p class="terms-body">We charge 10 kr every month.</p>');
    expect(overview.html).toContain('I agree that Citybikes charges my Klarna account every month.');
    expect(overview.html).toContain('March 15, 2026');
    expect(overview.html).not.toContain('The terms text of Bert.');
    expect(overview.html).not.toContain('Parkly');
    // No Klarna token or internal token id on the page.
    for (const id of [bikes.klarnaTokenId, bikes.tokenId, helmets.tokenId, bikes.subscriptionId]) {
      expect(overview.html).not.toContain(id);
    }

    // The confirmation step, then the withdrawal with its CSRF token.
    const confirm = await page(`/portal/agreements/${bikes.consentId}/withdraw`, cookie);
    expect(confirm.status).toBe(200);
    expect(confirm.html).toContain('Stop automatic payments?');
    expect(confirm.html).toContain(
      'A charge that is already being processed when you stop may still complete.',
    );
    clock.advance(60_000);
    const withdraw = await postForm(
      t,
      `/portal/agreements/${bikes.consentId}/withdraw`,
      cookie,
      {
        csrf: csrfOf(confirm.html),
      },
      BROWSER,
    );
    expect(withdraw.status).toBe(303);
    expect(withdraw.headers.get('location')).toBe(`/portal/agreements/${bikes.consentId}/withdrawn`);
    const done = await page(`/portal/agreements/${bikes.consentId}/withdrawn`, cookie);
    expect(done.status).toBe(200);
    expect(done.html).toContain('Your withdrawal was recorded on March 1, 2026 at 9:01 AM UTC.');

    // The chain verifies and shows the withdrawal with the consumer's evidence.
    const verify = await auditor(`/admin/v1/consents/verify?merchant_id=${citybikes.id}`);
    expect(verify.body).toMatchObject({ ok: true, broken: [] });
    const record = await auditor(`/admin/v1/consents/${bikes.consentId}`);
    expect(record.body.chain.verified).toBe(true);
    const withdrawn = record.body.events.filter((e: any) => e.type === 'withdrawn');
    expect(withdrawn).toEqual([
      expect.objectContaining({
        customer_token_id: bikes.tokenId,
        channel: 'portal',
        ip_address: '198.51.100.23',
        user_agent: 'PortalTest/1.0 (X11; Linux x86_64)',
        occurred_at: '2026-03-01T09:01:00.000Z',
      }),
    ]);
    // The other agreement is untouched.
    expect(
      (await auditor(`/admin/v1/consents/${helmets.consentId}`)).body.events.map((e: any) => e.type),
    ).toEqual(['granted', 'linked_to_token']);

    // Klarna: the one token canceled, the other still active.
    const tokens = (await t.emulator!.request('GET', '/emulator/v1/tokens')).body.tokens as {
      token_id: string;
      status: string;
    }[];
    expect(tokens.find((k) => k.token_id === bikes.klarnaTokenId)?.status).toBe('CANCELLED');
    expect(tokens.find((k) => k.token_id === helmets.klarnaTokenId)?.status).toBe('ACTIVE');

    // Our records: token canceled, its subscription ended; the other's live.
    const token = await t.request('GET', `/v1/customer-tokens/${bikes.tokenId}`, { key: citybikes.key });
    expect(token.body).toMatchObject({ status: 'canceled', canceled_at: '2026-03-01T09:01:00.000Z' });
    const sub = await t.request('GET', `/v1/subscriptions/${bikes.subscriptionId}`, { key: citybikes.key });
    expect(sub.body.status).toBe('canceled');
    const other = await t.request('GET', `/v1/subscriptions/${helmets.subscriptionId}`, {
      key: citybikes.key,
    });
    expect(other.body.status).toBe('active');

    // Events and webhooks.
    const events = (await t.request('GET', '/v1/events?limit=100', { key: citybikes.key })).body
      .data as any[];
    // Since the withdrawal, only events of the withdrawn agreement.
    const ofThis = events.filter((e) => e.created_at >= '2026-03-01T09:01:00.000Z');
    for (const e of ofThis) expect(JSON.stringify(e.data)).not.toContain(helmets.tokenId);
    expect(ofThis.map((e) => e.type).sort()).toEqual(
      ['consent.withdrawn', 'customer_token.canceled', 'subscription.canceled'].sort(),
    );
    expect(ofThis.find((e) => e.type === 'consent.withdrawn').data).toMatchObject({
      id: bikes.consentId,
      customer_token_id: bikes.tokenId,
      merchant_customer_id: 'cust-anna',
      channel: 'portal',
      withdrawn_at: '2026-03-01T09:01:00.000Z',
    });
    await deliveryJob(t).runOnce();
    const delivered = receiver.requests.map((r) => JSON.parse(r.body));
    expect(
      delivered
        .filter((e) => ofThis.some((o) => o.id === e.id))
        .map((e) => e.type)
        .sort(),
    ).toEqual(['consent.withdrawn', 'customer_token.canceled', 'subscription.canceled'].sort());

    // A later charge on that token is refused and never reaches Klarna.
    const before = (await klarnaRequests(t)).length;
    const charge = await t.request('POST', ORDER_PATH(bikes.tokenId), {
      key: citybikes.key,
      body: orderBody(),
      headers: { 'Idempotency-Key': `after-withdrawal-${bikes.tokenId}` },
    });
    expect(charge.status).toBe(409);
    expect(charge.body.code).toBe('TOKEN_NOT_ACTIVE');
    expect((await klarnaRequests(t)).length).toBe(before);

    // Receipts: the signed JWS verifies and names the withdrawal; the copy shows the terms and when.
    const jws = await page(`/portal/agreements/${bikes.consentId}/receipt.jws`, cookie);
    expect(jws.status).toBe(200);
    expect(jws.headers.get('content-type')).toBe('application/jose; charset=utf-8');
    expect(jws.headers.get('content-disposition')).toBe(
      `attachment; filename="consent-receipt-${bikes.consentId}.jws"`,
    );
    const jwks = (await t.request('GET', '/.well-known/jwks.json')).body;
    const { claims } = await verifyReceipt(jws.html, jwks, RECEIPT_TYP);
    expect(claims).toMatchObject({
      consent_id: bikes.consentId,
      merchant_customer_id: 'cust-anna',
      withdrawn_at: '2026-03-01T09:01:00.000Z',
    });
    const copy = await page(`/portal/agreements/${bikes.consentId}/receipt`, cookie);
    expect(copy.status).toBe(200);
    expect(copy.html).toContain(
      'We charge 10 kr every month for unlimited 30-minute rides.\nCancel any time.',
    );
    expect(copy.html).toContain(
      'Stopped on</dt><dd>March 1, 2026 at 9:01 AM UTC (Stopped by you on this page)',
    );

    // The overview now lists it under stopped agreements, without a stop button.
    const after = await page('/portal', cookie);
    expect(after.html.indexOf('Stopped agreements')).toBeLessThan(after.html.indexOf('City bike plan'));
    expect(after.html).not.toContain(`/portal/agreements/${bikes.consentId}/withdraw"`);
    expect(after.html).toContain(`/portal/agreements/${helmets.consentId}/withdraw"`);

    // An audit-log row for every step, under the portal session, without the consumer's address.
    const rows = await auditRows(link.id);
    expect(rows.map((r) => [r.action, r.target_id, r.status])).toEqual([
      ['portal.open', null, 200],
      ['portal.view', null, 200],
      ['portal.withdraw_confirm', bikes.consentId, 200],
      ['portal.withdraw', bikes.consentId, 200],
      ['portal.withdrawn_view', bikes.consentId, 200],
      ['portal.receipt_download', bikes.consentId, 200],
      ['portal.receipt_view', bikes.consentId, 200],
      ['portal.view', null, 200],
    ]);
    expect(rows[3]).toMatchObject({
      method: 'POST',
      route: '/portal/agreements/:reference/withdraw',
      params: { merchant_id: citybikes.id, merchant_customer_id: 'cust-anna' },
    });
    expect(JSON.stringify(rows)).not.toContain('198.51.100.23');
    const listed = await auditor(`/admin/v1/audit-log?actor_key_id=${link.id}`);
    expect(listed.body.data).toHaveLength(rows.length);
    expect(listed.body.data[0]).toMatchObject({ actor_role: 'consumer' });
    // What an auditor asks: every consumer action on this consent.
    const consumer = await auditor(`/admin/v1/audit-log?actor_role=consumer&target_id=${bikes.consentId}`);
    expect(consumer.status).toBe(200);
    expect(consumer.body.data.map((e: any) => e.action).sort()).toEqual(
      [
        'portal.receipt_download',
        'portal.receipt_view',
        'portal.withdraw',
        'portal.withdraw_confirm',
        'portal.withdrawn_view',
      ].sort(),
    );
  });

  it('withdraws all agreements in force after a confirmation', async () => {
    const m = await createMerchant(t, 'Scooters');
    const a = await agreement(m.key, 'cust-all', 'Scooter plan', 'Scooter terms.');
    const b = await agreement(m.key, 'cust-all', 'Scooter insurance', 'Insurance terms.');
    const { link, cookie } = await opened(m.key, 'cust-all');
    const confirm = await page('/portal/withdraw-all', cookie);
    expect(confirm.html).toContain('any of your 2 agreements');
    const res = await postForm(t, '/portal/withdraw-all', cookie, { csrf: csrfOf(confirm.html) }, BROWSER);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/portal?stopped=2');
    expect((await page('/portal?stopped=2', cookie)).html).toContain('Stopped: 2 agreement(s).');
    for (const x of [a, b]) {
      expect((await t.request('GET', `/v1/customer-tokens/${x.tokenId}`, { key: m.key })).body.status).toBe(
        'canceled',
      );
      expect(
        (await t.request('GET', `/v1/subscriptions/${x.subscriptionId}`, { key: m.key })).body.status,
      ).toBe('canceled');
    }
    expect((await auditor(`/admin/v1/consents/verify?merchant_id=${m.id}`)).body.ok).toBe(true);
    const rows = await auditRows(link.id);
    expect(rows.find((r) => r.action === 'portal.withdraw_all')).toMatchObject({
      status: 200,
      params: { withdrawn: 2 },
    });
  });

  it('Klarna unavailable: the page says so, nothing is withdrawn, a retry later works', async () => {
    const m = await createMerchant(t, 'Outage');
    const x = await agreement(m.key, 'cust-outage', 'Outage plan', 'Outage terms.');
    const { link, cookie } = await opened(m.key, 'cust-outage');
    const confirm = await page(`/portal/agreements/${x.consentId}/withdraw`, cookie);
    const confirmWithdrawal = () =>
      postForm(
        t,
        `/portal/agreements/${x.consentId}/withdraw`,
        cookie,
        { csrf: csrfOf(confirm.html) },
        BROWSER,
      );
    await t.emulator!.request('PUT', '/emulator/v1/faults', {
      error_503_rate: 1,
      paths: ['^/customer-token/v1/tokens/[^/]+/status$'],
    });
    try {
      const failed = await confirmWithdrawal();
      expect(failed.status).toBeGreaterThanOrEqual(502);
      expect(failed.status).toBeLessThanOrEqual(504);
      expect(failed.html).toContain('Something went wrong on our side. Please try again in a moment.');
      expect(failed.headers.get('content-security-policy')).toBe(CSP);
    } finally {
      await t.emulator!.request('DELETE', '/emulator/v1/faults');
    }
    expect((await t.request('GET', `/v1/customer-tokens/${x.tokenId}`, { key: m.key })).body.status).toBe(
      'active',
    );
    expect((await auditor(`/admin/v1/consents/${x.consentId}`)).body.events.map((e: any) => e.type)).toEqual([
      'granted',
      'linked_to_token',
    ]);
    const again = await confirmWithdrawal();
    expect(again.status).toBe(303);
    expect((await t.request('GET', `/v1/customer-tokens/${x.tokenId}`, { key: m.key })).body.status).toBe(
      'canceled',
    );
    // The failed attempt is in the audit log too, with the status the consumer saw.
    const attempts = (await auditRows(link.id)).filter((r) => r.action === 'portal.withdraw');
    expect(attempts.map((r) => r.status)).toEqual([expect.any(Number), 200]);
    expect(attempts[0].status).toBeGreaterThanOrEqual(502);
  });

  it('records one withdrawal when the confirmation is sent twice at once (double click)', async () => {
    const m = await createMerchant(t, 'Double');
    const x = await agreement(m.key, 'cust-double', 'Double plan', 'Double terms.');
    const { cookie } = await opened(m.key, 'cust-double');
    const csrf = csrfOf((await page(`/portal/agreements/${x.consentId}/withdraw`, cookie)).html);
    const both = await Promise.all(
      [1, 2].map(() => postForm(t, `/portal/agreements/${x.consentId}/withdraw`, cookie, { csrf }, BROWSER)),
    );
    expect(both.map((r) => r.status)).toEqual([303, 303]);
    const record = await auditor(`/admin/v1/consents/${x.consentId}`);
    expect(record.body.events.map((e: any) => e.type)).toEqual(['granted', 'linked_to_token', 'withdrawn']);
    expect((await auditor(`/admin/v1/consents/verify?merchant_id=${m.id}`)).body.ok).toBe(true);
    const events = (await t.request('GET', '/v1/events?type=consent.withdrawn', { key: m.key })).body.data;
    expect(events).toHaveLength(1);
  });

  it('refuses a used link and an expired link (410), and records the refusal', async () => {
    const used = await portalLink(t, citybikes.key, 'cust-anna');
    expect((await openLink(used.url, BROWSER)).status).toBe(200);
    const again = await fetch(used.url, { headers: BROWSER });
    expect(again.status).toBe(410);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('This link has already been used or has expired.');

    const late = await portalLink(t, citybikes.key, 'cust-anna');
    clock.advance(15 * 60_000);
    const expired = await openLink(late.url, BROWSER);
    expect(expired.status).toBe(410);
    expect(expired.cookie).toBeNull();

    const refused = (
      await t.db.query(
        `select action, target_id, status from audit_log where action = 'portal.open_refused' and target_id = any($1) order by id`,
        [[used.id, late.id]],
      )
    ).rows;
    expect(refused).toEqual([
      { action: 'portal.open_refused', target_id: used.id, status: 410 },
      { action: 'portal.open_refused', target_id: late.id, status: 410 },
    ]);
  });

  it("never shows or acts on another customer's agreement, at the same merchant or another", async () => {
    const { cookie: bertCookie } = await opened(citybikes.key, 'cust-bert');
    const bertView = await page('/portal', bertCookie);
    expect(bertView.html).toContain('The terms text of Bert.');
    for (const x of [bikes, helmets, parklyAnna]) expect(bertView.html).not.toContain(x.consentId);

    // Anna's reference through Bert's session: nothing to see, nothing to withdraw.
    const csrf = csrfOf((await page(`/portal/agreements/${bert.consentId}/withdraw`, bertCookie)).html);
    for (const path of ['withdraw', 'withdrawn', 'receipt', 'receipt.jws']) {
      const res = await page(`/portal/agreements/${helmets.consentId}/${path}`, bertCookie);
      expect(res.status).toBe(404);
      expect(res.html).not.toContain('Helmet rental');
    }
    const post = await postForm(
      t,
      `/portal/agreements/${helmets.consentId}/withdraw`,
      bertCookie,
      { csrf },
      BROWSER,
    );
    expect(post.status).toBe(404);
    const helmetToken = await t.request('GET', `/v1/customer-tokens/${helmets.tokenId}`, {
      key: citybikes.key,
    });
    expect(helmetToken.body.status).toBe('active');

    // The same customer id at another merchant: that merchant's agreement only.
    const { cookie: parklyCookie } = await opened(parkly.key, 'cust-anna');
    const parklyView = await page('/portal', parklyCookie);
    expect(parklyView.html).toContain('The terms of Parkly for its cust-anna.');
    expect(parklyView.html).not.toContain('Helmet rental');
    expect(parklyView.html).not.toContain('City bike plan');
    expect((await page(`/portal/agreements/${helmets.consentId}/receipt`, parklyCookie)).status).toBe(404);
    const parklyCsrf = csrfOf(
      (await page(`/portal/agreements/${parklyAnna.consentId}/withdraw`, parklyCookie)).html,
    );
    const cross = await postForm(
      t,
      `/portal/agreements/${helmets.consentId}/withdraw`,
      parklyCookie,
      { csrf: parklyCsrf },
      BROWSER,
    );
    expect(cross.status).toBe(404);
    expect(
      (await t.request('GET', `/v1/customer-tokens/${helmets.tokenId}`, { key: citybikes.key })).body.status,
    ).toBe('active');
  });

  it('refuses an action without the CSRF token, with a wrong one, or with another session’s (403)', async () => {
    const { link, cookie } = await opened(citybikes.key, 'cust-anna');
    const { cookie: otherCookie } = await opened(citybikes.key, 'cust-anna');
    const otherCsrf = csrfOf(
      (await page(`/portal/agreements/${helmets.consentId}/withdraw`, otherCookie)).html,
    );
    const path = `/portal/agreements/${helmets.consentId}/withdraw`;
    const attempts: Record<string, string>[] = [
      {},
      { csrf: '' },
      { csrf: 'a'.repeat(64) },
      { csrf: otherCsrf },
      { csrf: `${otherCsrf}0` },
    ];
    for (const body of attempts) {
      const res = await postForm(t, path, cookie, body, BROWSER);
      expect(res.status).toBe(403);
      expect(res.html).toContain('The form has expired. Go back and try again.');
    }
    // A JSON body is not a form: refused the same way, never a 500.
    const json = await page(path, cookie, {
      method: 'POST',
      body: JSON.stringify({ csrf: otherCsrf }),
      headers: { 'content-type': 'application/json' },
    });
    expect(json.status).toBe(403);
    const all = await postForm(t, '/portal/withdraw-all', cookie, { csrf: otherCsrf }, BROWSER);
    expect(all.status).toBe(403);
    // Without a session cookie at all: 401.
    expect((await postForm(t, path, null, { csrf: otherCsrf }, BROWSER)).status).toBe(401);

    expect(
      (await t.request('GET', `/v1/customer-tokens/${helmets.tokenId}`, { key: citybikes.key })).body.status,
    ).toBe('active');
    const refused = (await auditRows(link.id)).filter((r) => r.action === 'portal.csrf_refused');
    expect(refused).toHaveLength(attempts.length + 2);
    expect(refused.every((r) => r.status === 403)).toBe(true);
  });

  it('answers odd requests with a 4xx, never a 500', async () => {
    const { cookie } = await opened(citybikes.key, 'cust-anna');
    const path = `/portal/agreements/${helmets.consentId}/withdraw`;
    const odd: [string, RequestInit][] = [
      ['/portal/open?token=a&token=b', {}],
      [`/portal/open?token=${'x'.repeat(5000)}`, {}],
      ['/portal/open?token=pts_00000000000000000000000000.%00', {}],
      ['/portal/agreements/%E0%A4%A/withdraw', {}],
      ['/portal/agreements/con_..%2F..%2Fadmin/receipt.jws', {}],
      [path, { method: 'POST', body: 'csrf=1', headers: { 'content-type': 'text/plain' } }],
      [
        path,
        {
          method: 'POST',
          body: `csrf=${'a'.repeat(10_000)}`,
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      ],
      [path, { method: 'POST', body: '[1,2]', headers: { 'content-type': 'application/json' } }],
      [
        path,
        {
          method: 'POST',
          body: 'csrf=%ZZ&csrf=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        },
      ],
      ['/portal/withdraw-all', { method: 'POST' }],
    ];
    for (const [url, init] of odd) {
      const res = await page(url, cookie, init);
      expect([url, res.status >= 400 && res.status < 500]).toEqual([url, true]);
    }
    expect(
      (await t.request('GET', `/v1/customer-tokens/${helmets.tokenId}`, { key: citybikes.key })).body.status,
    ).toBe('active');
  });

  it('sends the security headers on every page and no inline script or style', async () => {
    const { cookie } = await opened(citybikes.key, 'cust-anna');
    const paths = [
      '/portal',
      `/portal/agreements/${helmets.consentId}/withdraw`,
      `/portal/agreements/${bikes.consentId}/withdrawn`,
      `/portal/agreements/${bikes.consentId}/receipt`,
      '/portal/withdraw-all',
      '/portal/agreements/con_00000000000000000000000000/receipt',
      '/portal/theme.css',
      '/portal/assets/portal.css',
      '/portal/assets/icon.svg',
    ];
    for (const path of paths) {
      const res = await page(path, cookie);
      expect([path, res.headers.get('content-security-policy')]).toEqual([path, CSP]);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.html).not.toMatch(/<script|\sstyle=|\son[a-z]+=|javascript:/i);
    }
    const link = await portalLink(t, citybikes.key, 'cust-anna');
    const open = await fetch(link.url, { headers: BROWSER });
    expect(open.headers.get('content-security-policy')).toBe(CSP);
    expect(await open.text()).not.toMatch(/<script/i);
  });
});

describe('Consumer portal: rate limits', () => {
  let t: TestApp;
  let merchant: { id: string; key: string };
  const LIMIT = 5;

  beforeAll(async () => {
    t = await startTestApp({
      env: {
        RATE_LIMIT_PER_MINUTE: '100000',
        PORTAL_RATE_LIMIT_PER_MINUTE: String(LIMIT),
        TRUST_PROXY: '127.0.0.1',
      },
    });
    merchant = await createMerchant(t, 'Limited');
  });
  afterAll(() => t.close());

  it('limits one portal session, whatever address it comes from (429 with Retry-After)', async () => {
    const link = await portalLink(t, merchant.key, 'cust-rate');
    const { cookie } = await openLink(link.url, { 'x-forwarded-for': '192.0.2.1' });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++) {
      const res = await portalPage(t, '/portal', cookie, {
        headers: { 'x-forwarded-for': `192.0.2.${10 + i}` },
      });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.headers.get('retry-after')).toBe('60');
        expect(res.html).toContain('Too many requests');
      }
    }
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429]);
    // Another session from a fresh address is not affected.
    const other = await openLink((await portalLink(t, merchant.key, 'cust-rate')).url, {
      'x-forwarded-for': '192.0.2.100',
    });
    expect(
      (await portalPage(t, '/portal', other.cookie, { headers: { 'x-forwarded-for': '192.0.2.101' } }))
        .status,
    ).toBe(200);
  });

  it('limits one address, with or without a session', async () => {
    const address = { 'x-forwarded-for': '203.0.113.50' };
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 1; i++)
      statuses.push((await portalPage(t, '/portal', null, { headers: address })).status);
    expect(statuses).toEqual([...Array(LIMIT).fill(401), 429]);
    // Opening a link from that address is refused too, and the link is not burnt by it.
    const link = await portalLink(t, merchant.key, 'cust-rate-ip');
    expect((await openLink(link.url, address)).status).toBe(429);
    expect((await openLink(link.url, { 'x-forwarded-for': '203.0.113.51' })).status).toBe(200);
  });
});
