import { KlarnaClient } from '../../src/klarna/klarna.client';
import type { KlarnaCredentials } from '../../src/klarna/klarna-credentials';
import { KlarnaApiError, KlarnaCredentialsRejectedError } from '../../src/klarna/klarna.errors';
import { validateKlarnaRequest } from '../contract/klarna-schemas';
import { Emulator, type LoggedRequest } from '../support/emulator';
import {
  authorize,
  BILLING,
  createToken,
  makeClient,
  orderBody,
  PLAN_LINE,
  rejectionOf,
  sessionBody,
  tokenBody,
  tokenOrderBody,
} from './client-fixtures';

/** Which Klarna operation (contract id) a logged request was. */
function operationOf(request: LoggedRequest): string {
  const routes: [string, RegExp, string][] = [
    ['POST', /^\/payments\/v1\/sessions$/, 'payments.createCreditSession'],
    ['GET', /^\/payments\/v1\/sessions\/[^/]+$/, 'payments.readCreditSession'],
    ['POST', /^\/payments\/v1\/sessions\/[^/]+$/, 'payments.updateCreditSession'],
    ['DELETE', /^\/payments\/v1\/authorizations\/[^/]+$/, 'payments.cancelAuthorization'],
    ['POST', /^\/payments\/v1\/authorizations\/[^/]+\/order$/, 'payments.createOrder'],
    ['POST', /^\/payments\/v1\/authorizations\/[^/]+\/customer-token$/, 'payments.purchaseToken'],
    ['GET', /^\/customer-token\/v1\/tokens\/[^/]+$/, 'customerToken.readCustomerToken'],
    ['POST', /^\/customer-token\/v1\/tokens\/[^/]+\/order$/, 'customerToken.createOrder'],
    ['PATCH', /^\/customer-token\/v1\/tokens\/[^/]+\/status$/, 'customerToken.patchCustomerToken'],
  ];
  const match = routes.find(([method, path]) => method === request.method && path.test(request.path));
  if (!match) throw new Error(`unexpected request ${request.method} ${request.path}`);
  return match[2];
}

describe('KlarnaClient against the Klarna emulator', () => {
  let emulator: Emulator;
  let client: KlarnaClient;
  let creds: KlarnaCredentials;

  beforeAll(async () => {
    emulator = await Emulator.start({ logLevels: false });
    client = makeClient();
  });
  afterAll(async () => {
    await client.onApplicationShutdown();
    await emulator.close();
  });
  beforeEach(async () => {
    await emulator.control('POST', '/reset');
    creds = emulator.credentials();
  });

  describe('successful operations', () => {
    it('createSession returns the session and the correlation id Klarna answered with', async () => {
      const result = await client.createSession(creds, sessionBody());
      expect(result.data.session_id).toEqual(expect.any(String));
      expect(result.data.client_token).toEqual(expect.any(String));
      expect(result.data.payment_method_categories?.length).toBeGreaterThan(0);
      const [logged] = await emulator.requests();
      expect(result.correlationId).toBe(logged.correlation_id);
    });

    it('readSession and updateSession (204) see and change the session', async () => {
      const { data } = await client.createSession(creds, sessionBody());
      const before = await client.readSession(creds, data.session_id);
      expect(before.data).toMatchObject({
        status: 'incomplete',
        order_amount: 1000,
        merchant_reference1: 'signup-1',
      });

      const updated = await client.updateSession(creds, data.session_id, { merchant_reference1: 'signup-2' });
      expect(updated.data).toBeUndefined();
      expect(updated.correlationId).toEqual(expect.any(String));
      const after = await client.readSession(creds, data.session_id);
      expect(after.data.merchant_reference1).toBe('signup-2');
    });

    it('createOrder places an order from an authorization and completes the session', async () => {
      const { data: session } = await client.createSession(creds, sessionBody({ intent: 'buy' }));
      const authorizationToken = await authorize(emulator, session.session_id);
      const order = await client.createOrder(creds, authorizationToken, orderBody());
      expect(order.data).toMatchObject({ order_id: expect.any(String), fraud_status: 'ACCEPTED' });
      expect(await emulator.orders()).toEqual([
        expect.objectContaining({ order_id: order.data.order_id, authorization_token: authorizationToken }),
      ]);
      expect((await client.readSession(creds, session.session_id)).data.status).toBe('complete');
    });

    it('releaseAuthorization (204, not JSON) releases it: the token no longer places orders', async () => {
      const { data: session } = await client.createSession(creds, sessionBody({ intent: 'buy' }));
      const authorizationToken = await authorize(emulator, session.session_id);
      await expect(client.releaseAuthorization(creds, authorizationToken)).resolves.toEqual({
        data: undefined,
        correlationId: expect.any(String),
      });
      const error = await rejectionOf(client.createOrder(creds, authorizationToken, orderBody()));
      expect(error).toBeInstanceOf(KlarnaApiError);
      expect((error as KlarnaApiError).httpStatus).toBe(404);
    });

    it('createCustomerToken, readCustomerToken, createTokenOrder and cancelCustomerToken', async () => {
      const tokenId = await createToken(emulator, client, creds);
      expect((await client.readCustomerToken(creds, tokenId)).data).toMatchObject({
        status: 'ACTIVE',
        payment_method_type: expect.any(String),
      });

      const order = await client.createTokenOrder(creds, tokenId, tokenOrderBody(), 'renewal-1-attempt-1');
      expect(order.data).toMatchObject({ order_id: expect.any(String), fraud_status: 'ACCEPTED' });
      expect(await emulator.orders()).toEqual([
        expect.objectContaining({
          order_id: order.data.order_id,
          token_id: tokenId,
          idempotency_key: 'renewal-1-attempt-1',
        }),
      ]);

      await expect(client.cancelCustomerToken(creds, tokenId)).resolves.toEqual({
        data: undefined,
        correlationId: expect.any(String),
      });
      expect((await client.readCustomerToken(creds, tokenId)).data.status).toBe('CANCELLED');
      const [patch] = (await emulator.requests()).filter((r) => r.method === 'PATCH');
      expect(patch).toMatchObject({ status: 202, body: { status: 'CANCELLED' } });
    });
  });

  describe('Klarna errors become typed errors', () => {
    it('BAD_VALUE carries the field paths Klarna named', async () => {
      const error = await rejectionOf(
        client.createSession(creds, sessionBody({ order_lines: [{ ...PLAN_LINE, total_tax_amount: 50 }] })),
      );
      expect(error).toBeInstanceOf(KlarnaApiError);
      const apiError = error as KlarnaApiError;
      expect(apiError).toMatchObject({ httpStatus: 400, errorCode: 'BAD_VALUE', code: 'KLARNA_REJECTED' });
      expect(apiError.getStatus()).toBe(422);
      expect(apiError.errors).toEqual([
        { field: 'order_lines[0].total_tax_amount', message: 'Bad value: order_lines[0].total_tax_amount' },
      ]);
      expect(apiError.correlationId).toBe((await emulator.requests())[0].correlation_id);
      expect(apiError.upstream).toEqual({ error_code: 'BAD_VALUE', correlation_id: apiError.correlationId });
    });

    it('a currency that does not fit the market is BAD_VALUE purchase_currency', async () => {
      const error = await rejectionOf(client.createSession(creds, sessionBody({ purchase_currency: 'EUR' })));
      expect(error).toBeInstanceOf(KlarnaApiError);
      expect((error as KlarnaApiError).errors).toEqual([
        { field: 'purchase_currency', message: 'Bad value: purchase_currency' },
      ]);
    });

    it('an unknown session is NOT_FOUND (Klarna 404, our default 502)', async () => {
      const error = await rejectionOf(client.readSession(creds, 'no-such-session'));
      expect(error).toBeInstanceOf(KlarnaApiError);
      expect(error).toMatchObject({ httpStatus: 404, errorCode: 'NOT_FOUND', code: 'KLARNA_ERROR' });
      expect((error as KlarnaApiError).messages).toEqual(['Invalid session id']);
    });

    it('an order that does not match the authorization is a 409 with the mismatching fields', async () => {
      const { data: session } = await client.createSession(creds, sessionBody({ intent: 'buy' }));
      const authorizationToken = await authorize(emulator, session.session_id);
      const error = await rejectionOf(
        client.createOrder(
          creds,
          authorizationToken,
          orderBody({ billing_address: { ...BILLING, postal_code: '10001' } }),
        ),
      );
      expect(error).toBeInstanceOf(KlarnaApiError);
      expect(error).toMatchObject({ httpStatus: 409, errorCode: 'BAD_VALUE', code: 'KLARNA_CONFLICT' });
      expect((error as KlarnaApiError).errors).toEqual([
        expect.objectContaining({ field: 'billing_address.postal_code' }),
      ]);
    });

    it.each([
      ['TOKEN_CANCELLED', 'CANCELLED'],
      ['TOKEN_SUSPENDED', 'SUSPENDED'],
    ])('charging a token in state %s fails with %s', async (errorCode, status) => {
      const tokenId = await createToken(emulator, client, creds);
      await emulator.control('POST', `/tokens/${tokenId}/status`, { status });
      const error = await rejectionOf(
        client.createTokenOrder(creds, tokenId, tokenOrderBody(), `k-${status}`),
      );
      expect(error).toBeInstanceOf(KlarnaApiError);
      expect(error).toMatchObject({ httpStatus: 403, errorCode, code: 'KLARNA_REJECTED' });
      expect(await emulator.orders()).toEqual([]);
    });

    it('a declined token charge is PAYMENT_METHOD_FAILED and is not retried', async () => {
      const tokenId = await createToken(emulator, client, creds);
      await emulator.control('POST', `/tokens/${tokenId}/next-order`, {
        error_code: 'PAYMENT_METHOD_FAILED',
      });
      const error = await rejectionOf(
        client.createTokenOrder(creds, tokenId, tokenOrderBody(), 'k-declined'),
      );
      expect(error).toBeInstanceOf(KlarnaApiError);
      expect(error).toMatchObject({ httpStatus: 403, errorCode: 'PAYMENT_METHOD_FAILED' });
      expect((await emulator.requests()).filter((r) => r.idempotency_key === 'k-declined')).toHaveLength(1);
    });

    it('a token charge in another currency is PAYMENT_METHOD_CURRENCY_MISMATCH', async () => {
      const tokenId = await createToken(emulator, client, creds);
      const error = await rejectionOf(
        client.createTokenOrder(creds, tokenId, tokenOrderBody({ purchase_currency: 'EUR' }), 'k-eur'),
      );
      expect(error).toBeInstanceOf(KlarnaApiError);
      expect(error).toMatchObject({ httpStatus: 403, errorCode: 'PAYMENT_METHOD_CURRENCY_MISMATCH' });
    });

    it('an unknown token is NOT_FOUND on read and TOKEN_NOT_FOUND on charge', async () => {
      await expect(client.readCustomerToken(creds, 'no-such-token')).rejects.toMatchObject({
        httpStatus: 404,
        errorCode: 'NOT_FOUND',
      });
      await expect(
        client.createTokenOrder(creds, 'no-such-token', tokenOrderBody(), 'k-404'),
      ).rejects.toMatchObject({ httpStatus: 404, errorCode: 'TOKEN_NOT_FOUND' });
    });

    it('wrong credentials (401) are KlarnaCredentialsRejectedError, without retries even for a read', async () => {
      const error = await rejectionOf(client.readSession({ ...creds, password: 'wrong' }, 'any-session'));
      expect(error).toBeInstanceOf(KlarnaCredentialsRejectedError);
      expect(error).toMatchObject({ httpStatus: 401, code: 'KLARNA_CREDENTIALS_REJECTED' });
      expect((error as KlarnaCredentialsRejectedError).getStatus()).toBe(502);
      expect(await emulator.requests()).toEqual([expect.objectContaining({ status: 401 })]);
    });
  });

  describe('contract', () => {
    it("every request body the client sends, for all nine operations, matches Klarna's OpenAPI", async () => {
      const { data: session } = await client.createSession(creds, sessionBody());
      await client.readSession(creds, session.session_id);
      await client.updateSession(creds, session.session_id, { merchant_reference2: 'campaign-7' });
      const authorizationToken = await authorize(emulator, session.session_id);
      await client.createOrder(
        creds,
        authorizationToken,
        orderBody({ merchant_reference1: 'signup-1', auto_capture: true }),
      );
      const { data: token } = await client.createCustomerToken(creds, authorizationToken, tokenBody());
      await client.readCustomerToken(creds, token.token_id);
      await client.createTokenOrder(
        creds,
        token.token_id,
        tokenOrderBody({
          merchant_urls: { confirmation: 'https://shop.example/renewed' },
          auto_capture: true,
        }),
        'contract-1',
      );
      await client.cancelCustomerToken(creds, token.token_id);
      const { data: other } = await client.createSession(creds, sessionBody({ intent: 'buy' }));
      await client.releaseAuthorization(creds, await authorize(emulator, other.session_id));

      const requests = await emulator.requests();
      expect(requests.every((r) => r.status < 300)).toBe(true);
      const problems = requests.flatMap((r) =>
        validateKlarnaRequest(operationOf(r), r.body).map((p) => `${operationOf(r)}: ${p}`),
      );
      expect(problems).toEqual([]);
      expect(new Set(requests.map(operationOf)).size).toBe(9);
    });
  });
});
