import { OTHER_MERCHANT, useEmulator, type KlarnaResponse } from '../support/emulator';
import { buySession, orderBodyFor, subscriptionLine } from '../support/klarna-fixtures';

const DAY = 24 * 3600;
const OM = '/ordermanagement/v1/orders';

describe('Klarna emulator: Order Management', () => {
  const emu = useEmulator();

  const order = async (orderId: string) => {
    const res = await emu.omOrder(orderId);
    expect(res.status).toBe(200);
    return res.body;
  };
  /** A replayed refusal is the stored answer verbatim, with the correlation id of the first one. */
  const refusal = (res: KlarnaResponse, status: number, errorCode: string, replayed = false) => {
    expect({ status: res.status, error_code: res.body?.error_code }).toEqual({
      status,
      error_code: errorCode,
    });
    if (!replayed) expect(res.body.correlation_id).toBe(res.headers.get('klarna-correlation-id'));
    expect(res.body.error_messages[0]).toEqual(expect.any(String));
  };
  const capturedId = (res: KlarnaResponse) => {
    expect(res.status).toBe(201);
    expect(res.body).toBeUndefined();
    return res.headers.get('capture-id')!;
  };
  const refundId = (res: KlarnaResponse) => {
    expect(res.status).toBe(201);
    return res.headers.get('refund-id')!;
  };

  describe('reading', () => {
    it('shows a token order as AUTHORIZED with its amounts, lines and a 28-day capture window', async () => {
      const orderId = await emu.placeOrder();
      const body = await order(orderId);
      expect(body).toMatchObject({
        order_id: orderId,
        status: 'AUTHORIZED',
        fraud_status: 'ACCEPTED',
        purchase_currency: 'SEK',
        purchase_country: 'SE',
        order_amount: 1250,
        original_order_amount: 1250,
        captured_amount: 0,
        refunded_amount: 0,
        remaining_authorized_amount: 1250,
        merchant_reference1: 'INV-1',
        order_lines: [subscriptionLine()],
        captures: [],
        refunds: [],
      });
      expect(Date.parse(body.expires_at) - Date.parse(body.created_at)).toBe(28 * DAY * 1000);
    });

    it("answers 404 NO_SUCH_ORDER for an unknown order and for another merchant's order", async () => {
      const orderId = await emu.placeOrder();
      refusal(await emu.omOrder('no-such-order'), 404, 'NO_SUCH_ORDER');
      const foreign = await emu.klarna('orderManagement.getOrder', 'GET', `${OM}/${orderId}`, undefined, {
        merchant: OTHER_MERCHANT,
      });
      refusal(foreign, 404, 'NO_SUCH_ORDER');
      refusal(await emu.capture('no-such-order', { captured_amount: 1 }, 'k1'), 404, 'NO_SUCH_ORDER');
      refusal(await emu.refund('no-such-order', { refunded_amount: 1 }, 'k2'), 404, 'NO_SUCH_ORDER');
      refusal(await emu.cancelOrder('no-such-order', 'k3'), 404, 'NO_SUCH_ORDER');
      refusal(await emu.releaseRemaining('no-such-order', 'k4'), 404, 'NO_SUCH_ORDER');
    });

    it('answers 404 NO_SUCH_CAPTURE and NOT_FOUND for unknown captures and refunds', async () => {
      const orderId = await emu.placeOrder();
      refusal(
        await emu.klarna('orderManagement.getCapture', 'GET', `${OM}/${orderId}/captures/nope`),
        404,
        'NO_SUCH_CAPTURE',
      );
      refusal(
        await emu.klarna('orderManagement.get', 'GET', `${OM}/${orderId}/refunds/nope`),
        404,
        'NOT_FOUND',
      );
    });

    it('needs Klarna credentials', async () => {
      const orderId = await emu.placeOrder();
      const res = await emu.klarna('orderManagement.getOrder', 'GET', `${OM}/${orderId}`, undefined, {
        merchant: null,
      });
      refusal(res, 401, 'UNAUTHORIZED');
    });
  });

  describe('captures', () => {
    it('captures everything: 201 with Capture-Id and Location, the order CAPTURED', async () => {
      const orderId = await emu.placeOrder();
      const res = await emu.capture(
        orderId,
        {
          captured_amount: 1250,
          description: 'Plan, December',
          reference: 'cap-ref',
          order_lines: [subscriptionLine()],
        },
        'cap-1',
      );
      const captureId = capturedId(res);
      expect(res.headers.get('location')).toBe(`${emu.url}${OM}/${orderId}/captures/${captureId}`);
      const body = await order(orderId);
      expect(body).toMatchObject({
        status: 'CAPTURED',
        captured_amount: 1250,
        remaining_authorized_amount: 0,
        captures: [
          {
            capture_id: captureId,
            captured_amount: 1250,
            description: 'Plan, December',
            reference: 'cap-ref',
            refunded_amount: 0,
            order_lines: [subscriptionLine()],
          },
        ],
      });
      const read = await emu.klarna(
        'orderManagement.getCapture',
        'GET',
        new URL(res.headers.get('location')!).pathname,
      );
      expect(read.status).toBe(200);
      expect(read.body).toEqual(body.captures[0]);
      // Nothing left to capture.
      refusal(await emu.capture(orderId, { captured_amount: 1 }, 'cap-2'), 403, 'CAPTURE_NOT_ALLOWED');
    });

    it('captures in parts: PART_CAPTURED until the rest is captured, and refuses more than remains', async () => {
      const orderId = await emu.placeOrder();
      capturedId(await emu.capture(orderId, { captured_amount: 500 }, 'p-1'));
      expect(await order(orderId)).toMatchObject({
        status: 'PART_CAPTURED',
        captured_amount: 500,
        remaining_authorized_amount: 750,
      });
      const tooMuch = await emu.capture(orderId, { captured_amount: 751 }, 'p-2');
      refusal(tooMuch, 403, 'CAPTURE_NOT_ALLOWED');
      expect(tooMuch.body.error_messages[0]).toContain('750');
      capturedId(await emu.capture(orderId, { captured_amount: 750 }, 'p-3'));
      const body = await order(orderId);
      expect(body).toMatchObject({
        status: 'CAPTURED',
        captured_amount: 1250,
        remaining_authorized_amount: 0,
      });
      expect(body.captures.map((c: { captured_amount: number }) => c.captured_amount)).toEqual([500, 750]);
    });

    it('releases the remaining authorization after a partial capture: CAPTURED, nothing more to capture', async () => {
      const orderId = await emu.placeOrder();
      // Nothing captured yet: refused, as the spec says.
      refusal(await emu.releaseRemaining(orderId, 'r-0'), 403, 'NOT_ALLOWED');
      capturedId(await emu.capture(orderId, { captured_amount: 300 }, 'r-1'));
      const released = await emu.releaseRemaining(orderId, 'r-2');
      expect(released.status).toBe(204);
      expect(await order(orderId)).toMatchObject({
        status: 'CAPTURED',
        captured_amount: 300,
        remaining_authorized_amount: 0,
      });
      refusal(await emu.capture(orderId, { captured_amount: 1 }, 'r-3'), 403, 'CAPTURE_NOT_ALLOWED');
      // Releasing again changes nothing and is accepted.
      expect((await emu.releaseRemaining(orderId, 'r-4')).status).toBe(204);
    });

    it('refuses malformed captures with 400 BAD_VALUE naming the field, without remembering the key', async () => {
      const orderId = await emu.placeOrder();
      const invalid = { invalidRequest: true };
      const missing = await emu.capture(orderId, { description: 'x' }, 'bad-1', invalid);
      refusal(missing, 400, 'BAD_VALUE');
      expect(missing.body.error_messages).toEqual(['Bad value: captured_amount']);
      refusal(await emu.capture(orderId, { captured_amount: 0 }, 'bad-1'), 400, 'BAD_VALUE');
      refusal(await emu.capture(orderId, { captured_amount: -5 }, 'bad-1', invalid), 400, 'BAD_VALUE');
      const badLine = await emu.capture(
        orderId,
        { captured_amount: 100, order_lines: [subscriptionLine({ total_amount: 99 })] },
        'bad-1',
      );
      expect(badLine.body.error_messages).toEqual(['Bad value: order_lines[0].total_amount']);
      refusal(
        await emu.capture(orderId, { captured_amount: 1, description: 'd'.repeat(256) }, 'bad-1', invalid),
        400,
        'BAD_VALUE',
      );
      // The same key with a valid body now executes.
      capturedId(await emu.capture(orderId, { captured_amount: 100 }, 'bad-1'));
      expect((await order(orderId)).captured_amount).toBe(100);
    });
  });

  describe('refunds', () => {
    it('refunds in parts up to the captured amount, refuses past it, and CLOSES when all is refunded', async () => {
      const orderId = await emu.placeOrder();
      capturedId(await emu.capture(orderId, { captured_amount: 1250 }, 'c'));
      const first = refundId(
        await emu.refund(orderId, { refunded_amount: 200, description: 'Goodwill', reference: 'R1' }, 'f-1'),
      );
      refundId(await emu.refund(orderId, { refunded_amount: 50 }, 'f-2'));
      const body = await order(orderId);
      expect(body).toMatchObject({ status: 'CAPTURED', captured_amount: 1250, refunded_amount: 250 });
      expect(body.refunds).toEqual([
        expect.objectContaining({
          refund_id: first,
          refunded_amount: 200,
          description: 'Goodwill',
          reference: 'R1',
        }),
        expect.objectContaining({ refunded_amount: 50 }),
      ]);
      expect(body.captures[0].refunded_amount).toBe(250);
      const read = await emu.klarna('orderManagement.get', 'GET', `${OM}/${orderId}/refunds/${first}`);
      expect(read.body).toEqual(body.refunds[0]);

      const past = await emu.refund(orderId, { refunded_amount: 1001 }, 'f-3');
      refusal(past, 403, 'REFUND_NOT_ALLOWED');
      expect((await order(orderId)).refunded_amount).toBe(250);

      refundId(await emu.refund(orderId, { refunded_amount: 1000 }, 'f-4'));
      expect(await order(orderId)).toMatchObject({ status: 'CLOSED', refunded_amount: 1250 });
      refusal(await emu.refund(orderId, { refunded_amount: 1 }, 'f-5'), 403, 'REFUND_NOT_ALLOWED');
    });

    it('refunds only what was captured: nothing on an uncaptured order, the captured part of a partial one', async () => {
      const orderId = await emu.placeOrder();
      refusal(await emu.refund(orderId, { refunded_amount: 1 }, 'u-1'), 403, 'REFUND_NOT_ALLOWED');
      capturedId(await emu.capture(orderId, { captured_amount: 400 }, 'u-2'));
      refusal(await emu.refund(orderId, { refunded_amount: 401 }, 'u-3'), 403, 'REFUND_NOT_ALLOWED');
      refundId(await emu.refund(orderId, { refunded_amount: 400 }, 'u-4'));
      // Still authorized for the rest, so not closed.
      expect(await order(orderId)).toMatchObject({
        status: 'PART_CAPTURED',
        refunded_amount: 400,
        remaining_authorized_amount: 850,
      });
    });
  });

  describe('cancel', () => {
    it('cancels an uncaptured order; then nothing is allowed on it', async () => {
      const orderId = await emu.placeOrder();
      const res = await emu.cancelOrder(orderId, 'x-1');
      expect(res.status).toBe(204);
      expect(await order(orderId)).toMatchObject({ status: 'CANCELLED', remaining_authorized_amount: 0 });
      refusal(await emu.capture(orderId, { captured_amount: 1 }, 'x-2'), 403, 'CAPTURE_NOT_ALLOWED');
      refusal(await emu.refund(orderId, { refunded_amount: 1 }, 'x-3'), 403, 'REFUND_NOT_ALLOWED');
      refusal(await emu.cancelOrder(orderId, 'x-4'), 403, 'CANCEL_NOT_ALLOWED');
      refusal(await emu.releaseRemaining(orderId, 'x-5'), 403, 'NOT_ALLOWED');
    });

    it('refuses to cancel after a capture (partial or full)', async () => {
      const orderId = await emu.placeOrder();
      capturedId(await emu.capture(orderId, { captured_amount: 1 }, 'y-1'));
      const res = await emu.cancelOrder(orderId, 'y-2');
      refusal(res, 403, 'CANCEL_NOT_ALLOWED');
      expect(res.body.error_messages[0]).toContain('captures');
      expect((await order(orderId)).status).toBe('PART_CAPTURED');
    });
  });

  describe('expiry', () => {
    it('expires an uncaptured authorization after 28 days on the clock; then everything is refused', async () => {
      const orderId = await emu.placeOrder();
      await emu.advanceClock(28 * DAY - 1);
      expect((await order(orderId)).status).toBe('AUTHORIZED');
      await emu.advanceClock(1);
      expect(await order(orderId)).toMatchObject({ status: 'EXPIRED', remaining_authorized_amount: 0 });
      refusal(await emu.capture(orderId, { captured_amount: 1 }, 'e-1'), 403, 'CAPTURE_NOT_ALLOWED');
      refusal(await emu.refund(orderId, { refunded_amount: 1 }, 'e-2'), 403, 'REFUND_NOT_ALLOWED');
      refusal(await emu.cancelOrder(orderId, 'e-3'), 403, 'CANCEL_NOT_ALLOWED');
      refusal(await emu.releaseRemaining(orderId, 'e-4'), 403, 'NOT_ALLOWED');
    });

    it('ends capturing of a part-captured order at expiry: CAPTURED, what was captured stays refundable', async () => {
      const orderId = await emu.placeOrder();
      capturedId(await emu.capture(orderId, { captured_amount: 600 }, 'pe-1'));
      await emu.advanceClock(28 * DAY);
      expect(await order(orderId)).toMatchObject({
        status: 'CAPTURED',
        captured_amount: 600,
        remaining_authorized_amount: 0,
      });
      refusal(await emu.capture(orderId, { captured_amount: 1 }, 'pe-2'), 403, 'CAPTURE_NOT_ALLOWED');
      refundId(await emu.refund(orderId, { refunded_amount: 600 }, 'pe-3'));
      expect((await order(orderId)).status).toBe('CLOSED');
    });
  });

  describe('auto_capture', () => {
    it('makes a token order born CAPTURED with one capture of the whole amount', async () => {
      const orderId = await emu.placeOrder({ autoCapture: true });
      const body = await order(orderId);
      expect(body).toMatchObject({
        status: 'CAPTURED',
        captured_amount: 1250,
        remaining_authorized_amount: 0,
      });
      expect(body.captures).toEqual([
        expect.objectContaining({ captured_amount: 1250, capture_id: expect.any(String) }),
      ]);
      refusal(await emu.cancelOrder(orderId, 'ac-1'), 403, 'CANCEL_NOT_ALLOWED');
      const [ledger] = await emu.orders();
      expect(ledger.captures).toEqual([
        expect.objectContaining({ source: 'auto_capture', idempotency_key: null }),
      ]);
    });

    it('does the same for an order from an authorization; without it that order is AUTHORIZED', async () => {
      const session = buySession();
      const captured = await emu.createOrder(await emu.authorize(await emu.createSession(session)), {
        ...orderBodyFor(session),
        auto_capture: true,
      });
      expect(await order(captured.body.order_id)).toMatchObject({
        status: 'CAPTURED',
        captured_amount: 1250,
        billing_address: session.billing_address,
      });
      const plain = await emu.createOrder(
        await emu.authorize(await emu.createSession(session)),
        orderBodyFor(session),
      );
      expect((await order(plain.body.order_id)).status).toBe('AUTHORIZED');
    });
  });

  describe('idempotency (Klarna-Idempotency-Key, 24 hours)', () => {
    it('replays a capture for the same key once executed, whatever the body, and captures once', async () => {
      const orderId = await emu.placeOrder();
      const first = capturedId(await emu.capture(orderId, { captured_amount: 100 }, 'same'));
      const again = await emu.capture(orderId, { captured_amount: 100 }, 'same');
      expect(capturedId(again)).toBe(first);
      expect(again.headers.get('location')).toContain(first);
      // The spec: "only the key matters".
      expect(capturedId(await emu.capture(orderId, { captured_amount: 999 }, 'same'))).toBe(first);
      expect((await order(orderId)).captures).toHaveLength(1);
      // The key is per operation and order: the same key for a refund is a refund.
      refundId(await emu.refund(orderId, { refunded_amount: 10 }, 'same'));
      expect((await order(orderId)).refunded_amount).toBe(10);
    });

    it('replays a refund and a refusal for the same key', async () => {
      const orderId = await emu.placeOrder();
      const first = await emu.refund(orderId, { refunded_amount: 100 }, 'early');
      refusal(first, 403, 'REFUND_NOT_ALLOWED');
      capturedId(await emu.capture(orderId, { captured_amount: 1250 }, 'cap'));
      // The refusal was executed, so the same key gets it again even though a refund would now pass.
      const replay = await emu.refund(orderId, { refunded_amount: 100 }, 'early');
      refusal(replay, 403, 'REFUND_NOT_ALLOWED', true);
      expect(replay.body).toEqual(first.body);
      const id = refundId(await emu.refund(orderId, { refunded_amount: 100 }, 'later'));
      expect(refundId(await emu.refund(orderId, { refunded_amount: 100 }, 'later'))).toBe(id);
      expect(await order(orderId)).toMatchObject({
        refunded_amount: 100,
        refunds: [expect.objectContaining({ refund_id: id })],
      });
    });

    it('replays cancel and release', async () => {
      const orderId = await emu.placeOrder();
      expect((await emu.cancelOrder(orderId, 'cancel-key')).status).toBe(204);
      expect((await emu.cancelOrder(orderId, 'cancel-key')).status).toBe(204);
      refusal(await emu.cancelOrder(orderId, 'other-key'), 403, 'CANCEL_NOT_ALLOWED');

      const partial = await emu.placeOrder();
      capturedId(await emu.capture(partial, { captured_amount: 5 }, 'c'));
      expect((await emu.releaseRemaining(partial, 'rel')).status).toBe(204);
      expect((await emu.releaseRemaining(partial, 'rel')).status).toBe(204);
      expect((await order(partial)).status).toBe('CAPTURED');
    });

    it('forgets a key after 24 hours: the same key then executes again', async () => {
      const orderId = await emu.placeOrder();
      const first = capturedId(await emu.capture(orderId, { captured_amount: 100 }, 'day-key'));
      await emu.advanceClock(DAY - 1);
      expect(capturedId(await emu.capture(orderId, { captured_amount: 100 }, 'day-key'))).toBe(first);
      await emu.advanceClock(1);
      const second = capturedId(await emu.capture(orderId, { captured_amount: 100 }, 'day-key'));
      expect(second).not.toBe(first);
      expect((await order(orderId)).captured_amount).toBe(200);
    });

    it('without a key, every request executes', async () => {
      const orderId = await emu.placeOrder();
      capturedId(await emu.capture(orderId, { captured_amount: 100 }));
      capturedId(await emu.capture(orderId, { captured_amount: 100 }));
      expect((await order(orderId)).captured_amount).toBe(200);
    });
  });

  describe('faults', () => {
    const OM_PATHS = ['^/ordermanagement/v1/orders/[^/]+/(captures|refunds)$'];

    it.each([
      [{ error_500_rate: 1 }, 500, 'INTERNAL_SERVER_ERROR'],
      [{ error_503_rate: 1 }, 503, 'SERVICE_UNAVAILABLE'],
      [{ rate_limit_rate: 1 }, 429, 'TOO_MANY_REQUESTS'],
    ])('%j answers captures and refunds %i without executing them', async (faults, status, errorCode) => {
      const orderId = await emu.placeOrder();
      capturedId(await emu.capture(orderId, { captured_amount: 500 }, 'before'));
      await emu.setFaults({ ...faults, paths: OM_PATHS });
      refusal(await emu.capture(orderId, { captured_amount: 100 }, 'f-cap'), status, errorCode);
      refusal(await emu.refund(orderId, { refunded_amount: 100 }, 'f-ref'), status, errorCode);
      // Reads are not on the filtered paths.
      expect(await order(orderId)).toMatchObject({ captured_amount: 500, refunded_amount: 0 });
      await emu.clearFaults();
      capturedId(await emu.capture(orderId, { captured_amount: 100 }, 'f-cap'));
      refundId(await emu.refund(orderId, { refunded_amount: 100 }, 'f-ref'));
      expect(await order(orderId)).toMatchObject({ captured_amount: 600, refunded_amount: 100 });
    });

    it('loses the answer of an executed capture; the same key then replays it, captured once', async () => {
      const orderId = await emu.placeOrder();
      await emu.setFaults({ lost_response_rate: 1, paths: OM_PATHS });
      await expect(emu.capture(orderId, { captured_amount: 700 }, 'lost')).rejects.toThrow();
      await expect(emu.refund(orderId, { refunded_amount: 10 }, 'lost-r')).rejects.toThrow();
      await emu.clearFaults();
      const [ledger] = await emu.orders();
      expect(ledger).toMatchObject({ captured_amount: 700, refunded_amount: 10 });
      const captureId = capturedId(await emu.capture(orderId, { captured_amount: 700 }, 'lost'));
      expect(ledger.captures).toEqual([
        expect.objectContaining({ capture_id: captureId, idempotency_key: 'lost' }),
      ]);
      expect(refundId(await emu.refund(orderId, { refunded_amount: 10 }, 'lost-r'))).toBe(
        ledger.refunds![0].refund_id,
      );
      expect(await order(orderId)).toMatchObject({ captured_amount: 700, refunded_amount: 10 });
      const requests = (await emu.requests()).filter((r) => r.path.endsWith('/captures'));
      expect(requests.map((r) => [r.status, r.lost_response, r.idempotency_key])).toEqual([
        [201, true, 'lost'],
        [201, false, 'lost'],
      ]);
    });

    it('hangs a cancel, then carries it out', async () => {
      const orderId = await emu.placeOrder();
      await emu.setFaults({ hang_rate: 1, hang_ms: 300, paths: ['/cancel$'] });
      const started = Date.now();
      expect((await emu.cancelOrder(orderId, 'slow')).status).toBe(204);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
      expect((await order(orderId)).status).toBe('CANCELLED');
    });
  });

  describe('controls', () => {
    it('refunds and captures "in the merchant portal", shown by the order and the ledger', async () => {
      const orderId = await emu.placeOrder();
      const capture = await emu.control('POST', `/orders/${orderId}/captures`, { captured_amount: 1250 });
      expect(capture.status).toBe(201);
      const refund = await emu.control('POST', `/orders/${orderId}/refunds`, { refunded_amount: 300 });
      expect(refund.status).toBe(201);
      expect(refund.body).toMatchObject({ refund_id: expect.any(String), refunded_amount: 300 });
      expect(await order(orderId)).toMatchObject({
        captured_amount: 1250,
        refunded_amount: 300,
        refunds: [expect.objectContaining({ refund_id: refund.body.refund_id })],
      });
      const [ledger] = await emu.orders();
      expect(ledger).toMatchObject({
        order_id: orderId,
        status: 'CAPTURED',
        captured_amount: 1250,
        refunded_amount: 300,
        remaining_authorized_amount: 0,
        captures: [expect.objectContaining({ capture_id: capture.body.capture_id, source: 'portal' })],
        refunds: [
          expect.objectContaining({
            refund_id: refund.body.refund_id,
            source: 'portal',
            idempotency_key: null,
          }),
        ],
      });
      const tooMuch = await emu.control('POST', `/orders/${orderId}/refunds`, { refunded_amount: 951 });
      expect(tooMuch).toMatchObject({ status: 403, body: { error_code: 'REFUND_NOT_ALLOWED' } });
      expect((await emu.control('GET', `/orders/${orderId}`)).body.refunded_amount).toBe(300);
      expect((await emu.control('GET', '/orders/nope')).status).toBe(404);
    });

    it('forgets orders, captures and refunds on reset', async () => {
      const orderId = await emu.placeOrder({ autoCapture: true });
      await emu.reset();
      refusal(await emu.omOrder(orderId), 404, 'NO_SUCH_ORDER');
      expect(await emu.orders()).toEqual([]);
    });
  });
});
