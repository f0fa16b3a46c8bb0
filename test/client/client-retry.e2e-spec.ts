import { AutopayClient, AutopayConnectionError, AutopayProblemError } from '@autopay/client';
import { activeToken } from '../support/signup';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { charge, orderBody, publishedTerms, sessionBody } from './partner-flow';

jest.setTimeout(60_000);

/** One attempt as the client sent it, and what came back (a status, or the error fetch threw). */
interface Attempt {
  method: string;
  path: string;
  idempotencyKey: string | null;
  body: string;
  outcome: number | string;
  code?: string;
}

type Behaviour = (request: Request, attempt: number) => Promise<Response>;

/**
 * A client whose fetch goes through `behaviour` (default: straight to the service), recording every attempt.
 * Short backoff so that retries take milliseconds.
 */
function recordingClient(
  baseUrl: string,
  apiKey: string,
  behaviour: Behaviour = (request) => fetch(request),
  retry: { maxRetries?: number; maxDelayMs?: number } = {},
): { api: AutopayClient; attempts: Attempt[] } {
  const attempts: Attempt[] = [];
  const api = new AutopayClient({
    baseUrl,
    apiKey,
    retry: { baseDelayMs: 5, maxDelayMs: 50, ...retry },
    fetch: async (request) => {
      const attempt: Attempt = {
        method: request.method,
        path: new URL(request.url).pathname,
        idempotencyKey: request.headers.get('idempotency-key'),
        body: await request.clone().text(),
        outcome: 'pending',
      };
      attempts.push(attempt);
      try {
        const response = await behaviour(request, attempts.length);
        attempt.outcome = response.status;
        if (!response.ok) {
          attempt.code = ((await response.clone().json()) as { code?: string }).code;
        }
        return response;
      } catch (error) {
        attempt.outcome = (error as Error).message;
        throw error;
      }
    },
  });
  return { api, attempts };
}

/** The answer was lost: the service got the request and acted on it, the caller saw the connection drop. */
const lostAnswer = async (request: Request): Promise<Response> => {
  await (await fetch(request)).text();
  throw new TypeError('fetch failed (test: connection reset before the answer)');
};

async function until(condition: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const problem = (status: number, code: string, headers: Record<string, string> = {}): Response =>
  new Response(
    JSON.stringify({ type: 'about:blank', title: 'x', status, detail: 'x', code, request_id: 'req_1' }),
    {
      status,
      headers: { 'content-type': 'application/problem+json', ...headers },
    },
  );

describe('@autopay/client retries safe replays with the same Idempotency-Key', () => {
  let t: TestApp;
  let merchant: { id: string; key: string };

  beforeAll(async () => {
    // Klarna may take a second (the in-progress test) without the service giving up on it.
    t = await startTestApp({ emulator: true, env: { KLARNA_TIMEOUT_MS: '5000' } });
    merchant = await createMerchant(t, 'Retrying client');
  });
  afterAll(async () => {
    await t?.close();
  });
  afterEach(async () => {
    await t.emulator!.clearFaults();
  });

  const orderCount = async (tokenId: string): Promise<number> =>
    (await t.db.query('select count(*)::int as n from orders where customer_token_id = $1', [tokenId]))
      .rows[0].n;

  it('a charge whose answer was lost is sent again with the same key and answered from the first: one order', async () => {
    const token = await activeToken(t, merchant.key);
    const { api, attempts } = recordingClient(t.url, merchant.key, (request, n) =>
      n === 1 ? lostAnswer(request) : fetch(request),
    );

    const order = await charge(api, token.id, 'retry-order-1');

    expect(attempts.map((a) => [a.idempotencyKey, a.outcome])).toEqual([
      ['retry-order-1', 'fetch failed (test: connection reset before the answer)'],
      ['retry-order-1', 201],
    ]);
    expect(attempts[1].body).toBe(attempts[0].body);
    expect(order.status).toBe('accepted');
    const rows = await t.db.query('select id from orders where customer_token_id = $1', [token.id]);
    expect(rows.rows).toEqual([{ id: order.id }]);
    const ledger = (await t.emulator!.orders()).filter((o) => o.order_id === order.klarna_order_id);
    expect(ledger).toHaveLength(1);
    expect(await t.emulator!.orders()).toHaveLength(1);
  });

  it('a session created without a key gets one from the client, and its retry does not open a second session', async () => {
    const terms = await publishedTerms(new AutopayClient({ baseUrl: t.url, apiKey: merchant.key }));
    const { api, attempts } = recordingClient(t.url, merchant.key, (request, n) =>
      n === 1 ? lostAnswer(request) : fetch(request),
    );

    const session = await api.post('/v1/sessions', { body: sessionBody(terms.id, 'retry-cust-1') });

    expect(attempts).toHaveLength(2);
    expect(attempts[0].idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(attempts[1].idempotencyKey).toBe(attempts[0].idempotencyKey);
    const rows = await t.db.query("select id from sessions where merchant_customer_id = 'retry-cust-1'");
    expect(rows.rows).toEqual([{ id: session.id }]);
  });

  it('waits out 409 REQUEST_IN_PROGRESS while the first request is still at Klarna, then gets its answer', async () => {
    const token = await activeToken(t, merchant.key);
    await t.emulator!.setFaults({ latency_ms: 1000, paths: ['^/customer-token/v1/tokens/[^/]+/order$'] });
    let first: Promise<Response> | undefined;
    const { api, attempts } = recordingClient(
      t.url,
      merchant.key,
      async (request, n) => {
        if (n > 1) return fetch(request);
        // The first request reaches the service, which claims the key and waits for Klarna; the caller's
        // connection drops.
        first = fetch(request);
        await until(async () => {
          const claimed = await t.db.query(
            'select 1 from idempotency_keys where merchant_id = $1 and key = $2',
            [merchant.id, 'retry-order-in-progress'],
          );
          return claimed.rows.length === 1;
        });
        throw new TypeError('fetch failed (test: timed out)');
      },
      { maxRetries: 60, maxDelayMs: 50 },
    );

    const order = await charge(api, token.id, 'retry-order-in-progress');

    expect((await first!).status).toBe(201);
    const outcomes = attempts.map((a) => (a.code ? `${a.outcome} ${a.code}` : a.outcome));
    expect(outcomes[0]).toBe('fetch failed (test: timed out)');
    expect(outcomes).toContain('409 REQUEST_IN_PROGRESS');
    expect(outcomes.at(-1)).toBe(201);
    expect(new Set(attempts.map((a) => a.idempotencyKey))).toEqual(new Set(['retry-order-in-progress']));
    expect(order.status).toBe('accepted');
    expect(await orderCount(token.id)).toBe(1);
  });

  it('retries a 5xx with the same key and succeeds; gives up after maxRetries with the problem', async () => {
    const token = await activeToken(t, merchant.key);
    const flaky = recordingClient(t.url, merchant.key, async (request, n) =>
      n === 1 ? problem(503, 'KLARNA_UNAVAILABLE', { 'retry-after': '0' }) : fetch(request),
    );
    const order = await charge(flaky.api, token.id, 'retry-order-503');
    expect(flaky.attempts.map((a) => [a.idempotencyKey, a.outcome])).toEqual([
      ['retry-order-503', 503],
      ['retry-order-503', 201],
    ]);
    expect(order.status).toBe('accepted');

    const down = recordingClient(t.url, merchant.key, async () => problem(502, 'KLARNA_UNAVAILABLE'));
    const error = await charge(down.api, token.id, 'retry-order-502').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AutopayProblemError);
    expect(error).toMatchObject({ status: 502, code: 'KLARNA_UNAVAILABLE', request_id: 'req_1' });
    expect(down.attempts).toHaveLength(3); // the default: 2 retries
    expect(await orderCount(token.id)).toBe(1);
  });

  it('sends a request without a safe replay once: a POST the key does not protect, a 409 that is not in progress', async () => {
    const token = await activeToken(t, merchant.key);
    const down = recordingClient(t.url, merchant.key, async () => problem(503, 'KLARNA_UNAVAILABLE'));
    await expect(
      down.api.post('/v1/customer-tokens/{customer_token_id}/cancel', {
        params: { path: { customer_token_id: token.id } },
      }),
    ).rejects.toMatchObject({ status: 503 });
    expect(down.attempts.map((a) => [a.path, a.idempotencyKey])).toEqual([
      [`/v1/customer-tokens/${token.id}/cancel`, null],
    ]);

    const conflict = recordingClient(t.url, merchant.key, async () => problem(409, 'TOKEN_NOT_ACTIVE'));
    await expect(charge(conflict.api, token.id, 'retry-order-409')).rejects.toMatchObject({
      status: 409,
      code: 'TOKEN_NOT_ACTIVE',
    });
    expect(conflict.attempts).toHaveLength(1);

    // A connection that never comes is retried for reads too, then reported as such.
    const unreachable = new AutopayClient({
      baseUrl: 'http://127.0.0.1:9',
      apiKey: merchant.key,
      retry: { maxRetries: 1, baseDelayMs: 1 },
    });
    await expect(unreachable.get('/v1/merchant')).rejects.toBeInstanceOf(AutopayConnectionError);
    expect(await orderCount(token.id)).toBe(0);
  });

  it('gives up on the first network error when retries are off, and never retries after the caller aborts', async () => {
    const token = await activeToken(t, merchant.key);
    const once = recordingClient(t.url, merchant.key, lostAnswer, { maxRetries: 0 });
    await expect(charge(once.api, token.id, 'retry-order-once')).rejects.toBeInstanceOf(
      AutopayConnectionError,
    );
    expect(once.attempts).toHaveLength(1);
    // The service did charge: the partner repeats with the same key and gets that order, not a second one.
    const again = await charge(recordingClient(t.url, merchant.key).api, token.id, 'retry-order-once');
    expect(await orderCount(token.id)).toBe(1);
    expect(again.status).toBe('accepted');

    const controller = new AbortController();
    const aborted = recordingClient(t.url, merchant.key, async () => {
      controller.abort();
      throw Object.assign(new Error('aborted'), { name: 'AbortError' });
    });
    await expect(
      aborted.api.post('/v1/customer-tokens/{customer_token_id}/orders', {
        params: { path: { customer_token_id: token.id }, header: { 'Idempotency-Key': 'retry-order-abort' } },
        body: orderBody(),
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(aborted.attempts).toHaveLength(1);
  });
});
