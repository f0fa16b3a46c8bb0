import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { deliveryJob, emit, fake, type Receiver, registerEndpoint, startReceiver } from './support';

describe('GET /v1/events', () => {
  let t: TestApp;
  let receiver: Receiver;
  let merchant: { id: string; key: string };
  let endpoint: { id: string };
  const ids: string[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    receiver = await startReceiver();
    merchant = await createMerchant(t, 'Events');
    endpoint = await registerEndpoint(t, merchant.key, receiver.url, ['order.succeeded']);
    const types = [
      'order.succeeded',
      'order.failed',
      'order.succeeded',
      'order.failed',
      'order.succeeded',
    ] as const;
    for (const [i, type] of types.entries()) {
      fake(t).advance(1000);
      ids.push(await emit(t, merchant.id, type, { id: `ord_${i}` }));
    }
    receiver.status = 500;
    await deliveryJob(t).runOnce();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it('lists events newest first with the delivery status per endpoint', async () => {
    const res = await t.request('GET', '/v1/events', { key: merchant.key });
    expect(res.status).toBe(200);
    expect(res.body.next_cursor).toBeNull();
    expect(res.body.data.map((e: any) => e.id)).toEqual([...ids].reverse());
    const newest = res.body.data[0];
    expect(newest).toMatchObject({ type: 'order.succeeded', data: { id: 'ord_4' } });
    expect(newest.deliveries).toEqual([
      expect.objectContaining({
        endpoint_id: endpoint.id,
        status: 'pending',
        attempts: 1,
        last_status_code: 500,
        last_error: 'HTTP 500',
        delivered_at: null,
      }),
    ]);
    expect(newest.deliveries[0].next_attempt_at).not.toBeNull();
    expect(newest.deliveries[0].attempt_log).toBeUndefined();
    expect(res.body.data[1]).toMatchObject({ type: 'order.failed', deliveries: [] });
  });

  it('filters by type and pages with a cursor', async () => {
    const failed = await t.request('GET', '/v1/events?type=order.failed', { key: merchant.key });
    expect(failed.body.data.map((e: any) => e.id)).toEqual([ids[3], ids[1]]);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: any = await t.request('GET', `/v1/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`, {
        key: merchant.key,
      });
      expect(page.status).toBe(200);
      seen.push(...page.body.data.map((e: any) => e.id));
      cursor = page.body.next_cursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual([...ids].reverse());

    expect((await t.request('GET', '/v1/events?type=order.shipped', { key: merchant.key })).status).toBe(400);
    expect((await t.request('GET', '/v1/events?cursor=bogus', { key: merchant.key })).status).toBe(400);
  });

  it("answers 404 for another merchant's event and shows it none of these", async () => {
    const other = await createMerchant(t, 'Someone else');
    const read = await t.request('GET', `/v1/events/${ids[0]}`, { key: other.key });
    expect(read.status).toBe(404);
    expect(read.body.code).toBe('NOT_FOUND');
    const redeliver = await t.request('POST', `/v1/events/${ids[0]}/redeliver`, { key: other.key, body: {} });
    expect(redeliver.status).toBe(404);
    expect((await t.request('GET', '/v1/events', { key: other.key })).body.data).toEqual([]);

    const foreignEndpoint = await registerEndpoint(t, other.key, receiver.url);
    const viaForeign = await t.request('POST', `/v1/events/${ids[0]}/redeliver`, {
      key: merchant.key,
      body: { endpoint_id: foreignEndpoint.id },
    });
    expect(viaForeign.status).toBe(404);
    expect((await t.request('GET', `/v1/events/${ids[0]}`, { key: merchant.key })).status).toBe(200);
  });

  it('redelivers to a given endpoint, moving a pending delivery forward instead of doubling it', async () => {
    const before = await t.request('GET', `/v1/events/${ids[4]}`, { key: merchant.key });
    expect(before.body.deliveries).toHaveLength(1);
    receiver.status = 200;
    const res = await t.request('POST', `/v1/events/${ids[4]}/redeliver`, {
      key: merchant.key,
      body: { endpoint_id: endpoint.id },
    });
    expect(res.status).toBe(202);
    expect(res.body.deliveries).toHaveLength(1);
    expect(res.body.deliveries[0]).toMatchObject({
      id: before.body.deliveries[0].id,
      status: 'pending',
      next_attempt_at: t.clock.now().toISOString(),
    });
    receiver.requests.length = 0;
    expect(await deliveryJob(t).runOnce()).toBe(1);
    expect(receiver.requests.map((r) => r.headers['autopay-event-id'])).toEqual([ids[4]]);
  });

  it('refuses a redelivery with nowhere to go', async () => {
    // order.failed has no subscribed endpoint.
    const none = await t.request('POST', `/v1/events/${ids[3]}/redeliver`, { key: merchant.key, body: {} });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('NO_WEBHOOK_ENDPOINT');

    const spare = await registerEndpoint(t, merchant.key, receiver.url, ['order.failed']);
    await t.request('DELETE', `/v1/webhook-endpoints/${spare.id}`, { key: merchant.key });
    const disabled = await t.request('POST', `/v1/events/${ids[3]}/redeliver`, {
      key: merchant.key,
      body: { endpoint_id: spare.id },
    });
    expect(disabled.status).toBe(409);
    expect(disabled.body.code).toBe('WEBHOOK_ENDPOINT_DISABLED');
  });
});
