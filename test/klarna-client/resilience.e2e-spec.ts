import type { KlarnaClient } from '../../src/klarna/klarna.client';
import {
  KlarnaApiError,
  KlarnaUnavailableError,
  KlarnaUnknownOutcomeError,
} from '../../src/klarna/klarna.errors';
import { Emulator, sleep, type LoggedRequest } from '../support/emulator';
import {
  authorize,
  createToken,
  FAST_OPTIONS,
  makeClient,
  orderBody,
  rejectionOf,
  sessionBody,
  tokenOrderBody,
} from './client-fixtures';

const HANG_MS = 1000;
const TOKEN_ORDER_PATH = '^/customer-token/v1/tokens/[^/]+/order$';

describe('KlarnaClient resilience against the Klarna emulator', () => {
  let emulator: Emulator;
  const clients: KlarnaClient[] = [];
  const client = (options = {}) => {
    const created = makeClient({ ...FAST_OPTIONS, ...options });
    clients.push(created);
    return created;
  };
  const orderRequests = async (key: string): Promise<LoggedRequest[]> =>
    (await emulator.requests()).filter((r) => r.idempotency_key === key);

  beforeAll(async () => {
    emulator = await Emulator.start({ logLevels: false });
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.onApplicationShutdown()));
    await emulator.close();
  });
  beforeEach(() => emulator.control('POST', '/reset'));

  describe('token orders are retried with one idempotency key and place one order', () => {
    it('after two 500s', async () => {
      const klarna = client();
      const creds = emulator.credentials();
      const tokenId = await createToken(emulator, klarna, creds);
      await emulator.control('POST', `/tokens/${tokenId}/next-order`, {
        error_code: 'INTERNAL_SERVER_ERROR',
        count: 2,
      });

      const order = await klarna.createTokenOrder(creds, tokenId, tokenOrderBody(), 'renewal-500');

      expect((await orderRequests('renewal-500')).map((r) => r.status)).toEqual([500, 500, 200]);
      expect((await emulator.orders()).filter((o) => o.idempotency_key === 'renewal-500')).toEqual([
        expect.objectContaining({ order_id: order.data.order_id, token_id: tokenId }),
      ]);
    });

    it('after a hang past the timeout, even when the hung request is processed later', async () => {
      // The retry comes 300-600 ms after the first attempt times out at 300 ms.
      const klarna = client({ retryBaseDelayMs: 600, retryMaxDelayMs: 600 });
      const creds = emulator.credentials();
      const tokenId = await createToken(emulator, klarna, creds);
      await emulator.setFaults({ hang_rate: 1, hang_ms: HANG_MS, paths: [TOKEN_ORDER_PATH] });

      const pending = klarna.createTokenOrder(creds, tokenId, tokenOrderBody(), 'renewal-hang');
      await sleep(FAST_OPTIONS.timeoutMs! + 50); // the first attempt has timed out, its retry is not due yet
      await emulator.clearFaults();
      const order = await pending;

      // Let the hung first attempt finish: Klarna executes it too, and the key makes it a replay.
      await emulator.waitForRequests(
        (log) => log.filter((r) => r.idempotency_key === 'renewal-hang').length === 2,
      );
      expect((await orderRequests('renewal-hang')).every((r) => r.status === 200)).toBe(true);
      expect((await emulator.orders()).filter((o) => o.idempotency_key === 'renewal-hang')).toEqual([
        expect.objectContaining({ order_id: order.data.order_id }),
      ]);
    });

    it('after the connection is lost once Klarna has placed the order', async () => {
      const klarna = client({ retryBaseDelayMs: 600, retryMaxDelayMs: 600 });
      const creds = emulator.credentials();
      const tokenId = await createToken(emulator, klarna, creds);
      await emulator.setFaults({ lost_response_rate: 1, paths: [TOKEN_ORDER_PATH] });

      const pending = klarna.createTokenOrder(creds, tokenId, tokenOrderBody(), 'renewal-lost');
      await emulator.waitForRequests((log) => log.some((r) => r.idempotency_key === 'renewal-lost'));
      await emulator.clearFaults(); // the retry waits at least 300 ms, plenty of time
      const order = await pending;

      const orders = (await emulator.orders()).filter((o) => o.idempotency_key === 'renewal-lost');
      expect(orders).toHaveLength(1);
      expect(order.data.order_id).toBe(orders[0].order_id);
      expect(await orderRequests('renewal-lost')).toHaveLength(2);
    });

    it('gives up as an unknown outcome when every attempt fails, having sent the same key each time', async () => {
      const klarna = client();
      const creds = emulator.credentials();
      const tokenId = await createToken(emulator, klarna, creds);
      await emulator.setFaults({ error_500_rate: 1, paths: [TOKEN_ORDER_PATH] });

      const error = await rejectionOf(
        klarna.createTokenOrder(creds, tokenId, tokenOrderBody(), 'renewal-down'),
      );

      expect(error).toBeInstanceOf(KlarnaUnknownOutcomeError);
      expect(error).toMatchObject({
        outcome: 'unknown',
        failure: 'server_error',
        attempts: 4,
        httpStatus: 500,
      });
      expect((error as KlarnaUnknownOutcomeError).upstream?.error_code).toBe('INTERNAL_SERVER_ERROR');
      expect((await orderRequests('renewal-down')).map((r) => r.status)).toEqual([500, 500, 500, 500]);
    });
  });

  describe('operations that are not safe to repeat are sent once', () => {
    it('createSession after a 500 is not retried and its outcome is unknown', async () => {
      const klarna = client();
      await emulator.setFaults({ error_500_rate: 1 });
      const error = await rejectionOf(klarna.createSession(emulator.credentials(), sessionBody()));
      expect(error).toBeInstanceOf(KlarnaUnknownOutcomeError);
      expect(error).toMatchObject({ failure: 'server_error', attempts: 1 });
      expect(await emulator.requests()).toEqual([
        expect.objectContaining({ method: 'POST', path: '/payments/v1/sessions', status: 500 }),
      ]);
    });

    it('createOrder after a timeout is not retried, and Klarna may still place the order', async () => {
      const klarna = client();
      const creds = emulator.credentials();
      const { data: session } = await klarna.createSession(creds, sessionBody({ intent: 'buy' }));
      const authorizationToken = await authorize(emulator, session.session_id);
      await emulator.setFaults({ hang_rate: 1, hang_ms: HANG_MS, paths: ['/order$'] });

      const started = Date.now();
      const error = await rejectionOf(klarna.createOrder(creds, authorizationToken, orderBody()));
      expect(Date.now() - started).toBeLessThan(HANG_MS);
      expect(error).toBeInstanceOf(KlarnaUnknownOutcomeError);
      expect(error).toMatchObject({
        outcome: 'unknown',
        failure: 'timeout',
        attempts: 1,
        code: 'KLARNA_OUTCOME_UNKNOWN',
      });
      expect((error as KlarnaUnknownOutcomeError).getStatus()).toBe(504);

      await emulator.waitForRequests((log) => log.some((r) => r.path.endsWith('/order')));
      expect((await emulator.requests()).filter((r) => r.path.endsWith('/order'))).toHaveLength(1);
      expect(await emulator.orders()).toEqual([
        expect.objectContaining({ authorization_token: authorizationToken }),
      ]);
    });
  });

  describe('timeouts', () => {
    it('a read that hangs past the timeout on every attempt ends as KlarnaUnknownOutcomeError', async () => {
      const klarna = client({ maxRetries: 1 });
      const creds = emulator.credentials();
      const { data: session } = await klarna.createSession(creds, sessionBody());
      await emulator.setFaults({ hang_rate: 1, hang_ms: HANG_MS, paths: ['^/payments/v1/sessions/'] });

      const started = Date.now();
      const error = await rejectionOf(klarna.readSession(creds, session.session_id));
      const elapsed = Date.now() - started;

      expect(error).toBeInstanceOf(KlarnaUnknownOutcomeError);
      expect(error).toMatchObject({ failure: 'timeout', attempts: 2 });
      expect(elapsed).toBeGreaterThanOrEqual(2 * FAST_OPTIONS.timeoutMs! - 20);
      expect(elapsed).toBeLessThan(HANG_MS);
      await emulator.waitForRequests((log) => log.filter((r) => r.method === 'GET').length === 2);
    });
  });

  describe('rate limiting (429)', () => {
    it("waits for Klarna's Retry-After before retrying", async () => {
      const klarna = client({ retryMaxDelayMs: 2000 });
      const creds = emulator.credentials();
      const { data: session } = await klarna.createSession(creds, sessionBody());
      await emulator.setFaults({
        rate_limit_rate: 1,
        retry_after_seconds: 1,
        paths: ['^/payments/v1/sessions/'],
      });

      const started = Date.now();
      const pending = klarna.readSession(creds, session.session_id);
      await emulator.waitForRequests((log) => log.some((r) => r.status === 429));
      await emulator.clearFaults();
      const result = await pending;

      expect(Date.now() - started).toBeGreaterThanOrEqual(980);
      expect(result.data.status).toBe('incomplete');
      const reads = (await emulator.requests()).filter((r) => r.method === 'GET');
      expect(reads.map((r) => r.status)).toEqual([429, 200]);
      expect(Date.parse(reads[1].at) - Date.parse(reads[0].at)).toBeGreaterThanOrEqual(950);
    });

    it('fails at once with KLARNA_RATE_LIMITED when Retry-After exceeds retryMaxDelayMs', async () => {
      const klarna = client({ retryMaxDelayMs: 2000 });
      const creds = emulator.credentials();
      await emulator.setFaults({ rate_limit_rate: 1, retry_after_seconds: 30 });
      const started = Date.now();
      const error = await rejectionOf(klarna.readCustomerToken(creds, 'some-token'));
      expect(Date.now() - started).toBeLessThan(1000);
      expect(error).toBeInstanceOf(KlarnaApiError);
      expect(error).toMatchObject({
        httpStatus: 429,
        code: 'KLARNA_RATE_LIMITED',
        headers: { 'Retry-After': '30' },
      });
      expect(await emulator.requests()).toHaveLength(1);
    });
  });

  describe('circuit breaker (per merchant and region)', () => {
    const options = { breakerThreshold: 3, breakerHalfOpenAfterMs: 400, maxRetries: 0 };

    it('opens after consecutive 5xx, fails fast without calling Klarna, then half-opens and closes', async () => {
      const klarna = client(options);
      const creds = emulator.credentials();
      await emulator.setFaults({ error_503_rate: 1 });
      for (let i = 0; i < 3; i++) {
        await expect(klarna.readSession(creds, 'session-x')).rejects.toBeInstanceOf(
          KlarnaUnknownOutcomeError,
        );
      }
      expect(await emulator.requests()).toHaveLength(3);

      const open = await rejectionOf(klarna.readSession(creds, 'session-x'));
      expect(open).toBeInstanceOf(KlarnaUnavailableError);
      expect(open).toMatchObject({
        reason: 'circuit_open',
        code: 'KLARNA_UNAVAILABLE',
        headers: { 'Retry-After': '1' },
      });
      expect((open as KlarnaUnavailableError).getStatus()).toBe(503);
      await emulator.clearFaults();
      await expect(klarna.createSession(creds, sessionBody())).rejects.toBeInstanceOf(KlarnaUnavailableError);
      expect(await emulator.requests()).toHaveLength(3);

      // Another merchant on the same Klarna is unaffected.
      const other = await klarna.createSession(emulator.credentials(), sessionBody());
      expect(other.data.session_id).toEqual(expect.any(String));
      expect(await emulator.requests()).toHaveLength(4);

      await sleep(450);
      const { data: session } = await klarna.createSession(creds, sessionBody()); // the half-open trial
      await klarna.readSession(creds, session.session_id); // closed again
      expect((await emulator.requests()).slice(4).map((r) => r.status)).toEqual([200, 200]);
    });

    it('re-opens when the half-open trial fails', async () => {
      const klarna = client(options);
      const creds = emulator.credentials();
      await emulator.setFaults({ error_500_rate: 1 });
      for (let i = 0; i < 3; i++) await rejectionOf(klarna.readSession(creds, 'session-x'));
      await sleep(450);
      await expect(klarna.readSession(creds, 'session-x')).rejects.toBeInstanceOf(KlarnaUnknownOutcomeError);
      await expect(klarna.readSession(creds, 'session-x')).rejects.toBeInstanceOf(KlarnaUnavailableError);
      expect(await emulator.requests()).toHaveLength(4);
    });

    it('does not open on 4xx answers', async () => {
      const klarna = client(options);
      const creds = emulator.credentials();
      for (let i = 0; i < 5; i++) {
        await expect(klarna.readSession(creds, 'no-such-session')).rejects.toBeInstanceOf(KlarnaApiError);
      }
      expect(await emulator.requests()).toHaveLength(5);
    });

    it('reports an unknown outcome, not "unavailable", when it opens in the middle of retries', async () => {
      const klarna = client({ breakerThreshold: 2, maxRetries: 3 });
      const creds = emulator.credentials();
      const tokenId = await createToken(emulator, klarna, creds);
      await emulator.setFaults({ error_500_rate: 1, paths: [TOKEN_ORDER_PATH] });
      const error = await rejectionOf(
        klarna.createTokenOrder(creds, tokenId, tokenOrderBody(), 'renewal-open'),
      );
      expect(error).toBeInstanceOf(KlarnaUnknownOutcomeError);
      expect(error).toMatchObject({ failure: 'server_error' });
      expect(await orderRequests('renewal-open')).toHaveLength(2);
    });
  });
});
