import { FakeClock } from '../../src/common/clock/clock';
import { AuthorizationReleaseJob } from '../../src/signup/sessions/authorization-release.job';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import {
  authorizeAndRecord,
  consent,
  emulatorTokens,
  klarnaAuthorize,
  klarnaRequests,
  openSession,
  PAID_LINE,
  publishedTerms,
  readyForToken,
  sessionBody,
} from '../support/signup';

describe('sign-up flow', () => {
  let t: TestApp;
  let key: string;
  let termsId: string;
  const clock = new FakeClock(new Date('2026-03-01T09:00:00Z'));

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, clock });
    key = (await createMerchant(t, 'Citybikes')).key;
    termsId = (await publishedTerms(t, key)).id;
  });
  afterAll(async () => {
    await t.close();
  });
  afterEach(async () => {
    await t.emulator!.request('DELETE', '/emulator/v1/faults');
  });

  it('signs up with tokenize (order_amount 0): token, rows, consent link, what Klarna received', async () => {
    const session = await openSession(t, key, sessionBody(termsId));
    expect(session).toMatchObject({
      status: 'open',
      intent: 'tokenize',
      merchant_customer_id: 'cust-4711',
      order_amount: 0,
      terms: { id: termsId, status: 'published', version: 1 },
      authorization: null,
    });
    expect(session.id).toMatch(/^ses_/);
    expect(session.client_token.split('.')).toHaveLength(3);
    expect(session.payment_method_categories.length).toBeGreaterThan(0);
    expect(Date.parse(session.expires_at) - clock.nowMs()).toBe(48 * 3600 * 1000);

    const granted = await consent(t, key, session);
    expect(granted).toMatchObject({
      session_id: session.id,
      terms_id: termsId,
      terms_version: 1,
      accepted_at: clock.now().toISOString(),
      channel: 'web',
    });
    expect(granted.id).toMatch(/^con_/);
    expect(granted.terms_content_sha256).toMatch(/^[0-9a-f]{64}$/);

    const { token: authToken, authorization } = await authorizeAndRecord(t, key, session);
    expect(authorization).toMatchObject({ session_id: session.id, status: 'unverified' });
    expect(JSON.stringify(authorization)).not.toContain(authToken);
    expect(Date.parse(authorization.expires_at) - clock.nowMs()).toBe(60 * 60 * 1000);

    const created = await t.request('POST', '/v1/customer-tokens', {
      key,
      body: { session_id: session.id, description: 'Citybikes membership' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'active',
      merchant_customer_id: 'cust-4711',
      session_id: session.id,
      consent_id: granted.id,
      intended_use: 'SUBSCRIPTION',
      payment_method_type: 'INVOICE',
      initial_order: null,
      scope: { currency: 'SEK', max_order_amount: 5000, interval: 'MONTH', interval_count: 1 },
    });
    expect(created.body.id).toMatch(/^ctok_/);

    // Klarna: the session with EMD as an attachment, then the token with intended_use and description.
    const tokens = await emulatorTokens(t, session.klarna_session_id);
    expect(tokens).toHaveLength(1);
    expect(created.text).not.toContain(tokens[0].token_id);
    const log = await klarnaRequests(t);
    const sessionCall = log.find(
      (r) =>
        r.path === '/payments/v1/sessions' && r.status === 200 && r.body.merchant_reference1 === 'signup-1',
    )!;
    expect(sessionCall.body.attachment).toEqual({
      content_type: 'application/vnd.klarna.internal.emd-v2+json',
      body: JSON.stringify({ customer_account_info: [{ unique_account_identifier: 'cust-4711' }] }),
    });
    expect(sessionCall.body.intent).toBe('tokenize');
    const tokenCalls = log.filter((r) => r.path.endsWith('/customer-token'));
    expect(tokenCalls).toHaveLength(1);
    expect(tokenCalls[0].body).toEqual({
      purchase_country: 'SE',
      purchase_currency: 'SEK',
      locale: 'sv-SE',
      description: 'Citybikes membership',
      intended_use: 'SUBSCRIPTION',
    });

    // Rows: Klarna's token id only encrypted, authorization consumed, session completed, consent linked.
    const row = (await t.db.query('SELECT * FROM customer_tokens WHERE id = $1', [created.body.id])).rows[0];
    expect(row.klarna_token_enc).toMatch(/^ev1\.t1\./);
    expect(row.klarna_token_index).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(tokens[0].token_id);
    const authRow = (
      await t.db.query('SELECT status, token_enc FROM authorizations WHERE id = $1', [authorization.id])
    ).rows[0];
    expect(authRow.status).toBe('consumed');
    expect(authRow.token_enc).not.toContain(authToken);
    const readSession = await t.request('GET', `/v1/sessions/${session.id}`, { key });
    expect(readSession.body).toMatchObject({
      status: 'completed',
      authorization: { id: authorization.id, status: 'consumed' },
    });
    const readConsent = await t.request('GET', `/v1/consents/${granted.id}`, { key });
    expect(readConsent.body.events.map((e: { type: string }) => e.type)).toEqual([
      'granted',
      'linked_to_token',
    ]);
    expect(readConsent.body.events[1].customer_token_id).toBe(created.body.id);

    // Idempotent: the same token again, no second Klarna call; a completed session refuses changes.
    const again = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(created.body.id);
    expect((await klarnaRequests(t)).filter((r) => r.path.endsWith('/customer-token'))).toHaveLength(1);
    const patch = await t.request('PATCH', `/v1/sessions/${session.id}`, {
      key,
      body: { merchant_reference1: 'x' },
    });
    expect(patch.status).toBe(409);
    expect(patch.body.code).toBe('SESSION_COMPLETED');

    // Reading: list with filters, refresh from Klarna; cancel records the withdrawal.
    const list = await t.request('GET', '/v1/customer-tokens?merchant_customer_id=cust-4711&status=active', {
      key,
    });
    expect(list.body.data.map((d: { id: string }) => d.id)).toContain(created.body.id);
    const other = await t.request('GET', '/v1/customer-tokens?merchant_customer_id=someone-else', { key });
    expect(other.body).toEqual({ data: [], next_cursor: null });
    await t.emulator!.request('POST', `/emulator/v1/tokens/${tokens[0].token_id}/status`, {
      status: 'SUSPENDED',
    });
    const refreshed = await t.request('GET', `/v1/customer-tokens/${created.body.id}?refresh=true`, { key });
    expect(refreshed.body.status).toBe('suspended');
    await t.emulator!.request('POST', `/emulator/v1/tokens/${tokens[0].token_id}/status`, {
      status: 'ACTIVE',
    });

    const canceled = await t.request('POST', `/v1/customer-tokens/${created.body.id}/cancel`, { key });
    expect(canceled.status).toBe(202);
    expect(canceled.body.status).toBe('canceled');
    expect((await emulatorTokens(t, session.klarna_session_id))[0].status).toBe('CANCELLED');
    const afterCancel = await t.request('GET', `/v1/consents/${granted.id}`, { key });
    expect(afterCancel.body.events.map((e: { type: string }) => e.type)).toEqual([
      'granted',
      'linked_to_token',
      'withdrawn',
    ]);
    const events = await t.db.query('SELECT count(*)::int AS n FROM consent_events WHERE consent_id = $1', [
      granted.id,
    ]);
    expect(events.rows[0].n).toBe(3);

    // Another merchant sees none of it.
    const stranger = await createMerchant(t, 'Stranger');
    for (const path of [
      `/v1/sessions/${session.id}`,
      `/v1/consents/${granted.id}`,
      `/v1/customer-tokens/${created.body.id}`,
    ]) {
      expect((await t.request('GET', path, { key: stranger.key })).status).toBe(404);
    }
  });

  it('signs up with buy_and_tokenize: first order, then the token, from one authorization', async () => {
    const { session, token: authToken } = await readyForToken(t, key, termsId, 'buy_and_tokenize');
    const created = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(created.status).toBe(201);
    expect(created.body.initial_order).toMatchObject({
      order_amount: 1000,
      purchase_currency: 'SEK',
      fraud_status: 'ACCEPTED',
    });
    expect(created.body.initial_order.id).toMatch(/^ord_/);
    expect(created.body.description).toBe('Automatic monthly payments');

    const orders = (await t.emulator!.request('GET', '/emulator/v1/orders')).body.orders.filter(
      (o: { authorization_token: string }) => o.authorization_token === authToken,
    );
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      order_amount: 1000,
      purchase_currency: 'SEK',
      merchant_reference1: 'signup-1',
    });
    expect(created.body.initial_order.klarna_order_id).toBe(orders[0].order_id);
    expect(await emulatorTokens(t, session.klarna_session_id)).toHaveLength(1);

    const log = await klarnaRequests(t);
    const orderAt = log.findIndex(
      (r) => r.path.endsWith('/order') && r.body?.order_amount === 1000 && r.status === 200,
    );
    const tokenAt = log.findLastIndex((r) => r.path.endsWith('/customer-token'));
    expect(orderAt).toBeGreaterThanOrEqual(0);
    expect(orderAt).toBeLessThan(tokenAt);
    expect(log[orderAt].body.order_lines).toEqual([PAID_LINE]);
  });

  it('gives the declined persona no authorization and answers AUTHORIZATION_REQUIRED', async () => {
    const session = await openSession(t, key, sessionBody(termsId));
    await consent(t, key, session);
    const result = await klarnaAuthorize(t, session.klarna_session_id, 'customer+denied@email.se');
    expect(result).toMatchObject({ approved: false, show_form: false });
    expect(result.authorization_token).toBeUndefined();

    const res = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'AUTHORIZATION_REQUIRED', status: 409 });
    expect(await emulatorTokens(t, session.klarna_session_id)).toEqual([]);
    expect(
      (await t.db.query('SELECT count(*)::int AS n FROM customer_tokens WHERE session_id = $1', [session.id]))
        .rows[0].n,
    ).toBe(0);
  });

  it('answers AUTHORIZATION_EXPIRED once the authorization is older than 60 minutes', async () => {
    const { session, authorization } = await readyForToken(t, key, termsId);
    await t.emulator!.request('POST', '/emulator/v1/clock/advance', { seconds: 61 * 60 });
    clock.advance(61 * 60 * 1000);
    const before = (await klarnaRequests(t)).length;

    const res = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('AUTHORIZATION_EXPIRED');
    expect((await klarnaRequests(t)).length).toBe(before);
    const read = await t.request('GET', `/v1/sessions/${session.id}`, { key });
    expect(read.body.authorization).toMatchObject({ id: authorization.id, status: 'expired' });
  });

  it('requires reauthorization after an update, releases the stale one, then creates the token', async () => {
    const {
      session,
      token: staleToken,
      authorization,
    } = await readyForToken(t, key, termsId, 'buy_and_tokenize');
    const twoMonths = { ...PAID_LINE, quantity: 2, total_amount: 2000, total_tax_amount: 400 };
    const patched = await t.request('PATCH', `/v1/sessions/${session.id}`, {
      key,
      body: { order_amount: 2000, order_tax_amount: 400, order_lines: [twoMonths] },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      order_amount: 2000,
      authorization: { id: authorization.id, status: 'stale' },
    });
    const log = await klarnaRequests(t);
    expect(
      log.some(
        (r) =>
          r.method === 'POST' &&
          r.path === `/payments/v1/sessions/${session.klarna_session_id}` &&
          r.status === 204,
      ),
    ).toBe(true);
    expect(
      log.some(
        (r) =>
          r.method === 'DELETE' && r.path === `/payments/v1/authorizations/${staleToken}` && r.status === 204,
      ),
    ).toBe(true);

    const refused = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('REAUTHORIZATION_REQUIRED');

    const fresh = await authorizeAndRecord(t, key, session);
    const created = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(created.status).toBe(201);
    expect(created.body.initial_order.order_amount).toBe(2000);
    const statuses = await t.db.query(
      'SELECT id, status FROM authorizations WHERE session_id = $1 ORDER BY id',
      [session.id],
    );
    expect(statuses.rows).toEqual([
      { id: authorization.id, status: 'stale' },
      { id: fresh.authorization.id, status: 'consumed' },
    ]);
  });

  it('releases an authorization on request', async () => {
    const { session, token, authorization } = await readyForToken(t, key, termsId);
    const released = await t.request('POST', `/v1/authorizations/${authorization.id}/release`, { key });
    expect(released.status).toBe(200);
    expect(released.body).toMatchObject({ id: authorization.id, status: 'released' });
    expect(
      (await klarnaRequests(t)).filter((r) => r.method === 'DELETE' && r.path.endsWith(token)),
    ).toHaveLength(1);
    const res = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(res.body.code).toBe('AUTHORIZATION_REQUIRED');
    const again = await t.request('POST', `/v1/authorizations/${authorization.id}/release`, { key });
    expect(again.body.status).toBe('released');
    expect(
      (await klarnaRequests(t)).filter((r) => r.method === 'DELETE' && r.path.endsWith(token)),
    ).toHaveLength(1);
  });

  it('releases abandoned authorizations automatically after 30 minutes, and only those', async () => {
    const old = await readyForToken(t, key, termsId);
    clock.advance(20 * 60 * 1000);
    const recent = await readyForToken(t, key, termsId);
    clock.advance(11 * 60 * 1000);
    const job = t.app.get(AuthorizationReleaseJob);
    expect(await job.runOnce()).toBeGreaterThanOrEqual(1);
    expect(await job.runOnce()).toBe(0);
    const rows = await t.db.query('SELECT id, status, released_at FROM authorizations WHERE id = ANY($1)', [
      [old.authorization.id, recent.authorization.id],
    ]);
    const byId = Object.fromEntries(rows.rows.map((r) => [r.id, r]));
    expect(byId[old.authorization.id]).toMatchObject({ status: 'released' });
    expect(byId[old.authorization.id].released_at).not.toBeNull();
    expect(byId[recent.authorization.id]).toMatchObject({ status: 'unverified', released_at: null });
    const deletes = (await klarnaRequests(t)).filter((r) => r.method === 'DELETE');
    expect(deletes.some((r) => r.path.endsWith(old.token) && r.status === 204)).toBe(true);
    expect(deletes.some((r) => r.path.endsWith(recent.token))).toBe(false);
  });

  it('refuses a token without consent (409 CONSENT_REQUIRED), and creates none at Klarna', async () => {
    const session = await openSession(t, key, sessionBody(termsId));
    await authorizeAndRecord(t, key, session);
    const res = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('CONSENT_REQUIRED');
    expect(await emulatorTokens(t, session.klarna_session_id)).toEqual([]);
  });

  it('never creates two tokens when the answer to create-token is lost', async () => {
    const { session } = await readyForToken(t, key, termsId);
    await t.emulator!.request('PUT', '/emulator/v1/faults', {
      lost_response_rate: 1,
      paths: ['/customer-token$'],
    });
    const first = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(first.status).toBe(504);
    expect(first.body.code).toBe('KLARNA_OUTCOME_UNKNOWN');
    await t.emulator!.request('DELETE', '/emulator/v1/faults');

    const retry = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(retry.status).toBe(409);
    expect(retry.body.code).toBe('TOKEN_OUTCOME_UNKNOWN');
    // A new authorization does not open a second attempt either.
    await authorizeAndRecord(t, key, session);
    const third = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(third.body.code).toBe('TOKEN_OUTCOME_UNKNOWN');

    expect(await emulatorTokens(t, session.klarna_session_id)).toHaveLength(1);
    const calls = (await klarnaRequests(t)).filter((r) => r.path.endsWith('/customer-token'));
    expect(calls.filter((r) => r.lost_response)).toHaveLength(1);
    expect(calls.filter((r) => r.body?.description && r.path.includes('/authorizations/'))).toHaveLength(
      calls.length,
    );
    const row = await t.db.query('SELECT status FROM customer_tokens WHERE session_id = $1', [session.id]);
    expect(row.rows).toEqual([{ status: 'unknown' }]);
  });

  it('answers a concurrent repeat with TOKEN_CREATION_IN_PROGRESS or the same token, and calls Klarna once', async () => {
    const { session } = await readyForToken(t, key, termsId);
    await t.emulator!.request('PUT', '/emulator/v1/faults', { latency_ms: 300, paths: ['/customer-token$'] });
    const before = (await klarnaRequests(t)).filter((r) => r.path.endsWith('/customer-token')).length;
    const answers = await Promise.all(
      [1, 2, 3].map(() =>
        t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } }),
      ),
    );
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    for (const other of answers.filter((a) => a.status !== 201)) {
      expect(other.status).toBe(409);
      expect(other.body.code).toBe('TOKEN_CREATION_IN_PROGRESS');
    }
    const after = (await klarnaRequests(t)).filter((r) => r.path.endsWith('/customer-token')).length;
    expect(after - before).toBe(1);
    expect(await emulatorTokens(t, session.klarna_session_id)).toHaveLength(1);
  });
});
