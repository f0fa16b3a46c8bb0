import { klarnaOrder, moneyPost, readOrder } from './money-helpers';
import { activeToken, LINE, type Stack, startStack, stopAll, subscribe } from '../subscriptions/support';

describe('money: subscription cycles', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack();
  });
  afterEach(async () => {
    await stopAll(s);
  });
  afterAll(async () => {
    await s.t.close();
  });

  it('captures a cycle at once by default, and refunds it in part, then the rest', async () => {
    const token = await activeToken(s);
    const sub = await subscribe(s, token.id);
    const orderId = sub.latest_cycle.order_id as string;
    const order = await readOrder(s.t, s.merchant.key, orderId);
    expect(order).toMatchObject({ subscription_id: sub.id, status: 'accepted' });
    expect(order.money).toMatchObject({ status: 'captured', captured_amount: 1000 });

    const part = await moneyPost(s.t, s.merchant.key, orderId, 'refunds', {
      amount: 400,
      reason: 'Downgrade',
    });
    expect(part.status).toBe(201);
    const rest = await moneyPost(s.t, s.merchant.key, orderId, 'refunds', {
      amount: 600,
      reason: 'Cancelled',
    });
    expect(rest.status).toBe(201);
    const listed = await s.t.request('GET', `/v1/orders?subscription_id=${sub.id}`, { key: s.merchant.key });
    expect(listed.body.data).toEqual([
      expect.objectContaining({ id: orderId, money: expect.objectContaining({ refunded_amount: 1000 }) }),
    ]);
    const klarna = await klarnaOrder(s.t, order.klarna_order_id);
    expect(klarna).toMatchObject({ captured_amount: 1000, refunded_amount: 1000 });
    expect(klarna.refunds.map((r) => r.refunded_amount)).toEqual([400, 600]);
  });

  it('leaves cycles authorized when the subscription says auto_capture: false', async () => {
    const token = await activeToken(s);
    const sub = await subscribe(s, token.id, {
      order: {
        purchase_currency: 'SEK',
        order_amount: 1000,
        order_tax_amount: 200,
        order_lines: [LINE],
        auto_capture: false,
      },
    });
    expect(sub.order.auto_capture).toBe(false);
    const orderId = sub.latest_cycle.order_id as string;
    const order = await readOrder(s.t, s.merchant.key, orderId);
    expect(order.money).toMatchObject({
      status: 'authorized',
      captured_amount: 0,
      remaining_authorized_amount: 1000,
    });
    expect((await moneyPost(s.t, s.merchant.key, orderId, 'captures', {})).status).toBe(201);
    expect((await klarnaOrder(s.t, order.klarna_order_id)).status).toBe('CAPTURED');
  });
});
