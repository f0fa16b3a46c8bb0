import { activeToken } from '../orders/orders-helpers';
import { klarnaAuthorize, klarnaRequests } from '../support/signup';
import { type ApiResponse, startTestApp, type TestApp } from '../support/test-app';

/**
 * The demo backend (/demo/api/*) is public: the page's visitor is a consumer, not an API client. It must act
 * only on what the same browser created: its sessions and the tokens it signed up for, bound to an HttpOnly
 * SameSite=Strict cookie. Another browser, or no browser session, gets 404 and Klarna hears nothing.
 */
describe('demo backend acts only within one browser session', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, demo: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(async () => {
    await t.close();
  });

  const call = (path: string, cookie: string | null, body?: unknown): Promise<ApiResponse> =>
    t.request('POST', path, { body, headers: cookie ? { cookie } : {} });

  /** A browser: opens a session on /demo (getting the cookie), signs up through the emulator. */
  async function browserSignUp(): Promise<{ cookie: string; sessionId: string; tokenId: string }> {
    const opened = await call('/demo/api/sessions', null);
    expect(opened.status).toBe(201);
    const setCookie = opened.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^autopay_demo=[\w-]{32}; Path=\/demo; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0];
    const auth = await klarnaAuthorize(t, opened.body.klarna_session_id);
    const signedUp = await call('/demo/api/sign-ups', cookie, {
      session_id: opened.body.id,
      terms_id: opened.body.terms_id,
      acceptance_text: 'I agree to pay-as-you-go charging.',
      authorization_token: auth.authorization_token,
    });
    expect(signedUp.status).toBe(201);
    return { cookie, sessionId: opened.body.id, tokenId: signedUp.body.customer_token.id };
  }

  const charge = (tokenId: string, cookie: string | null, key: string) =>
    call(`/demo/api/customer-tokens/${tokenId}/orders`, cookie, { idempotency_key: key });

  const tokenOrders = async () =>
    (await klarnaRequests(t)).filter((r) => /\/customer-token\/v1\/tokens\/[^/]+\/order$/.test(r.path))
      .length;

  it('charges the token the same browser signed up for', async () => {
    const a = await browserSignUp();
    const before = await tokenOrders();
    const res = await charge(a.tokenId, a.cookie, 'a-1');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ customer_token_id: a.tokenId, status: 'accepted' });
    expect(await tokenOrders()).toBe(before + 1);
  });

  it("answers 404 for another browser's token, a forged cookie, no cookie, or a token made outside the demo", async () => {
    const a = await browserSignUp();
    const b = await browserSignUp();
    const outside = await activeToken(t, t.demo!.merchant_api_key);
    const before = await tokenOrders();
    for (const [name, tokenId, cookie] of [
      ['other browser', a.tokenId, b.cookie],
      ['no cookie', a.tokenId, null],
      ['forged cookie', a.tokenId, 'autopay_demo=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
      ['token made with the merchant API', outside.id, a.cookie],
    ] as const) {
      const res = await charge(tokenId, cookie, `x-${name}`);
      expect({ name, status: res.status }).toEqual({ name, status: 404 });
      expect(res.body.code).toBe('NOT_FOUND');
    }
    expect(await tokenOrders()).toBe(before);
  });

  it("refuses to sign up with another browser's session", async () => {
    const a = await call('/demo/api/sessions', null);
    const b = await call('/demo/api/sessions', null);
    const auth = await klarnaAuthorize(t, a.body.klarna_session_id);
    const res = await call('/demo/api/sign-ups', b.headers.get('set-cookie')!.split(';')[0], {
      session_id: a.body.id,
      terms_id: a.body.terms_id,
      acceptance_text: 'I agree to pay-as-you-go charging.',
      authorization_token: auth.authorization_token,
    });
    expect(res.status).toBe(404);
    const { rows } = await t.db.query('select 1 from consents where session_id = $1', [a.body.id]);
    expect(rows).toEqual([]);
  });
});
