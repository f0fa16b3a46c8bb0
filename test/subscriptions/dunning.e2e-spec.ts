import {
  activeToken,
  cycles,
  DAY_MS,
  drain,
  forceNextOrder,
  getSubscription,
  historyTypes,
  ledger,
  outboxTypes,
  type Stack,
  startStack,
  stopAll,
  subscribe,
  type Token,
} from './support';

describe('dunning', () => {
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

  it('retries a declined cycle after 1 day and recovers when the retry succeeds', async () => {
    s.clock.set(new Date('2026-03-01T09:00:00Z'));
    const sub = await subscribe(s, token.id, { start_date: '2026-03-02' });
    await forceNextOrder(s, token.klarnaTokenId, 'PAYMENT_METHOD_FAILED', 1);
    s.clock.set(new Date('2026-03-02T01:00:00Z'));
    expect(await drain(s.t)).toBe(1);
    let read = await getSubscription(s, sub.id);
    expect(read.status).toBe('active');
    expect(read.latest_cycle).toMatchObject({
      cycle: 1,
      status: 'scheduled',
      attempts: 1,
      last_error: 'PAYMENT_METHOD_FAILED',
      next_attempt_at: '2026-03-03T01:00:00.000Z',
    });
    expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(0);

    // Not before the day is over.
    s.clock.set(new Date('2026-03-03T00:59:00Z'));
    expect(await drain(s.t)).toBe(0);
    s.clock.set(new Date('2026-03-03T01:00:00Z'));
    expect(await drain(s.t)).toBe(1);
    read = await getSubscription(s, sub.id);
    expect(read.status).toBe('active');
    expect(read.latest_cycle).toMatchObject({ cycle: 1, status: 'succeeded', attempts: 2, last_error: null });
    const orders = await ledger(s.t, token.klarnaTokenId);
    expect(orders).toHaveLength(1);
    expect(orders[0].merchant_reference2).toBe(`${sub.id}:cycle:1`);
    expect(await outboxTypes(s, sub.id)).toEqual([
      'subscription.created',
      'subscription.payment_failed',
      'subscription.charged',
    ]);
    // The next cycle is charged as usual.
    s.clock.set(new Date('2026-04-02T00:10:00Z'));
    expect(await drain(s.t)).toBe(1);
    expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(2);
  });

  it('becomes past_due only after the last retry fails, and a later success recovers it', async () => {
    s.clock.set(new Date('2026-05-01T09:00:00Z'));
    const sub = await subscribe(s, token.id, { start_date: '2026-05-02' });
    await forceNextOrder(s, token.klarnaTokenId, 'PAYMENT_METHOD_FAILED', 4);
    const first = new Date('2026-05-02T00:30:00Z').getTime();
    const statuses: string[] = [];
    for (const day of [0, 1, 3, 7]) {
      s.clock.set(new Date(first + day * DAY_MS));
      expect(await drain(s.t)).toBe(1);
      statuses.push((await getSubscription(s, sub.id)).status);
    }
    expect(statuses).toEqual(['active', 'active', 'active', 'past_due']);
    expect((await cycles(s, sub.id)).map((c) => [c.cycle, c.status, c.attempts, c.last_error])).toEqual([
      [1, 'failed', 4, 'PAYMENT_METHOD_FAILED'],
    ]);
    s.clock.set(new Date(first + 20 * DAY_MS));
    expect(await drain(s.t)).toBe(0);
    expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(2); // from the previous test only

    // The next month's cycle is still charged; its success makes the subscription active again.
    s.clock.set(new Date('2026-06-02T00:30:00Z'));
    expect(await drain(s.t)).toBe(1);
    expect((await getSubscription(s, sub.id)).status).toBe('active');
    expect(await outboxTypes(s, sub.id)).toEqual([
      'subscription.created',
      'subscription.payment_failed',
      'subscription.payment_failed',
      'subscription.payment_failed',
      'subscription.payment_failed',
      'subscription.past_due',
      'subscription.charged',
      'subscription.recovered',
    ]);
  });

  it('stops at once on a hard decline (past_due, no retry)', async () => {
    s.clock.set(new Date('2026-07-01T09:00:00Z'));
    const sub = await subscribe(s, token.id, { start_date: '2026-07-02' });
    await forceNextOrder(s, token.klarnaTokenId, 'UNAVAILABLE_PAYMENT_METHOD', 1);
    s.clock.set(new Date('2026-07-02T00:30:00Z'));
    expect(await drain(s.t)).toBe(1);
    const read = await getSubscription(s, sub.id);
    expect(read.status).toBe('past_due');
    expect(read.latest_cycle).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'UNAVAILABLE_PAYMENT_METHOD',
    });
    s.clock.set(new Date('2026-07-12T00:30:00Z'));
    expect(await drain(s.t)).toBe(0);
    expect(await historyTypes(s, sub.id)).toEqual(['created', 'payment_failed', 'past_due']);
  });

  it("follows the merchant's dunning policy, and a subscription's own retry_policy over it", async () => {
    s.clock.set(new Date('2026-09-01T09:00:00Z'));
    const key = s.merchant.key;
    expect(
      (await s.t.request('PUT', '/v1/merchant/dunning-policy', { key, body: { delays_days: [2] } })).status,
    ).toBe(200);
    const merchantPolicy = await subscribe(s, token.id, { start_date: '2026-09-02' });
    const own = await subscribe(s, token.id, { start_date: '2026-09-02', retry_policy: { delays_days: [] } });
    await forceNextOrder(s, token.klarnaTokenId, 'PAYMENT_METHOD_FAILED', 2);
    s.clock.set(new Date('2026-09-02T00:30:00Z'));
    expect(await drain(s.t)).toBe(2);
    expect((await getSubscription(s, own.id)).status).toBe('past_due');
    const viaMerchant = await getSubscription(s, merchantPolicy.id);
    expect(viaMerchant.status).toBe('active');
    expect(viaMerchant.latest_cycle.next_attempt_at).toBe('2026-09-04T00:30:00.000Z');
    s.clock.set(new Date('2026-09-04T00:30:00Z'));
    expect(await drain(s.t)).toBe(1);
    expect((await getSubscription(s, merchantPolicy.id)).latest_cycle).toMatchObject({
      status: 'succeeded',
      attempts: 2,
    });
    await s.t.request('PUT', '/v1/merchant/dunning-policy', { key, body: { delays_days: [1, 3, 7] } });
  });

  it('halts (no retries) when Klarna says the token is suspended, and emits the token event', async () => {
    s.clock.set(new Date('2026-10-01T09:00:00Z'));
    const own = await activeToken(s);
    const sub = await subscribe(s, own.id, { start_date: '2026-10-02' });
    await forceNextOrder(s, own.klarnaTokenId, 'TOKEN_SUSPENDED', 1);
    s.clock.set(new Date('2026-10-02T00:30:00Z'));
    // Fresh check so that only the charge tells us.
    await s.t.db.query('update customer_tokens set status_checked_at = $1 where id = $2', [
      s.clock.now(),
      own.id,
    ]);
    expect(await drain(s.t)).toBe(1);
    const read = await getSubscription(s, sub.id);
    expect(read).toMatchObject({ status: 'halted', status_reason: 'token_suspended', next_charge_at: null });
    expect(read.latest_cycle).toMatchObject({ status: 'failed', last_error: 'TOKEN_SUSPENDED' });
    const tokenRow = await s.t.request('GET', `/v1/customer-tokens/${own.id}`, { key: s.merchant.key });
    expect(tokenRow.body.status).toBe('suspended');
    const events = await s.t.db.query(
      `select type from events where data->'customer_token'->>'id' = $1 order by id`,
      [own.id],
    );
    expect(events.rows.map((r: { type: string }) => r.type)).toEqual([
      'customer_token.created',
      'customer_token.suspended',
    ]);
    expect(await outboxTypes(s, sub.id)).toContain('subscription.halted');
  });
});
