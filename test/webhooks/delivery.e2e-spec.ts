import { EntityManager } from '@mikro-orm/postgresql';
import { verifyAutopaySignature } from '../../src/events/webhooks/signature';
import { recordDeliveryOutcome } from '../../src/events/webhooks/webhook-deliveries.queries';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import {
  deliveryJob,
  deliveryRow,
  emit,
  fake,
  partnerVerify,
  type Receiver,
  registerEndpoint,
  signaturesIn,
  startReceiver,
} from './support';

const HOUR = 3_600_000;
const seconds = (ms: number): number => Math.floor(ms / 1000);

describe('webhook delivery', () => {
  let t: TestApp;
  let receiver: Receiver;
  let merchant: { id: string; key: string };
  beforeAll(async () => {
    t = await startTestApp();
  });
  beforeEach(async () => {
    receiver = await startReceiver();
    merchant = await createMerchant(t, 'Deliveries');
  });
  afterEach(async () => {
    await receiver.close();
    // Leave nothing due for the next test.
    await t.db.query(`UPDATE webhook_deliveries SET status = 'canceled' WHERE status = 'pending'`);
  });
  afterAll(async () => {
    await t.close();
  });

  it('delivers an emitted event, signed so that a partner-side verifier accepts it and rejects tampering', async () => {
    const endpoint = await registerEndpoint(t, merchant.key, receiver.url, ['order.succeeded']);
    const eventId = await emit(t, merchant.id, 'order.succeeded', { id: 'ord_1', order_amount: 1999 });
    expect(receiver.requests).toHaveLength(0);

    expect(await deliveryJob(t).runOnce()).toBe(1);
    expect(receiver.requests).toHaveLength(1);
    const request = receiver.requests[0];
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/hooks');
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['autopay-event-id']).toBe(eventId);
    expect(request.headers['user-agent']).toMatch(/^Autopay-Webhooks\//);
    expect(JSON.parse(request.body)).toEqual({
      id: eventId,
      type: 'order.succeeded',
      created_at: t.clock.now().toISOString(),
      data: { id: 'ord_1', order_amount: 1999 },
    });

    const header = request.headers['autopay-signature'] as string;
    const now = seconds(t.clock.nowMs());
    expect(header).toMatch(new RegExp(`^t=${now},v1=[0-9a-f]{64}$`));
    expect(partnerVerify(request.body, header, endpoint.secret, now)).toBe(true);
    expect(verifyAutopaySignature(request.body, header, endpoint.secret, 300, now)).toBe(true);
    expect(partnerVerify(request.body.replace('1999', '1'), header, endpoint.secret, now)).toBe(false);
    expect(verifyAutopaySignature(request.body.replace('1999', '1'), header, endpoint.secret, 300, now)).toBe(
      false,
    );
    expect(partnerVerify(request.body, header, 'whsec_not_the_secret', now)).toBe(false);
    expect(partnerVerify(request.body, header, endpoint.secret, now + 301)).toBe(false);

    const row = await deliveryRow(t, eventId);
    expect(row).toMatchObject({
      status: 'succeeded',
      attempt_count: 1,
      last_status_code: 200,
      last_error: null,
    });
    expect(row.delivered_at).toEqual(t.clock.now());
    expect(await deliveryJob(t).runOnce()).toBe(0);
    expect(receiver.requests).toHaveLength(1);
  });

  it('retries a receiver that is down, then answers 500, and delivers once it is up', async () => {
    await registerEndpoint(t, merchant.key, receiver.url);
    await receiver.down();
    const eventId = await emit(t, merchant.id);

    expect(await deliveryJob(t).runOnce()).toBe(1);
    let row = await deliveryRow(t, eventId);
    expect(row).toMatchObject({ status: 'pending', attempt_count: 1, last_status_code: null });
    expect(row.last_error).toBe('ECONNREFUSED');
    const firstDelay = row.next_attempt_at.getTime() - t.clock.nowMs();
    expect(firstDelay).toBeGreaterThanOrEqual(60_000);
    expect(firstDelay).toBeLessThanOrEqual(72_000);

    // Not due yet: nothing happens without time passing.
    expect(await deliveryJob(t).runOnce()).toBe(0);

    await receiver.up();
    receiver.status = 500;
    fake(t).set(row.next_attempt_at);
    expect(await deliveryJob(t).runOnce()).toBe(1);
    row = await deliveryRow(t, eventId);
    expect(row).toMatchObject({
      status: 'pending',
      attempt_count: 2,
      last_status_code: 500,
      last_error: 'HTTP 500',
    });
    expect(row.next_attempt_at.getTime() - t.clock.nowMs()).toBeGreaterThan(firstDelay);

    receiver.status = 204;
    fake(t).set(row.next_attempt_at);
    expect(await deliveryJob(t).runOnce()).toBe(1);
    row = await deliveryRow(t, eventId);
    expect(row).toMatchObject({
      status: 'succeeded',
      attempt_count: 3,
      last_status_code: 204,
      last_error: null,
    });
    expect(receiver.requests.map((r) => r.headers['autopay-event-id'])).toEqual([eventId, eventId]);

    const event = await t.request('GET', `/v1/events/${eventId}`, { key: merchant.key });
    expect(event.status).toBe(200);
    expect(event.body.deliveries).toHaveLength(1);
    expect(event.body.deliveries[0]).toMatchObject({
      status: 'succeeded',
      attempts: 3,
      next_attempt_at: null,
    });
    expect(event.body.deliveries[0].attempt_log.map((a: any) => [a.status_code, a.error])).toEqual([
      [null, 'ECONNREFUSED'],
      [500, 'HTTP 500'],
      [204, null],
    ]);
  });

  it('backs off exponentially, gives up after 3 days, and sends again on request', async () => {
    const endpoint = await registerEndpoint(t, merchant.key, receiver.url);
    receiver.status = 503;
    const created = t.clock.nowMs();
    const eventId = await emit(t, merchant.id);

    const gaps: number[] = [];
    let row = await deliveryRow(t, eventId);
    for (let i = 0; i < 100 && row.status === 'pending'; i++) {
      fake(t).set(row.next_attempt_at);
      expect(await deliveryJob(t).runOnce()).toBe(1);
      row = await deliveryRow(t, eventId);
      if (row.status === 'pending') gaps.push(row.next_attempt_at.getTime() - t.clock.nowMs());
    }
    expect(row.status).toBe('failed');
    expect(row.next_attempt_at).toBeNull();
    expect(row.last_attempt_at.getTime() - created).toBe(72 * HOUR);
    expect(row.attempt_count).toBe(receiver.requests.length);
    expect(row.attempt_count).toBeGreaterThanOrEqual(15);
    expect(row.attempt_count).toBeLessThanOrEqual(25);
    for (let i = 1; i < 9; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(7.2 * HOUR);
    const attempts = await t.db.query(
      'SELECT count(*)::int AS n FROM webhook_delivery_attempts WHERE delivery_id = $1',
      [row.id],
    );
    expect(attempts.rows[0].n).toBe(row.attempt_count);

    // Nothing more happens on its own.
    fake(t).advance(24 * HOUR);
    expect(await deliveryJob(t).runOnce()).toBe(0);

    receiver.status = 200;
    const redelivered = await t.request('POST', `/v1/events/${eventId}/redeliver`, {
      key: merchant.key,
      body: {},
    });
    expect(redelivered.status).toBe(202);
    expect(redelivered.body.deliveries.map((d: any) => [d.endpoint_id, d.status])).toEqual([
      [endpoint.id, 'failed'],
      [endpoint.id, 'pending'],
    ]);
    expect(await deliveryJob(t).runOnce()).toBe(1);
    const event = await t.request('GET', `/v1/events/${eventId}`, { key: merchant.key });
    expect(event.body.deliveries.map((d: any) => d.status)).toEqual(['failed', 'succeeded']);
    expect(receiver.requests.at(-1)!.headers['autopay-event-id']).toBe(eventId);
  });

  it('sends again after a worker died mid-delivery, once its claim has expired', async () => {
    await registerEndpoint(t, merchant.key, receiver.url);
    const eventId = await emit(t, merchant.id);
    const claimed = await deliveryJob(t).claim(10);
    expect(claimed.map((c) => c.eventId)).toEqual([eventId]);
    // The worker "crashes" here: it never sends nor records anything.

    expect(await deliveryJob(t).runOnce()).toBe(0);
    // The lease is one attempt long: the HTTP timeout (10 s) plus a 15 s margin to record the outcome.
    fake(t).advance(10_000 + 15_000 - 1);
    expect(await deliveryJob(t).runOnce()).toBe(0);
    fake(t).advance(1);
    expect(await deliveryJob(t).runOnce()).toBe(1);
    expect(receiver.requests).toHaveLength(1);
    const delivered = await deliveryRow(t, eventId);
    expect(delivered).toMatchObject({ status: 'succeeded', attempt_count: 1 });

    // The first worker was only slow: its late outcome, under the claim that expired, changes nothing.
    const late = await recordDeliveryOutcome(
      t.app.get(EntityManager).fork(),
      {
        id: claimed[0].id,
        lockToken: claimed[0].lockToken,
        status: 'failed',
        attemptCount: 1,
        nextAttemptAt: null,
        statusCode: 500,
        error: 'HTTP 500',
        durationMs: 1,
        deliveredAt: null,
        attemptId: 'wha_late',
      },
      t.clock.now(),
    );
    expect(late).toBe(false);
    expect(await deliveryRow(t, eventId)).toEqual(delivered);
    const attempts = await t.db.query('SELECT id FROM webhook_delivery_attempts WHERE delivery_id = $1', [
      delivered.id,
    ]);
    expect(attempts.rows).toHaveLength(1);
    expect(attempts.rows[0].id).not.toBe('wha_late');
  });

  it('signs with both secrets during a rotation window and with the new one only afterwards', async () => {
    const endpoint = await registerEndpoint(t, merchant.key, receiver.url);
    const rotated = await t.request('POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, {
      key: merchant.key,
    });
    const newSecret = rotated.body.secret as string;

    await emit(t, merchant.id);
    await deliveryJob(t).runOnce();
    const during = receiver.requests[0];
    const header = during.headers['autopay-signature'] as string;
    const now = seconds(t.clock.nowMs());
    expect(signaturesIn(header)).toHaveLength(2);
    expect(partnerVerify(during.body, header, newSecret, now)).toBe(true);
    expect(partnerVerify(during.body, header, endpoint.secret, now)).toBe(true);

    fake(t).advance(24 * HOUR + 1000);
    await emit(t, merchant.id);
    await deliveryJob(t).runOnce();
    const after = receiver.requests[1];
    const afterHeader = after.headers['autopay-signature'] as string;
    const later = seconds(t.clock.nowMs());
    expect(signaturesIn(afterHeader)).toHaveLength(1);
    expect(partnerVerify(after.body, afterHeader, newSecret, later)).toBe(true);
    expect(partnerVerify(after.body, afterHeader, endpoint.secret, later)).toBe(false);
    const read = await t.request('GET', `/v1/webhook-endpoints/${endpoint.id}`, { key: merchant.key });
    expect(read.body.previous_secret_expires_at).toBeNull();
  });

  it('delivers only to enabled endpoints subscribed to the type, and cancels deliveries of a disabled one', async () => {
    const other = await startReceiver();
    try {
      const orders = await registerEndpoint(t, merchant.key, receiver.url, ['order.succeeded']);
      await registerEndpoint(t, merchant.key, other.url, ['customer_token.created']);
      await emit(t, merchant.id, 'customer_token.suspended', { id: 'ctok_1' });
      const succeeded = await emit(t, merchant.id, 'order.succeeded');
      expect(await deliveryJob(t).runOnce()).toBe(1);
      expect(receiver.requests.map((r) => r.headers['autopay-event-id'])).toEqual([succeeded]);
      expect(other.requests).toHaveLength(0);

      const queued = await emit(t, merchant.id, 'order.succeeded');
      const disabled = await t.request('DELETE', `/v1/webhook-endpoints/${orders.id}`, { key: merchant.key });
      expect(disabled.body.status).toBe('disabled');
      expect(await deliveryJob(t).runOnce()).toBe(0);
      expect(receiver.requests).toHaveLength(1);
      expect(await deliveryRow(t, queued)).toMatchObject({ status: 'canceled', next_attempt_at: null });

      const none = await emit(t, merchant.id, 'order.succeeded');
      expect(await deliveryRow(t, none)).toBeUndefined();
    } finally {
      await other.close();
    }
  });
});
