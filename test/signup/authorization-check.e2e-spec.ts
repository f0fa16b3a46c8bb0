import { randomUUID } from 'node:crypto';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import {
  authorizeAndRecord,
  consent,
  klarnaRequests,
  openSession,
  publishedTerms,
  sessionBody,
} from '../support/signup';

/**
 * We cannot check an authorization token when the merchant records it (Klarna has no call that reads one without
 * using it), so it is recorded as `unverified`, not `valid`; the check is Klarna's answer when the token is used.
 * A token Klarna never issued then fails as what it is, not as "expired".
 */
describe('an authorization token Klarna has never seen', () => {
  let t: TestApp;
  let key: string;
  let termsId: string;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true });
    key = (await createMerchant(t, 'Scooters')).key;
    termsId = (await publishedTerms(t, key)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  async function recordMadeUpToken(intent: string) {
    const session = await openSession(t, key, sessionBody(termsId, intent));
    await consent(t, key, session);
    const token = randomUUID();
    const recorded = await t.request('POST', `/v1/sessions/${session.id}/authorizations`, {
      key,
      body: { authorization_token: token },
    });
    expect(recorded.status).toBe(201);
    return { session, token, recorded: recorded.body };
  }

  it('is recorded as unverified, and Klarna refusing it answers AUTHORIZATION_UNKNOWN_TO_KLARNA', async () => {
    const { session, token, recorded } = await recordMadeUpToken('tokenize');
    expect(recorded.status).toBe('unverified');
    const row = await t.db.query('SELECT status FROM authorizations WHERE id = $1', [recorded.id]);
    expect(row.rows[0].status).toBe('unverified');

    const res = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body).toMatchObject({
      code: 'AUTHORIZATION_UNKNOWN_TO_KLARNA',
      upstream: { error_code: 'NOT_FOUND' },
    });
    expect(res.body.detail).toContain('Invalid authorization token');
    expect(res.body.detail).not.toMatch(/expired or released/);
    const calls = (await klarnaRequests(t)).filter((r) => r.path.includes(token));
    expect(calls).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: expect.stringMatching(/\/customer-token$/),
        status: 404,
      }),
    ]);

    // Recorded as what Klarna said; a retry answers the same without asking Klarna again.
    const read = await t.request('GET', `/v1/sessions/${session.id}`, { key });
    expect(read.body.authorization).toMatchObject({ id: recorded.id, status: 'refused' });
    const again = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('AUTHORIZATION_UNKNOWN_TO_KLARNA');
    expect((await klarnaRequests(t)).filter((r) => r.path.includes(token))).toHaveLength(1);
    const tokens = await t.db.query('SELECT count(*)::int AS n FROM customer_tokens WHERE session_id = $1', [
      session.id,
    ]);
    expect(tokens.rows[0].n).toBe(0);
  });

  it('names the same cause when Klarna refuses it for the first order (buy_and_tokenize)', async () => {
    const { session, token } = await recordMadeUpToken('buy_and_tokenize');
    const res = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({
      code: 'AUTHORIZATION_UNKNOWN_TO_KLARNA',
      upstream: { error_code: 'NOT_FOUND' },
    });
    const calls = (await klarnaRequests(t)).filter((r) => r.path.includes(token));
    expect(calls.map((c) => [c.path.split('/').pop(), c.status])).toEqual([['order', 404]]);
  });

  it('a token Klarna issued is unverified until used, then consumed', async () => {
    const session = await openSession(t, key, sessionBody(termsId));
    await consent(t, key, session);
    const { authorization } = await authorizeAndRecord(t, key, session);
    expect(authorization.status).toBe('unverified');
    const res = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(res.status).toBe(201);
    const read = await t.request('GET', `/v1/sessions/${session.id}`, { key });
    expect(read.body.authorization).toMatchObject({ id: authorization.id, status: 'consumed' });
  });
});
