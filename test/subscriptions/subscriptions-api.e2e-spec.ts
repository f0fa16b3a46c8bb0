import { randomUUID } from 'node:crypto';
import {
  activeToken,
  cycles,
  drain,
  getSubscription,
  historyTypes,
  ledger,
  outboxTypes,
  type Stack,
  startStack,
  stopAll,
  subscribe,
  subscriptionBody,
  type Token,
} from './support';
import { createMerchant } from '../support/test-app';

describe('subscriptions API', () => {
  let s: Stack;
  let token: Token;
  beforeAll(async () => {
    s = await startStack();
    token = await activeToken(s);
  });
  afterEach(async () => {
    await stopAll(s);
  });
  afterAll(async () => {
    await s.t.close();
  });

  // Starting a subscription needs an Idempotency-Key; every call here is a new intent.
  const post = (path: string, body?: unknown, key = s.merchant.key) =>
    s.t.request('POST', path, { key, body, headers: { 'idempotency-key': randomUUID() } });

  it('starting today charges the first cycle before answering, with the subscription object on every line', async () => {
    const before = (await ledger(s.t, token.klarnaTokenId)).length;
    const res = await post(
      `/v1/customer-tokens/${token.id}/subscriptions`,
      subscriptionBody({ metadata: { plan: 'm' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^sub_[0-9A-Z]{26}$/),
      customer_token_id: token.id,
      status: 'active',
      interval: 'MONTH',
      interval_count: 1,
      start_date: '2026-03-01',
      current_cycle: 1,
      next_charge_at: '2026-04-01T00:00:00.000Z',
      metadata: { plan: 'm' },
      latest_cycle: { cycle: 1, status: 'succeeded', attempts: 1, order_id: expect.stringMatching(/^ord_/) },
    });
    expect(res.body.order.order_lines[0].subscription).toEqual({
      name: 'Monthly plan',
      interval: 'MONTH',
      interval_count: 1,
    });
    const orders = await ledger(s.t, token.klarnaTokenId);
    expect(orders).toHaveLength(before + 1);
    expect(orders[orders.length - 1].merchant_reference2).toBe(`${res.body.id}:cycle:1`);
    // What Klarna received carries the subscription object.
    const requests = (await s.t.emulator!.request('GET', '/emulator/v1/requests')).body.requests as {
      path: string;
      body: { order_lines: { subscription?: unknown }[] };
    }[];
    const tokenOrder = requests.filter((r) => r.path.endsWith('/order')).pop()!;
    expect(tokenOrder.body.order_lines[0].subscription).toEqual({
      name: 'Monthly plan',
      interval: 'MONTH',
      interval_count: 1,
    });
    // The job finds nothing more to do.
    expect(await drain(s.t)).toBe(0);
    expect(await outboxTypes(s, res.body.id)).toEqual(['subscription.created', 'subscription.charged']);
    // The webhook of the charge carries the subscription as the API shows it after the charge (built from rows on
    // the charge path, not from entities), and what was charged.
    const charged = await s.t.db.query(
      `select data from events where type = 'subscription.charged' and data->>'id' = $1`,
      [res.body.id],
    );
    const { details, ...shown } = charged.rows[0].data;
    expect(details).toEqual({ order_id: res.body.latest_cycle.order_id, order_status: 'accepted' });
    expect(shown).toEqual(res.body);
    expect(shown).toEqual(await getSubscription(s, res.body.id));
  });

  it('a future start date charges nothing until that day', async () => {
    const sub = await subscribe(s, token.id, { start_date: '2026-03-15' });
    expect(sub).toMatchObject({
      current_cycle: 0,
      latest_cycle: null,
      next_charge_at: '2026-03-15T00:00:00.000Z',
    });
    expect(await drain(s.t)).toBe(0);
    expect(await cycles(s, sub.id)).toEqual([]);
  });

  it('refuses what the consent does not cover with 422 CONSENT_SCOPE_EXCEEDED naming the limit', async () => {
    const path = `/v1/customer-tokens/${token.id}/subscriptions`;
    const countSubs = async (): Promise<number> =>
      (
        await s.t.db.query('select count(*)::int as n from subscriptions where merchant_id = $1', [
          s.merchant.id,
        ])
      ).rows[0].n;
    const before = await countSubs();
    const cases: [Record<string, unknown>, string, string][] = [
      [
        {
          order: {
            purchase_currency: 'SEK',
            order_amount: 6000,
            order_tax_amount: 1200,
            order_lines: [
              {
                ...subscriptionBody().order.order_lines[0],
                unit_price: 6000,
                total_amount: 6000,
                total_tax_amount: 1200,
              },
            ],
          },
        },
        'max_order_amount',
        'order.order_amount',
      ],
      [
        { order: { ...subscriptionBody().order, purchase_currency: 'EUR' } },
        'currency',
        'order.purchase_currency',
      ],
      [{ interval: 'WEEK' }, 'interval', 'interval'],
      [{ interval_count: 2, start_date: '2026-03-01' }, 'interval', 'interval'],
    ];
    for (const [overrides, limit, field] of cases) {
      const res = await post(path, subscriptionBody(overrides));
      expect({ status: res.status, code: res.body.code }).toEqual({
        status: 422,
        code: 'CONSENT_SCOPE_EXCEEDED',
      });
      expect(res.body.detail).toContain(limit);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
    }
    const onDemand = await activeToken(s, {
      intended_use: 'ON_DEMAND',
      scope: { currency: 'SEK', max_order_amount: 5000 },
    });
    const res = await post(`/v1/customer-tokens/${onDemand.id}/subscriptions`, subscriptionBody());
    expect(res.status).toBe(422);
    expect(res.body.detail).toContain('intended_use');
    expect(await countSubs()).toBe(before);
  });

  it('validates the body with the JSON path of each bad field', async () => {
    const path = `/v1/customer-tokens/${token.id}/subscriptions`;
    const bad = await post(path, {
      interval: 'FORTNIGHT',
      start_date: '2026-02-30',
      order: {
        purchase_currency: 'SEK',
        order_amount: 1000,
        order_tax_amount: 100,
        order_lines: [
          {
            ...subscriptionBody().order.order_lines[0],
            subscription: { name: 'x', interval: 'DAY', interval_count: 1 },
          },
        ],
      },
      retry_policy: { delays_days: [3, 1] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['interval']);

    const semantic = await post(path, {
      ...subscriptionBody(),
      start_date: '2026-02-30',
      end_date: '2026-01-01',
      order: {
        ...subscriptionBody().order,
        order_tax_amount: 100,
        order_lines: [
          {
            ...subscriptionBody().order.order_lines[0],
            subscription: { name: 'x', interval: 'DAY', interval_count: 1 },
          },
        ],
      },
      retry_policy: { delays_days: [3, 1] },
      metadata: { plan: 5 },
    });
    expect(semantic.status).toBe(400);
    expect(semantic.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      [
        'start_date',
        'end_date',
        'order.order_lines[0].subscription.interval',
        'order.order_tax_amount',
        'retry_policy.delays_days',
        'metadata.plan',
      ].sort(),
    );
    const backdated = await post(path, subscriptionBody({ start_date: '2026-01-15' }));
    expect(backdated.status).toBe(400);
    expect(backdated.body.errors[0].field).toBe('start_date');
    expect((await post(path, {})).status).toBe(400);
  });

  it('answers 404 for another merchant’s token and subscription, and 409 for a token that is not active', async () => {
    const sub = await subscribe(s, token.id, { start_date: '2026-04-01' });
    const other = await createMerchant(s.t, 'Other');
    const key = other.key;
    expect(
      (await post(`/v1/customer-tokens/${token.id}/subscriptions`, subscriptionBody(), key)).status,
    ).toBe(404);
    for (const [method, path] of [
      ['GET', `/v1/subscriptions/${sub.id}`],
      ['GET', `/v1/subscriptions/${sub.id}/cycles`],
      ['GET', `/v1/subscriptions/${sub.id}/events`],
      ['POST', `/v1/subscriptions/${sub.id}/cancel`],
      ['POST', `/v1/subscriptions/${sub.id}/pause`],
      ['POST', `/v1/subscriptions/${sub.id}/resume`],
    ]) {
      const res = await s.t.request(method, path, { key });
      expect({ path, status: res.status, code: res.body.code }).toEqual({
        path,
        status: 404,
        code: 'NOT_FOUND',
      });
    }
    expect((await s.t.request('GET', '/v1/subscriptions', { key })).body.data).toEqual([]);
    expect((await getSubscription(s, sub.id)).status).toBe('active');

    const canceled = await activeToken(s);
    expect((await post(`/v1/customer-tokens/${canceled.id}/cancel`)).status).toBe(202);
    const res = await post(`/v1/customer-tokens/${canceled.id}/subscriptions`, subscriptionBody());
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 409, code: 'TOKEN_NOT_ACTIVE' });
  });

  it('pauses, resumes without charging the paused cycles, and cancels for good', async () => {
    s.clock.set(new Date('2026-03-01T09:00:00Z'));
    const sub = await subscribe(s, token.id);
    expect(sub.current_cycle).toBe(1);

    const paused = await post(`/v1/subscriptions/${sub.id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: 'paused', next_charge_at: null });
    expect((await post(`/v1/subscriptions/${sub.id}/pause`)).body.status).toBe('paused');

    // April and May fall in the pause: nothing is charged.
    s.clock.set(new Date('2026-05-20T10:00:00Z'));
    expect(await drain(s.t)).toBe(0);
    const resumed = await post(`/v1/subscriptions/${sub.id}/resume`);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({
      status: 'active',
      current_cycle: 1,
      next_charge_at: '2026-06-01T00:00:00.000Z',
    });

    s.clock.set(new Date('2026-06-01T06:00:00Z'));
    expect(await drain(s.t)).toBe(1);
    expect((await cycles(s, sub.id)).map((c) => [c.cycle, c.status])).toEqual([
      [1, 'succeeded'],
      [4, 'succeeded'],
    ]);

    const canceled = await post(`/v1/subscriptions/${sub.id}/cancel`);
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({
      status: 'canceled',
      status_reason: 'merchant',
      next_charge_at: null,
    });
    expect(canceled.body.canceled_at).toBe('2026-06-01T06:00:00.000Z');
    expect((await post(`/v1/subscriptions/${sub.id}/cancel`)).status).toBe(200);
    const again = await post(`/v1/subscriptions/${sub.id}/resume`);
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'SUBSCRIPTION_CANCELED',
    });
    expect((await post(`/v1/subscriptions/${sub.id}/pause`)).status).toBe(409);
    s.clock.set(new Date('2026-07-02T00:00:00Z'));
    expect(await drain(s.t)).toBe(0);
    expect(
      (await ledger(s.t, token.klarnaTokenId)).filter((o) => o.merchant_reference2.startsWith(sub.id)),
    ).toHaveLength(2);
    expect(await outboxTypes(s, sub.id)).toEqual([
      'subscription.created',
      'subscription.charged',
      'subscription.paused',
      'subscription.resumed',
      'subscription.charged',
      'subscription.canceled',
    ]);
    expect(await historyTypes(s, sub.id)).toEqual([
      'created',
      'charged',
      'paused',
      'resumed',
      'charged',
      'canceled',
    ]);
    const history = await s.t.request('GET', `/v1/subscriptions/${sub.id}/events`, { key: s.merchant.key });
    expect(history.body.data[0]).toMatchObject({
      type: 'canceled',
      from_status: 'active',
      to_status: 'canceled',
    });
    expect(history.body.data.find((e: { type: string }) => e.type === 'resumed').data).toEqual({
      cycles_not_charged: 2,
    });
  });

  it('lists with filters and a cursor', async () => {
    s.clock.set(new Date('2026-08-01T09:00:00Z'));
    const second = await activeToken(s);
    const a = await subscribe(s, second.id, { start_date: '2026-08-10' });
    const b = await subscribe(s, second.id, { start_date: '2026-08-11' });
    const c = await subscribe(s, second.id, { start_date: '2026-08-12' });
    await post(`/v1/subscriptions/${b.id}/pause`);
    const key = s.merchant.key;
    const byToken = await s.t.request('GET', `/v1/subscriptions?customer_token_id=${second.id}&limit=2`, {
      key,
    });
    expect(byToken.body.data.map((x: { id: string }) => x.id)).toEqual([c.id, b.id]);
    const next = await s.t.request(
      'GET',
      `/v1/subscriptions?customer_token_id=${second.id}&limit=2&cursor=${byToken.body.next_cursor}`,
      { key },
    );
    expect(next.body).toEqual({ data: [expect.objectContaining({ id: a.id })], next_cursor: null });
    const paused = await s.t.request('GET', `/v1/subscriptions?status=paused`, { key });
    expect(paused.body.data.map((x: { id: string }) => x.id)).toContain(b.id);
    expect(paused.body.data.every((x: { status: string }) => x.status === 'paused')).toBe(true);
    expect((await s.t.request('GET', '/v1/subscriptions?status=nope', { key })).status).toBe(400);
  });

  it('stores the merchant dunning policy and validates it', async () => {
    const key = s.merchant.key;
    expect((await s.t.request('GET', '/v1/merchant/dunning-policy', { key })).body).toEqual({
      delays_days: [1, 3, 7],
      source: 'default',
    });
    const set = await s.t.request('PUT', '/v1/merchant/dunning-policy', {
      key,
      body: { delays_days: [2, 5] },
    });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ delays_days: [2, 5], source: 'merchant' });
    expect((await s.t.request('GET', '/v1/merchant/dunning-policy', { key })).body.delays_days).toEqual([
      2, 5,
    ]);
    const bad = await s.t.request('PUT', '/v1/merchant/dunning-policy', {
      key,
      body: { delays_days: [5, 2, 0] },
    });
    expect(bad.status).toBe(400);
    await s.t.request('PUT', '/v1/merchant/dunning-policy', { key, body: { delays_days: [1, 3, 7] } });
  });
});
