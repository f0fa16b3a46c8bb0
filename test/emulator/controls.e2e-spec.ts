import { runInNewContext } from 'node:vm';
import { useEmulator } from '../support/emulator';
import {
  buySession,
  orderBodyFor,
  subscriptionLine,
  tokenizeSession,
  tokenRequest,
} from '../support/klarna-fixtures';

describe('Klarna emulator: test controls and SDK stand-in', () => {
  const emu = useEmulator();

  describe('authorize / finalize', () => {
    it.each([
      ['customer@email.se', true],
      ['customer@email.us', true],
      ['customer+denied@email.se', false],
      ['customer+denied+auth_otp_email@email.us', false],
      ['customer+red@email.uk', false],
      [undefined, true],
    ])('persona %s approves: %s', async (email, approved) => {
      const id = await emu.createSession(tokenizeSession({ billing_address: { country: 'SE' } }));
      const data = email === undefined ? {} : { billing_address: { email, country: 'SE' } };
      const res = await emu.control('POST', `/sessions/${id}/authorize`, data);
      expect(res.status).toBe(200);
      if (approved) {
        expect(res.body).toEqual({
          approved: true,
          show_form: true,
          authorization_token: expect.any(String),
        });
      } else {
        expect(res.body).toEqual({ approved: false, show_form: false });
      }
    });

    it('keeps the form with the invalid field when the authorize data is invalid', async () => {
      const id = await emu.createSession();
      const res = await emu.control('POST', `/sessions/${id}/authorize`, {
        billing_address: { postal_code: '12345678901' },
      });
      expect(res.body).toEqual({
        approved: false,
        show_form: true,
        error: { invalid_fields: ['billing_address.postal_code'] },
      });
    });

    it('with auto_finalize false requires finalize, which then issues the token', async () => {
      const id = await emu.createSession();
      const first = await emu.control('POST', `/sessions/${id}/authorize`, { auto_finalize: false });
      expect(first.body).toEqual({ approved: false, show_form: true, finalize_required: true });
      const fin = await emu.control('POST', `/sessions/${id}/finalize`, {});
      expect(fin.body).toMatchObject({ approved: true, authorization_token: expect.any(String) });
      expect(await emu.createToken(fin.body.authorization_token)).toBeTruthy();
    });

    it('checks the order against the authorized data, and re-authorizing issues a new token', async () => {
      const session = buySession();
      const id = await emu.createSession(session);
      const first = await emu.authorize(id);
      const line = subscriptionLine({ unit_price: 2500, total_amount: 2500, total_tax_amount: 500 });
      const second = await emu.authorize(id, {
        order_lines: [line],
        order_amount: 2500,
        order_tax_amount: 500,
      });
      expect(second).not.toBe(first);

      const original = orderBodyFor(session);
      const stale = await emu.createOrder(second, original);
      expect(stale.status).toBe(409);
      expect(stale.body.error_messages).toEqual([
        'Not matching fields: [order_amount, order_tax_amount, order_lines]',
      ]);
      const changed = { ...original, order_lines: [line], order_amount: 2500, order_tax_amount: 500 };
      const ok = await emu.createOrder(second, changed);
      expect(ok.status).toBe(200);
      // The older authorization stays valid until released or expired.
      const release = await emu.klarna(
        'payments.cancelAuthorization',
        'DELETE',
        `/payments/v1/authorizations/${first}`,
      );
      expect(release.status).toBe(204);
    });

    it('answers 404 for unknown sessions and SESSION_COMPLETED after the order', async () => {
      expect((await emu.control('POST', '/sessions/nope/authorize', {})).status).toBe(404);
      const session = buySession();
      const id = await emu.createSession(session);
      const auth = await emu.authorize(id);
      await emu.createOrder(auth, orderBodyFor(session));
      const res = await emu.control('POST', `/sessions/${id}/authorize`, {});
      expect(res).toMatchObject({ status: 404, body: { error_code: 'SESSION_COMPLETED' } });
    });
  });

  describe('ledger, request log, clock, reset', () => {
    it('logs every Klarna API request with its parsed body, but not the controls', async () => {
      const { tokenId } = await emu.signUp();
      await emu.tokenOrder(tokenId, undefined, 'logged-key');
      await emu.klarna(
        'payments.createCreditSession',
        'POST',
        '/payments/v1/sessions',
        {},
        { merchant: null },
      );
      const { requests } = (await emu.control('GET', '/requests')).body;
      expect(
        requests.map((r: { method: string; path: string; status: number }) => `${r.method} ${r.status}`),
      ).toEqual(['POST 200', `POST 200`, 'POST 200', 'POST 401']);
      expect(requests[0]).toMatchObject({ path: '/payments/v1/sessions', body: tokenizeSession() });
      expect(requests[1].path).toMatch(/^\/payments\/v1\/authorizations\/.+\/customer-token$/);
      expect(requests[1].body).toEqual(tokenRequest());
      expect(requests[2]).toMatchObject({
        path: `/customer-token/v1/tokens/${tokenId}/order`,
        idempotency_key: 'logged-key',
        correlation_id: expect.any(String),
        at: expect.any(String),
      });
    });

    it('moves the clock forward only', async () => {
      const before = Date.parse((await emu.control('GET', '/clock')).body.now);
      const advanced = await emu.control('POST', '/clock/advance', { seconds: 3600 });
      expect(Date.parse(advanced.body.now) - before).toBeGreaterThanOrEqual(3600 * 1000);
      expect((await emu.control('POST', '/clock/advance', { seconds: -1 })).status).toBe(400);
    });

    it('reset clears sessions, tokens, orders, requests, faults and the clock offset', async () => {
      const { sessionId, tokenId } = await emu.signUp();
      await emu.tokenOrder(tokenId);
      await emu.control('PUT', '/faults', { latency_ms: 1 });
      await emu.advanceClock(10 * 3600);
      await emu.reset();
      expect((await emu.control('GET', '/orders')).body.orders).toEqual([]);
      expect((await emu.control('GET', '/tokens')).body.tokens).toEqual([]);
      expect((await emu.control('GET', '/faults')).body.latency_ms).toBe(0);
      expect(Math.abs(Date.parse((await emu.control('GET', '/clock')).body.now) - Date.now())).toBeLessThan(
        60_000,
      );
      expect((await emu.control('GET', '/requests')).body.requests).toEqual([]);
      const read = await emu.klarna(
        'payments.readCreditSession',
        'GET',
        `/payments/v1/sessions/${sessionId}`,
      );
      expect(read.status).toBe(404);
    });
  });

  describe('CORS and api.js', () => {
    it('allows any origin on the controls (incl. preflight), not on the Klarna API', async () => {
      const preflight = await fetch(`${emu.url}/emulator/v1/sessions/x/authorize`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' },
      });
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
      expect(preflight.headers.get('access-control-allow-headers')).toContain('Content-Type');
      const klarna = await fetch(`${emu.url}/payments/v1/sessions/x`, {
        headers: { origin: 'http://a.example' },
      });
      expect(klarna.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('serves api.js as JavaScript with CORS', async () => {
      const res = await fetch(`${emu.url}/emulator/lib/v1/api.js`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^application\/javascript/);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.text()).toContain('Klarna.Payments');
    });

    it('runs a checkout written for Klarna: init, load, authorize against the emulator', async () => {
      const create = await emu.klarna(
        'payments.createCreditSession',
        'POST',
        '/payments/v1/sessions',
        tokenizeSession(),
      );
      const source = await (await fetch(`${emu.url}/emulator/lib/v1/api.js`)).text();
      const container = {
        innerHTML: 'old',
        children: [] as { textContent: string }[],
        appendChild(el: never) {
          this.children.push(el);
        },
      };
      const window: Record<string, unknown> = { location: { origin: 'http://shop.example' } };
      const document = {
        currentScript: { src: `${emu.url}/emulator/lib/v1/api.js` },
        querySelector: (selector: string) => (selector === '#klarna' ? container : null),
        createElement: () => ({ style: {}, setAttribute() {}, textContent: '', className: '' }),
      };
      runInNewContext(source, { window, document, fetch, atob, URL, JSON, Object, Error });
      const payments = (window.Klarna as { Payments: Record<string, (...args: unknown[]) => unknown> })
        .Payments;

      expect(() => payments.init({ client_token: 'not-a-jwt' })).toThrow('client_token is not a JWT');
      payments.init({ client_token: create.body.client_token });
      const loaded = await new Promise((resolve) =>
        payments.load({ container: '#klarna', payment_method_category: 'pay_later' }, resolve),
      );
      expect(loaded).toEqual({ show_form: true });
      expect(container.children[0].textContent).toBe('Klarna (emulator) – Pay later');

      const denied = await new Promise((resolve) =>
        payments.authorize(
          { payment_method_category: 'pay_later' },
          { billing_address: { email: 'customer+denied@email.se' } },
          resolve,
        ),
      );
      expect(denied).toEqual({ approved: false, show_form: false });
      const approved = await new Promise<{ approved: boolean; authorization_token: string }>((resolve) =>
        payments.authorize(
          { payment_method_category: 'pay_later' },
          { billing_address: { email: 'customer@email.se' } },
          resolve,
        ),
      );
      expect(approved.approved).toBe(true);
      expect(await emu.createToken(approved.authorization_token)).toBeTruthy();
      const { tokens } = (await emu.control('GET', `/tokens?session_id=${create.body.session_id}`)).body;
      expect(tokens[0].payment_method_type).toBe('INVOICE');
    });
  });

  it('answers unknown Klarna paths with a Klarna-shaped 404', async () => {
    const res = await fetch(`${emu.url}/payments/v1/nothing-here`, {
      headers: { authorization: `Basic ${Buffer.from('merchant_a:secret_a').toString('base64')}` },
    });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error_code: 'NOT_FOUND',
      correlation_id: res.headers.get('klarna-correlation-id'),
    });
  });
});
