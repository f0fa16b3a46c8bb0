import { useEmulator, MERCHANT, OTHER_MERCHANT } from '../support/emulator';
import { buySession, orderBodyFor, tokenizeSession, tokenRequest } from '../support/klarna-fixtures';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Klarna emulator: Payments API v1', () => {
  const emu = useEmulator();

  describe('authentication and transport', () => {
    it('answers 401 without or with wrong credentials, with a correlation id in header and body', async () => {
      for (const merchant of [null, { username: MERCHANT.username, password: 'wrong' }]) {
        const res = await emu.klarna(
          'payments.createCreditSession',
          'POST',
          '/payments/v1/sessions',
          buySession(),
          {
            merchant,
          },
        );
        expect(res.status).toBe(401);
        expect(res.body.error_code).toBe('UNAUTHORIZED');
        expect(res.headers.get('www-authenticate')).toContain('Basic');
        expect(res.body.correlation_id).toBe(res.headers.get('klarna-correlation-id'));
      }
    });

    it('puts a fresh Klarna-Correlation-Id on every response', async () => {
      const a = await emu.klarna(
        'payments.createCreditSession',
        'POST',
        '/payments/v1/sessions',
        buySession(),
      );
      const b = await emu.klarna(
        'payments.createCreditSession',
        'POST',
        '/payments/v1/sessions',
        buySession(),
      );
      expect(a.headers.get('klarna-correlation-id')).toMatch(UUID);
      expect(b.headers.get('klarna-correlation-id')).toMatch(UUID);
      expect(a.headers.get('klarna-correlation-id')).not.toBe(b.headers.get('klarna-correlation-id'));
    });

    it('answers malformed JSON with 400 BAD_REQUEST', async () => {
      const res = await emu.klarna(
        'payments.createCreditSession',
        'POST',
        '/payments/v1/sessions',
        '{"order_amount":',
      );
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('BAD_REQUEST');
      expect(res.body.correlation_id).toBe(res.headers.get('klarna-correlation-id'));
    });

    it('answers a JSON body that is not an object with 400 BAD_REQUEST', async () => {
      const res = await emu.klarna('payments.createCreditSession', 'POST', '/payments/v1/sessions', [1, 2]);
      expect(res.status).toBe(400);
      expect(res.body.error_code).toBe('BAD_REQUEST');
    });
  });

  describe('sessions', () => {
    it('creates a session with a JWT-shaped client token carrying the session id', async () => {
      const res = await emu.klarna(
        'payments.createCreditSession',
        'POST',
        '/payments/v1/sessions',
        tokenizeSession(),
      );
      expect(res.status).toBe(200);
      expect(res.body.session_id).toMatch(UUID);
      const parts = (res.body.client_token as string).split('.');
      expect(parts).toHaveLength(3);
      expect(JSON.parse(Buffer.from(parts[1], 'base64url').toString()).session_id).toBe(res.body.session_id);
      expect(res.body.payment_method_categories.map((c: { identifier: string }) => c.identifier)).toContain(
        'klarna',
      );
    });

    it('refuses an invalid session with BAD_VALUE naming the field', async () => {
      const body = buySession({ order_tax_amount: 249 });
      const res = await emu.klarna('payments.createCreditSession', 'POST', '/payments/v1/sessions', body);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({
        error_code: 'BAD_VALUE',
        error_messages: ['Bad value: order_tax_amount'],
        correlation_id: res.headers.get('klarna-correlation-id'),
      });
    });

    it('reads a session back as incomplete with expires_at 48 h after creation', async () => {
      const { now } = (await emu.control('GET', '/clock')).body;
      const id = await emu.createSession(buySession());
      const res = await emu.klarna('payments.readCreditSession', 'GET', `/payments/v1/sessions/${id}`);
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('incomplete');
      expect(res.body.order_amount).toBe(1250);
      expect(res.body.intent).toBe('buy_and_tokenize');
      const lifetime = Date.parse(res.body.expires_at) - Date.parse(now);
      expect(lifetime).toBeGreaterThanOrEqual(48 * 3600 * 1000);
      expect(lifetime).toBeLessThan(48 * 3600 * 1000 + 60_000);
    });

    it('never returns the SSN or national id of the customer on read', async () => {
      const id = await emu.createSession(
        buySession({
          customer: { date_of_birth: '1970-07-10', national_identification_number: '197007101234' },
        }),
      );
      const res = await emu.klarna('payments.readCreditSession', 'GET', `/payments/v1/sessions/${id}`);
      expect(res.body.customer).toEqual({ date_of_birth: '1970-07-10' });
    });

    it('forgets a session after 48 hours', async () => {
      const id = await emu.createSession();
      await emu.advanceClock(48 * 3600 - 60);
      expect(
        (await emu.klarna('payments.readCreditSession', 'GET', `/payments/v1/sessions/${id}`)).status,
      ).toBe(200);
      await emu.advanceClock(61);
      const res = await emu.klarna('payments.readCreditSession', 'GET', `/payments/v1/sessions/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('NOT_FOUND');
      expect(res.body.error_messages).toEqual(['Invalid session id']);
    });

    it("treats another merchant's session as not found", async () => {
      const id = await emu.createSession();
      const read = await emu.klarna(
        'payments.readCreditSession',
        'GET',
        `/payments/v1/sessions/${id}`,
        undefined,
        {
          merchant: OTHER_MERCHANT,
        },
      );
      expect(read.status).toBe(404);
      const update = await emu.klarna(
        'payments.updateCreditSession',
        'POST',
        `/payments/v1/sessions/${id}`,
        {},
        {
          merchant: OTHER_MERCHANT,
        },
      );
      expect(update.status).toBe(404);
    });

    it('updates a session (204) and validates the result of the update', async () => {
      const id = await emu.createSession(buySession());
      const ok = await emu.klarna('payments.updateCreditSession', 'POST', `/payments/v1/sessions/${id}`, {
        merchant_reference1: 'ORDER-7',
      });
      expect(ok.status).toBe(204);
      expect(ok.body).toBeUndefined();
      // The new amount no longer matches the unchanged order lines.
      const bad = await emu.klarna('payments.updateCreditSession', 'POST', `/payments/v1/sessions/${id}`, {
        order_amount: 999,
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error_messages).toEqual(['Bad value: order_amount']);
      const read = await emu.klarna('payments.readCreditSession', 'GET', `/payments/v1/sessions/${id}`);
      expect(read.body.merchant_reference1).toBe('ORDER-7');
      expect(read.body.order_amount).toBe(1250);
    });

    it('answers 404 NOT_FOUND when updating an unknown session', async () => {
      const res = await emu.klarna('payments.updateCreditSession', 'POST', '/payments/v1/sessions/nope', {});
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('NOT_FOUND');
    });
  });

  describe('authorizations and orders', () => {
    it('places an order matching the authorization and completes the session', async () => {
      const session = buySession();
      const id = await emu.createSession(session);
      const auth = await emu.authorize(id);
      const res = await emu.createOrder(auth, orderBodyFor(session));
      expect(res.status).toBe(200);
      expect(res.body.order_id).toMatch(UUID);
      expect(res.body.fraud_status).toBe('ACCEPTED');
      expect(res.body.authorized_payment_method.type).toBe('invoice');
      expect(res.body.redirect_url).toContain('/emulator/v1/redirect/');
      const redirect = await fetch(res.body.redirect_url as string, { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get('location')).toBe(`https://merchant.example/confirm/${id}`);

      const read = await emu.klarna('payments.readCreditSession', 'GET', `/payments/v1/sessions/${id}`);
      expect(read.body.status).toBe('complete');
      expect(read.body.authorization_token).toBe(auth);
      const { orders } = (await emu.control('GET', '/orders')).body;
      expect(orders).toEqual([
        expect.objectContaining({
          order_id: res.body.order_id,
          authorization_token: auth,
          token_id: null,
          idempotency_key: null,
          order_amount: 1250,
          purchase_currency: 'SEK',
        }),
      ]);
    });

    it('answers 409 when the order does not match what was authorized', async () => {
      const session = buySession();
      const id = await emu.createSession(session);
      const auth = await emu.authorize(id);
      const body = {
        ...orderBodyFor(session),
        billing_address: { ...session.billing_address, postal_code: '99999' },
        order_lines: [{ ...session.order_lines[0], name: 'Other plan' }],
      };
      const res = await emu.createOrder(auth, body);
      expect(res.status).toBe(409);
      expect(res.body.error_code).toBe('BAD_VALUE');
      expect(res.body.error_messages).toEqual([
        'Not matching fields: [order_lines, billing_address.postal_code]',
      ]);
      expect((await emu.control('GET', '/orders')).body.orders).toEqual([]);
    });

    it('validates the order body (400) before comparing it', async () => {
      const session = buySession();
      const auth = await emu.authorize(await emu.createSession(session));
      const body = { ...orderBodyFor(session), purchase_currency: 'EURO' };
      const res = await emu.createOrder(auth, body);
      expect(res.status).toBe(400);
      expect(res.body.error_messages).toEqual(['Bad value: purchase_currency']);
    });

    it('refuses a second order on one authorization and an order on a tokenize session', async () => {
      const session = buySession();
      const auth = await emu.authorize(await emu.createSession(session));
      const path = `/payments/v1/authorizations/${auth}/order`;
      expect((await emu.klarna('payments.createOrder', 'POST', path, orderBodyFor(session))).status).toBe(
        200,
      );
      const again = await emu.klarna('payments.createOrder', 'POST', path, orderBodyFor(session));
      expect(again.status).toBe(403);
      expect(again.body.error_code).toBe('INVALID_OPERATION');

      // A tokenize session may carry an amount (e.g. the price shown), but orders are not placed from it.
      const tokenize = buySession({ intent: 'tokenize' });
      const tokenizeAuth = await emu.authorize(await emu.createSession(tokenize));
      const refused = await emu.createOrder(tokenizeAuth, orderBodyFor(tokenize));
      expect(refused.status).toBe(403);
      expect(refused.body.error_code).toBe('INVALID_OPERATION');
      expect((await emu.control('GET', '/orders')).body.orders).toHaveLength(1);
    });

    it('answers 404 SESSION_COMPLETED when updating a session whose order was placed', async () => {
      const session = buySession();
      const id = await emu.createSession(session);
      const auth = await emu.authorize(id);
      await emu.createOrder(auth, orderBodyFor(session));
      const res = await emu.klarna('payments.updateCreditSession', 'POST', `/payments/v1/sessions/${id}`, {
        merchant_reference1: 'late',
      });
      expect(res.status).toBe(404);
      expect(res.body.error_code).toBe('SESSION_COMPLETED');
    });

    it('releases an authorization (204); afterwards it does not exist', async () => {
      const session = buySession();
      const auth = await emu.authorize(await emu.createSession(session));
      const del = await emu.klarna(
        'payments.cancelAuthorization',
        'DELETE',
        `/payments/v1/authorizations/${auth}`,
      );
      expect(del.status).toBe(204);
      expect(del.body).toBeUndefined();
      const again = await emu.klarna(
        'payments.cancelAuthorization',
        'DELETE',
        `/payments/v1/authorizations/${auth}`,
      );
      expect(again.status).toBe(404);
      const order = await emu.createOrder(auth, orderBodyFor(session));
      expect(order.status).toBe(404);
      expect(order.body.error_messages).toEqual(['Invalid authorization token']);
    });

    it('expires an authorization token 60 minutes after authorize', async () => {
      const a = await emu.authorize(await emu.createSession());
      const b = await emu.authorize(await emu.createSession());
      await emu.advanceClock(59 * 60);
      expect((await emu.createToken(a)).length).toBeGreaterThan(0);
      await emu.advanceClock(61);
      const res = await emu.klarna(
        'payments.purchaseToken',
        'POST',
        `/payments/v1/authorizations/${b}/customer-token`,
        tokenRequest(),
      );
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({
        error_code: 'NOT_FOUND',
        error_messages: ['Invalid authorization token'],
      });
    });

    it("treats another merchant's authorization as not found", async () => {
      const auth = await emu.authorize(await emu.createSession());
      const res = await emu.klarna(
        'payments.purchaseToken',
        'POST',
        `/payments/v1/authorizations/${auth}/customer-token`,
        tokenRequest(),
        { merchant: OTHER_MERCHANT },
      );
      expect(res.status).toBe(404);
      const del = await emu.klarna(
        'payments.cancelAuthorization',
        'DELETE',
        `/payments/v1/authorizations/${auth}`,
        undefined,
        {
          merchant: OTHER_MERCHANT,
        },
      );
      expect(del.status).toBe(404);
    });
  });

  describe('customer token creation', () => {
    it('creates an ACTIVE token that remembers currency, session and merchant', async () => {
      const id = await emu.createSession(tokenizeSession({ customer: { date_of_birth: '1970-07-10' } }));
      const auth = await emu.authorize(id);
      const res = await emu.klarna(
        'payments.purchaseToken',
        'POST',
        `/payments/v1/authorizations/${auth}/customer-token`,
        tokenRequest(),
      );
      expect(res.status).toBe(200);
      expect(res.body.token_id).toMatch(UUID);
      expect(res.body.payment_method_reference).toMatch(UUID);
      expect(res.body.billing_address).toEqual({ email: 'customer@email.se', country: 'SE' });
      expect(res.body.customer).toEqual({ date_of_birth: '1970-07-10' });
      const { tokens } = (await emu.control('GET', `/tokens?session_id=${id}`)).body;
      expect(tokens).toEqual([
        expect.objectContaining({
          token_id: res.body.token_id,
          status: 'ACTIVE',
          session_id: id,
          purchase_currency: 'SEK',
          username: MERCHANT.username,
        }),
      ]);
    });

    it('supports buy_and_tokenize: order first, then the token with the same authorization', async () => {
      const session = buySession();
      const auth = await emu.authorize(await emu.createSession(session));
      const order = await emu.createOrder(auth, orderBodyFor(session));
      expect(order.status).toBe(200);
      const token = await emu.klarna(
        'payments.purchaseToken',
        'POST',
        `/payments/v1/authorizations/${auth}/customer-token`,
        tokenRequest(),
      );
      expect(token.status).toBe(200);
      expect(token.body.redirect_url).toContain('/emulator/v1/redirect/');
    });

    it('refuses a second token from one session, and a token from a buy session', async () => {
      const id = await emu.createSession();
      await emu.createToken(await emu.authorize(id));
      const second = await emu.klarna(
        'payments.purchaseToken',
        'POST',
        `/payments/v1/authorizations/${await emu.authorize(id)}/customer-token`,
        tokenRequest(),
      );
      expect(second.status).toBe(403);
      expect(second.body.error_code).toBe('INVALID_OPERATION');

      const buyAuth = await emu.authorize(await emu.createSession(buySession({ intent: 'buy' })));
      const buy = await emu.klarna(
        'payments.purchaseToken',
        'POST',
        `/payments/v1/authorizations/${buyAuth}/customer-token`,
        tokenRequest(),
      );
      expect(buy.status).toBe(403);
      expect(buy.body.error_code).toBe('INVALID_OPERATION');
    });

    it.each([
      [
        'a country other than the authorized one',
        { purchase_country: 'NO', purchase_currency: 'NOK' },
        400,
        'Bad value: purchase_country',
      ],
      [
        'a currency that does not fit the country',
        { purchase_currency: 'EUR' },
        400,
        'Bad value: purchase_currency',
      ],
      ['a missing description', { description: undefined }, 400, 'Bad value: description'],
      ['an unknown intended_use', { intended_use: 'ON_DEMAND' }, 400, 'Bad value: intended_use'],
      [
        'a billing address that differs from the authorized one',
        { billing_address: { email: 'other@email.se' } },
        409,
        'Not matching fields: [billing_address.email]',
      ],
    ])('refuses %s', async (_, overrides, status, message) => {
      const auth = await emu.authorize(await emu.createSession());
      const res = await emu.klarna(
        'payments.purchaseToken',
        'POST',
        `/payments/v1/authorizations/${auth}/customer-token`,
        tokenRequest(overrides),
      );
      expect(res.status).toBe(status);
      expect(res.body.error_messages).toEqual([message]);
      expect((await emu.control('GET', '/tokens')).body.tokens).toEqual([]);
    });
  });
});
