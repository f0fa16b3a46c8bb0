import { ORDER_PATH, orderBody } from '../orders/orders-helpers';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import {
  activeToken,
  authorizeAndRecord,
  consent,
  openSession,
  publishedTerms,
  sessionBody,
} from '../support/signup';

/** Klarna's optional redirect_url (a cookie bounce to the confirmation URL), passed through (issue #14 item 3c). */
describe("Klarna's redirect_url", () => {
  let t: TestApp;
  let key: string;
  let termsId: string;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true });
    key = (await createMerchant(t, 'Citybikes')).key;
    termsId = (await publishedTerms(t, key)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Session (with the given overrides) → consent → authorize → POST /v1/customer-tokens; the answer. */
  const signUp = async (intent: string, overrides: Record<string, unknown>) => {
    const session = await openSession(t, key, sessionBody(termsId, intent, overrides));
    await consent(t, key, session);
    await authorizeAndRecord(t, key, session);
    const res = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
    expect(res.status).toBe(201);
    return { session, token: res.body };
  };

  /** Where the emulator's redirect sends the consumer. */
  const bounce = async (url: string) => {
    const res = await fetch(url, { redirect: 'manual' });
    return { status: res.status, location: res.headers.get('location') };
  };

  it('passes the token creation redirect_url through, in the answer and when the token is read', async () => {
    const { session, token } = await signUp('tokenize', {
      merchant_urls: { confirmation: 'https://shop.example/welcome/{session.id}' },
    });
    expect(token.redirect_url).toMatch(new RegExp(`^${t.emulator!.url}/emulator/v1/redirect/`));
    expect(await bounce(token.redirect_url)).toEqual({
      status: 302,
      location: `https://shop.example/welcome/${session.klarna_session_id}`,
    });
    const read = await t.request('GET', `/v1/customer-tokens/${token.id}`, { key });
    expect(read.body.redirect_url).toBe(token.redirect_url);
  });

  it('answers redirect_url null when Klarna gave none (no confirmation URL)', async () => {
    const { token } = await signUp('tokenize', {});
    expect(token).toHaveProperty('redirect_url', null);
  });

  it('passes the first order’s redirect_url of a buy_and_tokenize sign-up through', async () => {
    const { token } = await signUp('buy_and_tokenize', {
      merchant_urls: { confirmation: 'https://shop.example/thanks/{order.id}' },
    });
    expect(token.initial_order.redirect_url).toMatch(/\/emulator\/v1\/redirect\//);
    expect(await bounce(token.initial_order.redirect_url)).toEqual({
      status: 302,
      location: `https://shop.example/thanks/${token.initial_order.klarna_order_id}`,
    });
  });

  it('passes a token order’s redirect_url through, in the answer, the replay and the read', async () => {
    const { id } = await activeToken(t, key);
    const place = () =>
      t.request('POST', ORDER_PATH(id), {
        key,
        body: orderBody(),
        headers: { 'idempotency-key': 'redirect-1' },
      });
    const first = await place();
    expect(first.status).toBe(201);
    expect(first.body.redirect_url).toMatch(new RegExp(`^${t.emulator!.url}/emulator/v1/redirect/`));
    const replay = await place();
    expect(replay.body.redirect_url).toBe(first.body.redirect_url);
    const read = await t.request('GET', `/v1/orders/${first.body.id}`, { key });
    expect(read.body.redirect_url).toBe(first.body.redirect_url);
  });

  it('answers redirect_url null on an order Klarna declined', async () => {
    const active = await activeToken(t, key);
    await t.emulator!.request('POST', `/emulator/v1/tokens/${active.klarnaTokenId}/next-order`, {
      error_code: 'PAYMENT_METHOD_FAILED',
    });
    const res = await t.request('POST', ORDER_PATH(active.id), {
      key,
      body: orderBody(),
      headers: { 'idempotency-key': 'declined-1' },
    });
    expect(res.status).toBe(402);
    const list = await t.request('GET', `/v1/customer-tokens/${active.id}/orders`, { key });
    expect(list.body.data[0]).toMatchObject({ status: 'declined', redirect_url: null });
  });
});
