import { KlarnaApiError, KlarnaUnknownOutcomeError } from '../../src/klarna/klarna.errors';
import { validateKlarnaRequest } from '../contract/klarna-schemas';
import type { LoggedRequest } from '../support/emulator';
import {
  createToken,
  FAST_OPTIONS,
  makeClient,
  PLAN_LINE,
  rejectionOf,
  tokenOrderBody,
  useClientAndEmulator,
} from './client-fixtures';

/** Which Order Management operation (contract id) a logged request was. */
function omOperationOf(request: LoggedRequest): string {
  const routes: [string, RegExp, string][] = [
    ['GET', /^\/ordermanagement\/v1\/orders\/[^/]+$/, 'orderManagement.getOrder'],
    ['POST', /^\/ordermanagement\/v1\/orders\/[^/]+\/captures$/, 'orderManagement.captureOrder'],
    ['GET', /^\/ordermanagement\/v1\/orders\/[^/]+\/captures\/[^/]+$/, 'orderManagement.getCapture'],
    ['POST', /^\/ordermanagement\/v1\/orders\/[^/]+\/refunds$/, 'orderManagement.refundOrder'],
    ['GET', /^\/ordermanagement\/v1\/orders\/[^/]+\/refunds\/[^/]+$/, 'orderManagement.get'],
    ['POST', /^\/ordermanagement\/v1\/orders\/[^/]+\/cancel$/, 'orderManagement.cancelOrder'],
    [
      'POST',
      /^\/ordermanagement\/v1\/orders\/[^/]+\/release-remaining-authorization$/,
      'orderManagement.releaseRemainingAuthorization',
    ],
  ];
  const match = routes.find(([method, path]) => method === request.method && path.test(request.path));
  if (!match) throw new Error(`unexpected request ${request.method} ${request.path}`);
  return match[2];
}

describe('KlarnaClient Order Management against the Klarna emulator', () => {
  const suite = useClientAndEmulator();

  const placeOrder = async () => {
    const tokenId = await createToken(suite.emulator, suite.client, suite.creds);
    const order = await suite.client.createTokenOrder(
      suite.creds,
      tokenId,
      tokenOrderBody(),
      `order-${tokenId}`,
    );
    return order.data.order_id;
  };

  it("drives an order through all seven calls, each request matching Klarna's spec", async () => {
    const orderId = await placeOrder();
    expect((await suite.client.readOmOrder(suite.creds, orderId)).data).toMatchObject({
      order_id: orderId,
      status: 'AUTHORIZED',
      remaining_authorized_amount: 1000,
      captures: [],
      refunds: [],
    });

    const capture = await suite.client.createCapture(
      suite.creds,
      orderId,
      { captured_amount: 400, description: 'First part', reference: 'cap-1', order_lines: [PLAN_LINE] },
      'capture-1',
    );
    expect(capture.data).toEqual({ capture_id: expect.any(String) });
    expect(
      (await suite.client.readCapture(suite.creds, orderId, capture.data.capture_id)).data,
    ).toMatchObject({
      capture_id: capture.data.capture_id,
      captured_amount: 400,
      description: 'First part',
    });

    const refund = await suite.client.createRefund(
      suite.creds,
      orderId,
      { refunded_amount: 150, description: 'Goodwill' },
      'refund-1',
    );
    expect(refund.data).toEqual({ refund_id: expect.any(String) });
    expect((await suite.client.readRefund(suite.creds, orderId, refund.data.refund_id)).data).toMatchObject({
      refund_id: refund.data.refund_id,
      refunded_amount: 150,
    });

    await expect(
      suite.client.releaseRemainingAuthorization(suite.creds, orderId, 'release-1'),
    ).resolves.toEqual({
      data: undefined,
      correlationId: expect.any(String),
    });
    expect((await suite.client.readOmOrder(suite.creds, orderId)).data).toMatchObject({
      status: 'CAPTURED',
      captured_amount: 400,
      refunded_amount: 150,
      remaining_authorized_amount: 0,
    });

    const other = await placeOrder();
    await suite.client.cancelOrder(suite.creds, other, 'cancel-1');
    expect((await suite.client.readOmOrder(suite.creds, other)).data.status).toBe('CANCELLED');

    const requests = (await suite.emulator.requests()).filter((r) => r.path.startsWith('/ordermanagement/'));
    expect(requests.every((r) => r.status < 300)).toBe(true);
    expect(new Set(requests.map(omOperationOf)).size).toBe(7);
    const problems = requests.flatMap((r) =>
      validateKlarnaRequest(omOperationOf(r), r.body).map((p) => `${omOperationOf(r)}: ${p}`),
    );
    expect(problems).toEqual([]);
    const posts = requests.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.idempotency_key)).toEqual(['capture-1', 'refund-1', 'release-1', 'cancel-1']);
  });

  it('turns refusals into KlarnaApiError with Klarna’s codes', async () => {
    const orderId = await placeOrder();
    const tooMuch = await rejectionOf(
      suite.client.createCapture(suite.creds, orderId, { captured_amount: 1001 }, 'k1'),
    );
    expect(tooMuch).toBeInstanceOf(KlarnaApiError);
    expect(tooMuch).toMatchObject({ httpStatus: 403, errorCode: 'CAPTURE_NOT_ALLOWED' });
    const refund = await rejectionOf(
      suite.client.createRefund(suite.creds, orderId, { refunded_amount: 1 }, 'k2'),
    );
    expect(refund).toMatchObject({ httpStatus: 403, errorCode: 'REFUND_NOT_ALLOWED' });
    await suite.client.createCapture(suite.creds, orderId, { captured_amount: 1 }, 'k3');
    const cancel = await rejectionOf(suite.client.cancelOrder(suite.creds, orderId, 'k4'));
    expect(cancel).toMatchObject({ httpStatus: 403, errorCode: 'CANCEL_NOT_ALLOWED' });
    const missing = await rejectionOf(suite.client.readOmOrder(suite.creds, 'no-such-order'));
    expect(missing).toMatchObject({ httpStatus: 404, errorCode: 'NO_SUCH_ORDER' });
  });

  it('retries a capture through 503s with the same key and captures once', async () => {
    const orderId = await placeOrder();
    await suite.emulator.setFaults({ error_503_rate: 0.5, seed: 7, paths: ['/captures$'] });
    let succeeded = 0;
    for (let i = 0; i < 10; i++) {
      await suite.client.createCapture(suite.creds, orderId, { captured_amount: 10 }, `retry-${i}`).then(
        () => (succeeded += 1),
        () => undefined,
      );
    }
    await suite.emulator.clearFaults();
    const [ledger] = (await suite.emulator.orders()).filter((o) => o.order_id === orderId);
    // A 503 executes nothing: exactly the calls that succeeded captured, each once, under its own key.
    const keys = ledger.captures!.map((c) => c.idempotency_key);
    expect(keys).toHaveLength(succeeded);
    expect(new Set(keys).size).toBe(succeeded);
    expect(ledger.captured_amount).toBe(10 * succeeded);
    const attempts = (await suite.emulator.requests()).filter((r) => r.path.endsWith('/captures'));
    const retried = attempts.filter((r) => r.status === 503).map((r) => r.idempotency_key);
    expect(retried.length).toBeGreaterThan(0);
    expect(succeeded).toBeGreaterThan(0);
    expect(
      attempts.filter((r) => r.status === 201 && retried.includes(r.idempotency_key)).length,
    ).toBeGreaterThan(0);
  });

  it('reports a lost answer as an unknown outcome; the same key then returns the same capture', async () => {
    const orderId = await placeOrder();
    await suite.emulator.setFaults({ lost_response_rate: 1, paths: ['/captures$'] });
    const once = makeClient({ ...FAST_OPTIONS, maxRetries: 0 });
    const lost = await rejectionOf(
      once.createCapture(suite.creds, orderId, { captured_amount: 300 }, 'lost-1'),
    );
    await once.onApplicationShutdown();
    expect(lost).toBeInstanceOf(KlarnaUnknownOutcomeError);
    await suite.emulator.clearFaults();
    const again = await suite.client.createCapture(suite.creds, orderId, { captured_amount: 300 }, 'lost-1');
    const { data: order } = await suite.client.readOmOrder(suite.creds, orderId);
    expect(order.captures).toEqual([expect.objectContaining({ capture_id: again.data.capture_id })]);
    expect(order.captured_amount).toBe(300);
  });
});
