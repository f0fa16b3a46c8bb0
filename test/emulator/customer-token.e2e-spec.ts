import { useEmulator, MERCHANT, OTHER_MERCHANT } from '../support/emulator';
import { tokenOrderBody } from '../support/klarna-fixtures';

describe('Klarna emulator: Customer Token API v1', () => {
  const emu = useEmulator();

  const orders = async () => (await emu.control('GET', '/orders')).body.orders as Record<string, unknown>[];

  describe('read', () => {
    it('reads an ACTIVE token with its payment method type', async () => {
      const { tokenId } = await emu.signUp();
      const res = await emu.klarna(
        'customerToken.readCustomerToken',
        'GET',
        `/customer-token/v1/tokens/${tokenId}`,
      );
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ status: 'ACTIVE', payment_method_type: 'INVOICE' });
    });

    it("answers 404 NOT_FOUND for unknown tokens and for another merchant's token", async () => {
      const { tokenId } = await emu.signUp();
      const unknown = await emu.klarna(
        'customerToken.readCustomerToken',
        'GET',
        '/customer-token/v1/tokens/nope',
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.error_code).toBe('NOT_FOUND');
      const foreign = await emu.klarna(
        'customerToken.readCustomerToken',
        'GET',
        `/customer-token/v1/tokens/${tokenId}`,
        undefined,
        { merchant: OTHER_MERCHANT },
      );
      expect(foreign.status).toBe(404);
    });
  });

  describe('orders', () => {
    it('creates an order (200) and records it in the ledger', async () => {
      const { tokenId } = await emu.signUp();
      const res = await emu.tokenOrder(tokenId, tokenOrderBody(), 'key-1');
      expect(res.status).toBe(200);
      expect(res.body.fraud_status).toBe('ACCEPTED');
      expect(res.body.authorized_payment_method).toEqual({ type: 'invoice', number_of_days: 30 });
      expect(await orders()).toEqual([
        expect.objectContaining({
          order_id: res.body.order_id,
          token_id: tokenId,
          authorization_token: null,
          idempotency_key: 'key-1',
          username: MERCHANT.username,
          order_amount: 1250,
          purchase_currency: 'SEK',
          merchant_reference1: 'INV-1',
        }),
      ]);
    });

    it.each([
      ['an amount of 0', { order_amount: 0, order_tax_amount: 0, order_lines: [] }, 'order_lines'],
      ['a missing order_tax_amount', { order_tax_amount: undefined }, 'order_tax_amount'],
      [
        'a line above 100 000 000',
        {
          order_lines: [{ name: 'x', quantity: 1, unit_price: 100_000_001, total_amount: 100_000_001 }],
          order_amount: 100_000_001,
          order_tax_amount: 0,
        },
        'order_lines[0].unit_price',
      ],
      [
        'merchant_urls without confirmation',
        { merchant_urls: { push: 'https://m.example/push' } },
        'merchant_urls.confirmation',
      ],
    ])('refuses %s with 400 BAD_VALUE', async (_, overrides, field) => {
      const { tokenId } = await emu.signUp();
      const res = await emu.tokenOrder(tokenId, tokenOrderBody(overrides));
      expect(res.status).toBe(400);
      expect(res.body.error_messages).toEqual([`Bad value: ${field}`]);
      expect(await orders()).toEqual([]);
    });

    it('answers 404 TOKEN_NOT_FOUND for an unknown or foreign token', async () => {
      const { tokenId } = await emu.signUp();
      const unknown = await emu.tokenOrder('nope');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error_code).toBe('TOKEN_NOT_FOUND');
      const foreign = await emu.klarna(
        'customerToken.createOrder',
        'POST',
        `/customer-token/v1/tokens/${tokenId}/order`,
        tokenOrderBody(),
        { merchant: OTHER_MERCHANT },
      );
      expect(foreign.status).toBe(404);
      expect(foreign.body.error_code).toBe('TOKEN_NOT_FOUND');
    });

    it('answers 403 PAYMENT_METHOD_CURRENCY_MISMATCH when the currency is not the token currency', async () => {
      const { tokenId } = await emu.signUp();
      const res = await emu.tokenOrder(tokenId, tokenOrderBody({ purchase_currency: 'EUR' }));
      expect(res.status).toBe(403);
      expect(res.body.error_code).toBe('PAYMENT_METHOD_CURRENCY_MISMATCH');
      expect(res.body.correlation_id).toBe(res.headers.get('klarna-correlation-id'));
    });
  });

  describe('cancel (PATCH status)', () => {
    it('cancels with 202 and no body; later orders answer 403 TOKEN_CANCELLED', async () => {
      const { tokenId } = await emu.signUp();
      const path = `/customer-token/v1/tokens/${tokenId}/status`;
      const res = await emu.klarna('customerToken.patchCustomerToken', 'PATCH', path, {
        status: 'CANCELLED',
      });
      expect(res.status).toBe(202);
      expect(res.body).toBeUndefined();
      const read = await emu.klarna(
        'customerToken.readCustomerToken',
        'GET',
        `/customer-token/v1/tokens/${tokenId}`,
      );
      expect(read.body.status).toBe('CANCELLED');
      const order = await emu.tokenOrder(tokenId);
      expect(order.status).toBe(403);
      expect(order.body.error_code).toBe('TOKEN_CANCELLED');
      // Cancelling again is accepted; the control cannot revive a cancelled token.
      expect(
        (await emu.klarna('customerToken.patchCustomerToken', 'PATCH', path, { status: 'CANCELLED' })).status,
      ).toBe(202);
      expect((await emu.control('POST', `/tokens/${tokenId}/status`, { status: 'ACTIVE' })).status).toBe(400);
    });

    it.each([[{ status: 'ACTIVE' }], [{ status: 'cancelled' }], [{}]])(
      'refuses %j with 400 BAD_VALUE',
      async (body) => {
        const { tokenId } = await emu.signUp();
        const res = await emu.klarna(
          'customerToken.patchCustomerToken',
          'PATCH',
          `/customer-token/v1/tokens/${tokenId}/status`,
          body,
        );
        expect(res.status).toBe(400);
        expect(res.body.error_messages).toEqual(['Bad value: status']);
      },
    );

    it('answers 404 for an unknown or foreign token', async () => {
      const { tokenId } = await emu.signUp();
      for (const [id, merchant] of [
        ['nope', MERCHANT],
        [tokenId, OTHER_MERCHANT],
      ] as const) {
        const res = await emu.klarna(
          'customerToken.patchCustomerToken',
          'PATCH',
          `/customer-token/v1/tokens/${id}/status`,
          { status: 'CANCELLED' },
          { merchant },
        );
        expect(res.status).toBe(404);
        expect(res.body.error_code).toBe('NOT_FOUND');
      }
    });
  });

  describe('idempotency', () => {
    it('replays the first response for a repeated key, even with another body', async () => {
      const { tokenId } = await emu.signUp();
      const first = await emu.tokenOrder(tokenId, tokenOrderBody(), 'same-key');
      const again = await emu.tokenOrder(
        tokenId,
        tokenOrderBody({ merchant_reference1: 'changed' }),
        'same-key',
      );
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      expect(await orders()).toHaveLength(1);
    });

    it('creates exactly one order for 20 concurrent requests with one key', async () => {
      const { tokenId } = await emu.signUp();
      const results = await Promise.all(
        Array.from({ length: 20 }, () => emu.tokenOrder(tokenId, tokenOrderBody(), 'concurrent-key')),
      );
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(new Set(results.map((r) => r.body.order_id as string)).size).toBe(1);
      expect(await orders()).toHaveLength(1);
    });

    it('keeps keys per merchant and for 24 hours', async () => {
      const a = await emu.signUp();
      const first = await emu.tokenOrder(a.tokenId, tokenOrderBody(), 'k');
      await emu.advanceClock(24 * 3600 - 60);
      expect((await emu.tokenOrder(a.tokenId, tokenOrderBody(), 'k')).body.order_id).toBe(
        first.body.order_id,
      );
      await emu.advanceClock(61);
      const after = await emu.tokenOrder(a.tokenId, tokenOrderBody(), 'k');
      expect(after.status).toBe(200);
      expect(after.body.order_id).not.toBe(first.body.order_id);
      expect(await orders()).toHaveLength(2);
    });

    it('does not share keys between merchants', async () => {
      const emuA = await emu.signUp();
      const first = await emu.tokenOrder(emuA.tokenId, tokenOrderBody(), 'shared-key');
      // The other merchant has no such token, so its request with the same key is not a replay of A's order.
      const other = await emu.klarna(
        'customerToken.createOrder',
        'POST',
        `/customer-token/v1/tokens/${emuA.tokenId}/order`,
        tokenOrderBody(),
        { merchant: OTHER_MERCHANT, headers: { 'Klarna-Idempotency-Key': 'shared-key' } },
      );
      expect(first.status).toBe(200);
      expect(other.status).toBe(404);
    });

    it('replays a decline (403) verbatim but lets a corrected request after a 400 through', async () => {
      const { tokenId } = await emu.signUp();
      await emu.control('POST', `/tokens/${tokenId}/next-order`, { error_code: 'PAYMENT_METHOD_FAILED' });
      const declined = await emu.tokenOrder(tokenId, tokenOrderBody(), 'declined-key');
      const replay = await emu.tokenOrder(tokenId, tokenOrderBody(), 'declined-key');
      expect(declined.status).toBe(403);
      expect(replay.status).toBe(403);
      expect(replay.body).toEqual(declined.body);

      const invalid = await emu.tokenOrder(tokenId, tokenOrderBody({ order_amount: 1 }), 'fix-key');
      expect(invalid.status).toBe(400);
      const fixed = await emu.tokenOrder(tokenId, tokenOrderBody(), 'fix-key');
      expect(fixed.status).toBe(200);
      expect(await orders()).toHaveLength(1);
    });
  });

  describe('test controls on tokens', () => {
    it.each([
      ['SUSPENDED', 'TOKEN_SUSPENDED'],
      ['CANCELLED', 'TOKEN_CANCELLED'],
    ])('forces status %s: read shows it, orders answer 403 %s', async (status, errorCode) => {
      const { tokenId } = await emu.signUp();
      const forced = await emu.control('POST', `/tokens/${tokenId}/status`, { status });
      expect(forced.status).toBe(200);
      expect(forced.body).toMatchObject({ token_id: tokenId, status });
      const read = await emu.klarna(
        'customerToken.readCustomerToken',
        'GET',
        `/customer-token/v1/tokens/${tokenId}`,
      );
      expect(read.body.status).toBe(status);
      const order = await emu.tokenOrder(tokenId);
      expect(order.status).toBe(403);
      expect(order.body.error_code).toBe(errorCode);
    });

    it('reactivates a suspended token', async () => {
      const { tokenId } = await emu.signUp();
      await emu.control('POST', `/tokens/${tokenId}/status`, { status: 'SUSPENDED' });
      await emu.control('POST', `/tokens/${tokenId}/status`, { status: 'ACTIVE' });
      expect((await emu.tokenOrder(tokenId)).status).toBe(200);
    });

    it('forces the next orders: count declines, then normal again', async () => {
      const { tokenId } = await emu.signUp();
      const forced = await emu.control('POST', `/tokens/${tokenId}/next-order`, {
        error_code: 'PAYMENT_METHOD_FAILED',
        count: 2,
      });
      expect(forced.status).toBe(200);
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const res = await emu.tokenOrder(tokenId);
        statuses.push(`${res.status} ${res.body.error_code ?? res.body.fraud_status}`);
      }
      expect(statuses).toEqual(['403 PAYMENT_METHOD_FAILED', '403 PAYMENT_METHOD_FAILED', '200 ACCEPTED']);
      expect(await orders()).toHaveLength(1);
    });

    it.each([
      ['TOKEN_SUSPENDED', 403],
      ['UNAVAILABLE_PAYMENT_METHOD', 403],
      ['INTERNAL_SERVER_ERROR', 500],
      ['SERVICE_UNAVAILABLE', 503],
    ])('forces a one-off %s (%i) without changing the token', async (errorCode, status) => {
      const { tokenId } = await emu.signUp();
      await emu.control('POST', `/tokens/${tokenId}/next-order`, { error_code: errorCode });
      const res = await emu.tokenOrder(tokenId);
      expect(res.status).toBe(status);
      expect(res.body.error_code).toBe(errorCode);
      const read = await emu.klarna(
        'customerToken.readCustomerToken',
        'GET',
        `/customer-token/v1/tokens/${tokenId}`,
      );
      expect(read.body.status).toBe('ACTIVE');
    });

    it('forces a PENDING fraud status', async () => {
      const { tokenId } = await emu.signUp();
      await emu.control('POST', `/tokens/${tokenId}/next-order`, { error_code: 'FRAUD_PENDING' });
      const res = await emu.tokenOrder(tokenId);
      expect(res.status).toBe(200);
      expect(res.body.fraud_status).toBe('PENDING');
    });

    it('refuses unknown tokens and bad control bodies', async () => {
      const { tokenId } = await emu.signUp();
      expect((await emu.control('POST', '/tokens/nope/status', { status: 'SUSPENDED' })).status).toBe(404);
      expect(
        (await emu.control('POST', '/tokens/nope/next-order', { error_code: 'PAYMENT_METHOD_FAILED' }))
          .status,
      ).toBe(404);
      const badStatus = await emu.control('POST', `/tokens/${tokenId}/status`, { status: 'PAUSED' });
      expect(badStatus).toMatchObject({ status: 400, body: { error_messages: ['Bad value: status'] } });
      const badCode = await emu.control('POST', `/tokens/${tokenId}/next-order`, { error_code: 'NOPE' });
      expect(badCode).toMatchObject({ status: 400, body: { error_messages: ['Bad value: error_code'] } });
      const badCount = await emu.control('POST', `/tokens/${tokenId}/next-order`, {
        error_code: 'PAYMENT_METHOD_FAILED',
        count: 0,
      });
      expect(badCount).toMatchObject({ status: 400, body: { error_messages: ['Bad value: count'] } });
    });

    it('lists tokens, filtered by session id', async () => {
      const a = await emu.signUp();
      const b = await emu.signUp();
      expect((await emu.control('GET', '/tokens')).body.tokens).toHaveLength(2);
      const filtered = (await emu.control('GET', `/tokens?session_id=${b.sessionId}`)).body.tokens;
      expect(filtered.map((t: { token_id: string }) => t.token_id)).toEqual([b.tokenId]);
      expect(a.tokenId).not.toBe(b.tokenId);
    });
  });
});
