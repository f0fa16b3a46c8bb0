import { createApp } from '../../src/app/app.factory';
import { loadConfig } from '../../src/config/app-config';
import { OrderCompleterJob } from '../../src/charging/orders/order-completer.job';
import { OrdersService } from '../../src/charging/orders/orders.service';
import { SubscriptionCharger } from '../../src/charging/subscriptions/subscription-charger';
import { createMerchant, FAST_KLARNA_ENV } from '../support/test-app';
import { TEST_ENV } from '../support/test-env';
import {
  activeToken,
  charger,
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
} from './support';

describe('subscription scheduler', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ SUBSCRIPTIONS_BATCH_SIZE: '7' });
  });
  afterEach(async () => {
    await stopAll(s);
  });
  afterAll(async () => {
    await s.t.close();
  });

  it('charges a monthly subscription once per month for 12 months, anchored on the start date', async () => {
    s.clock.set(new Date('2026-03-01T09:00:00Z'));
    const token = await activeToken(s);
    const sub = await subscribe(s, token.id, { start_date: '2026-03-01' });
    // Today: charged before the answer.
    expect(sub.status).toBe('active');
    expect(sub.current_cycle).toBe(1);
    expect(sub.latest_cycle).toMatchObject({ cycle: 1, status: 'succeeded', attempts: 1 });
    expect(sub.next_charge_at).toBe('2026-04-01T00:00:00.000Z');

    // Nothing more is due within the month, however often the scheduler runs.
    s.clock.set(new Date('2026-03-31T23:59:00Z'));
    expect(await drain(s.t)).toBe(0);

    for (let month = 2; month <= 12; month++) {
      const due = new Date(Date.UTC(2026, 2 + month - 1, 1));
      s.clock.set(new Date(due.getTime() + 3_600_000));
      expect(await drain(s.t)).toBe(1);
      expect(await drain(s.t)).toBe(0);
      const read = await getSubscription(s, sub.id);
      expect(read.current_cycle).toBe(month);
      expect(read.next_charge_at).toBe(new Date(Date.UTC(2026, 2 + month, 1)).toISOString());
    }

    const rows = await cycles(s, sub.id);
    expect(rows.map((r) => [r.cycle, r.status, r.attempts])).toEqual(
      Array.from({ length: 12 }, (_, i) => [i + 1, 'succeeded', 1]),
    );
    expect(rows.map((r) => r.due_at.toISOString().slice(0, 10))).toEqual([
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
      '2026-09-01',
      '2026-10-01',
      '2026-11-01',
      '2026-12-01',
      '2027-01-01',
      '2027-02-01',
    ]);
    const orders = await ledger(s.t, token.klarnaTokenId);
    expect(orders).toHaveLength(12);
    expect(new Set(orders.map((o) => o.idempotency_key)).size).toBe(12);
    expect(orders.map((o) => o.merchant_reference2).sort()).toEqual(
      Array.from({ length: 12 }, (_, i) => `${sub.id}:cycle:${i + 1}`).sort(),
    );
    expect(orders.every((o) => o.order_amount === 1000)).toBe(true);
    expect(new Set(rows.map((r) => r.order_id)).size).toBe(12);

    expect(await outboxTypes(s, sub.id)).toEqual([
      'subscription.created',
      ...Array.from({ length: 12 }, () => 'subscription.charged'),
    ]);
    expect(await historyTypes(s, sub.id)).toEqual([
      'created',
      ...Array.from({ length: 12 }, () => 'charged'),
    ]);
  });

  it('keeps month ends: Jan 31 → Feb 28 → Mar 31 → Apr 30, and ends after end_date', async () => {
    s.clock.set(new Date('2027-01-20T10:00:00Z'));
    const token = await activeToken(s);
    const sub = await subscribe(s, token.id, { start_date: '2027-01-31', end_date: '2027-04-30' });
    expect(sub.current_cycle).toBe(0);
    expect(sub.next_charge_at).toBe('2027-01-31T00:00:00.000Z');
    expect(await drain(s.t)).toBe(0);

    const seen: string[] = [];
    for (const at of [
      '2027-01-31T00:00:00Z',
      '2027-02-28T00:00:01Z',
      '2027-03-31T08:00:00Z',
      '2027-04-30T23:00:00Z',
    ]) {
      s.clock.set(new Date(at));
      expect(await drain(s.t)).toBe(1);
      seen.push((await getSubscription(s, sub.id)).latest_cycle.due_at.slice(0, 10));
    }
    expect(seen).toEqual(['2027-01-31', '2027-02-28', '2027-03-31', '2027-04-30']);
    const ended = await getSubscription(s, sub.id);
    expect(ended).toMatchObject({
      status: 'canceled',
      status_reason: 'ended',
      next_charge_at: null,
      current_cycle: 4,
    });
    s.clock.set(new Date('2027-06-01T00:00:00Z'));
    expect(await drain(s.t)).toBe(0);
    expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(4);
    expect(await outboxTypes(s, sub.id)).toContain('subscription.canceled');
  });

  it('catches up after downtime by charging the newest missed cycle once and skipping the older ones', async () => {
    s.clock.set(new Date('2027-07-01T09:00:00Z'));
    const token = await activeToken(s, {
      scope: { currency: 'SEK', max_order_amount: 5000, interval: 'WEEK', interval_count: 1 },
    });
    const sub = await subscribe(s, token.id, { interval: 'WEEK', start_date: '2027-07-01' });
    expect(sub.latest_cycle.status).toBe('succeeded');

    // Down for 23 days: cycles 2 (Jul 8), 3 (Jul 15) and 4 (Jul 22) came due meanwhile.
    s.clock.set(new Date('2027-07-24T12:00:00Z'));
    expect(await drain(s.t)).toBe(1);
    expect(await drain(s.t)).toBe(0);
    expect((await cycles(s, sub.id)).map((r) => [r.cycle, r.status, r.last_error])).toEqual([
      [1, 'succeeded', null],
      [2, 'skipped', 'MISSED'],
      [3, 'skipped', 'MISSED'],
      [4, 'succeeded', null],
    ]);
    expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(2);
    expect((await getSubscription(s, sub.id)).next_charge_at).toBe('2027-07-29T00:00:00.000Z');
  });

  it('charges every cycle exactly once with two service instances running the scheduler at once', async () => {
    s.clock.set(new Date('2028-01-01T09:00:00Z'));
    // A second instance of the service on the same database (its own Klarna client, pool and charger).
    const second = await createApp(
      loadConfig({
        ...TEST_ENV,
        ...FAST_KLARNA_ENV,
        DATABASE_URL: s.t.dbUrl,
        KLARNA_BASE_URL: s.t.emulator!.url,
        SUBSCRIPTIONS_BATCH_SIZE: '7',
        SUBSCRIPTIONS_MERCHANT_CONCURRENCY: '5',
      }),
      { clock: s.clock },
    );
    await second.init();
    try {
      const tokens = [await activeToken(s), await activeToken(s), await activeToken(s)];
      const subs: string[] = [];
      for (let i = 0; i < 30; i++) {
        // Start tomorrow, so that nothing is charged at creation and both instances race for every cycle.
        subs.push((await subscribe(s, tokens[i % 3].id, { start_date: '2028-01-02' })).id);
      }
      const before = (await ledger(s.t)).length;
      const instances = [s.t.app.get(SubscriptionCharger), second.get(SubscriptionCharger)];
      let claimedIds: string[] = [];
      const loop = async (charger: SubscriptionCharger): Promise<number> => {
        let handled = 0;
        for (;;) {
          const claimed = await charger.claim(7);
          if (claimed.length === 0 && (await charger.materialize(7)) === 0) return handled;
          claimedIds.push(...claimed.map((c) => c.id));
          await charger.chargeAll(claimed);
          handled += claimed.length;
        }
      };
      const charging = async (): Promise<number> =>
        (
          await s.t.db.query<{ n: number }>(
            `select count(*)::int as n from subscription_cycles where subscription_id = any($1) and status = 'charging'`,
            [subs],
          )
        ).rows[0].n;
      const round = async (): Promise<number[]> => {
        // Each instance's orders completer finishes what Klarna left unknown (as its periodic job would).
        await Promise.all([
          s.t.app.get(OrderCompleterJob).runOnce(),
          second.get(OrderCompleterJob).runOnce(),
        ]);
        claimedIds = [];
        // Two loops per instance, all concurrent.
        const counts = await Promise.all([...instances, ...instances].map(loop));
        // No cycle is ever held by two workers at once.
        expect(claimedIds.filter((id, i) => claimedIds.indexOf(id) !== i)).toEqual([]);
        return counts;
      };
      for (const at of ['2028-01-02T00:05:00Z', '2028-02-02T00:05:00Z', '2028-03-02T00:05:00Z']) {
        s.clock.set(new Date(at));
        // Some charges hang past the client's timeout, so that some outcomes are unknown in every run, not only
        // on a loaded machine.
        await s.t.emulator!.request('PUT', '/emulator/v1/faults', {
          hang_rate: 0.2,
          hang_ms: 700,
          paths: ['^/customer-token/v1/tokens/[^/]+/order$'],
        });
        let counts: number[];
        try {
          counts = await round();
        } finally {
          await s.t.emulator!.request('DELETE', '/emulator/v1/faults');
        }
        expect(counts.filter((c) => c > 0).length).toBeGreaterThan(1);
        // A charge may end without an outcome (a Klarna timeout): the cycle stays `charging` until
        // the orders completer finishes its order and the cycle is looked at again. Ten minutes later each, as
        // the periodic jobs would, until none is left. This must happen before the next month: an outcome still
        // unknown after 20 hours is given up (Klarna's idempotency window), as CI once showed by leaving 4 of
        // 90 cycles charging when the clock jumped a month past their unknown orders.
        for (let step = 1; step <= 12 && (await charging()) > 0; step++) {
          s.clock.set(new Date(Date.parse(at) + step * 10 * 60_000));
          await round();
        }
        expect(await charging()).toBe(0);
      }
      const orders = (await ledger(s.t)).slice(before);
      expect(orders).toHaveLength(90);
      expect(new Set(orders.map((o) => o.idempotency_key)).size).toBe(90);
      expect(new Set(orders.map((o) => o.merchant_reference2)).size).toBe(90);
      const states = await s.t.db.query(
        `select status, count(*)::int as n from subscription_cycles where subscription_id = any($1) group by status`,
        [subs],
      );
      expect(states.rows).toEqual([{ status: 'succeeded', n: 90 }]);
      const charged = await s.t.db.query(
        `select count(*)::int as n from events where type = 'subscription.charged' and data->>'id' = any($1)`,
        [subs],
      );
      expect(charged.rows[0].n).toBe(90);
    } finally {
      await second.close();
    }
  });

  it('survives a worker that died mid-charge: after the lease another one charges with the same key', async () => {
    s.clock.set(new Date('2029-01-01T09:00:00Z'));
    const token = await activeToken(s);
    const sub = await subscribe(s, token.id, { start_date: '2029-01-02' });
    s.clock.set(new Date('2029-01-02T01:00:00Z'));
    const c = s.t.app.get(SubscriptionCharger);
    await c.materialize(10, sub.id);
    // This worker claims the cycle and "crashes" before charging.
    const [claimed] = await c.claim(10, sub.id);
    expect(claimed.cycle).toBe(1);
    const before = (await ledger(s.t)).length;
    // It got as far as Klarna (the order exists there), then died before recording anything.
    const first = await s.t.app.get(OrdersService).charge(s.merchant.id, token.id, `${sub.id}:cycle:1`, {
      ...sub.order,
      merchant_reference2: `${sub.id}:cycle:1`,
    });
    expect(first.kind).toBe('succeeded');
    expect((await ledger(s.t)).length).toBe(before + 1);
    // Other workers leave the held cycle alone while the lease lasts.
    expect(await drain(s.t)).toBe(0);
    s.clock.advance(11 * 60_000);
    expect(await drain(s.t)).toBe(1);
    await c.chargeAll([claimed]); // the crashed worker comes back late: its outcome is dropped
    expect((await cycles(s, sub.id)).map((r) => [r.cycle, r.status, r.attempts])).toEqual([
      [1, 'succeeded', 1],
    ]);
    expect((await ledger(s.t)).length).toBe(before + 1);
    expect(await outboxTypes(s, sub.id)).toEqual(['subscription.created', 'subscription.charged']);
  });
  it('leaves a cycle whose outcome is unknown in progress until the orders completer finishes it: one order', async () => {
    const { token, sub, open } = await chargedWithoutAnswer(s, 2030);
    expect(open).toMatchObject({ cycle: 1, status: 'charging', attempts: 0 });
    expect(open.order_id).toMatch(/^ord_/);
    const order = await s.t.db.query('select status, subscription_id from orders where id = $1', [
      open.order_id,
    ]);
    expect(order.rows).toEqual([{ status: 'unknown', subscription_id: sub.id }]);

    // Re-checked before the completer ran: still in progress, nothing new placed, nothing failed.
    s.clock.advance(2 * 60_000);
    expect(await charger(s.t).runOnce(sub.id)).toBe(1);
    expect((await cycles(s, sub.id)).map((r) => [r.cycle, r.status, r.order_id])).toEqual([
      [1, 'charging', open.order_id],
    ]);

    // The orders completer settles the order; the next look records the cycle as charged.
    expect(await s.t.app.get(OrderCompleterJob).runOnce()).toBeGreaterThanOrEqual(1);
    s.clock.advance(2 * 60_000);
    expect(await charger(s.t).runOnce(sub.id)).toBe(1);
    expect((await cycles(s, sub.id)).map((r) => [r.cycle, r.status, r.attempts, r.order_id])).toEqual([
      [1, 'succeeded', 1, open.order_id],
    ]);
    const orders = await s.t.db.query('select id, status from orders where subscription_id = $1', [sub.id]);
    expect(orders.rows).toEqual([{ id: open.order_id, status: 'accepted' }]);
    expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(1);
    expect(await outboxTypes(s, sub.id)).toEqual(['subscription.created', 'subscription.charged']);
  });

  it('fails the cycle and halts the subscription when the orders completer gives up on an unknown outcome', async () => {
    const { token, sub, open } = await chargedWithoutAnswer(s, 2032);
    expect(open).toMatchObject({ cycle: 1, status: 'charging' });
    const placedAtKlarna = (await ledger(s.t, token.klarnaTokenId)).length;

    // No answer for 21 hours (the completer did not get to it): past the give-up age, it stops asking.
    s.clock.advance(21 * 3_600_000);
    await s.t.app.get(OrderCompleterJob).runOnce();
    const order = await s.t.db.query('select status, last_error, next_attempt_at from orders where id = $1', [
      open.order_id,
    ]);
    expect(order.rows).toEqual([{ status: 'unknown', last_error: 'gave_up', next_attempt_at: null }]);

    // The cycle's next look settles it: failed, the subscription halted, the merchant told; nothing placed.
    expect(await charger(s.t).runOnce(sub.id)).toBe(1);
    expect(
      (await cycles(s, sub.id)).map((r) => [r.cycle, r.status, r.attempts, r.order_id, r.last_error]),
    ).toEqual([[1, 'failed', 1, open.order_id, 'OUTCOME_UNKNOWN']]);
    expect(await getSubscription(s, sub.id)).toMatchObject({
      status: 'halted',
      status_reason: 'outcome_unknown',
      next_charge_at: null,
    });
    expect(await outboxTypes(s, sub.id)).toEqual([
      'subscription.created',
      'subscription.payment_failed',
      'subscription.halted',
    ]);
    const failed = await s.t.db.query(
      `select data from events where type = 'subscription.payment_failed' and data->>'id' = $1`,
      [sub.id],
    );
    expect(failed.rows[0].data.details).toMatchObject({
      code: 'OUTCOME_UNKNOWN',
      order_id: open.order_id,
      will_retry: false,
    });

    // Months later nothing more was charged or sent.
    s.clock.advance(70 * 24 * 3_600_000);
    expect(await drain(s.t)).toBe(0);
    expect(await s.t.app.get(OrderCompleterJob).runOnce()).toBe(0);
    expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(placedAtKlarna);

    // Once reconciled, the merchant resumes it.
    const resumed = await s.t.request('POST', `/v1/subscriptions/${sub.id}/resume`, { key: s.merchant.key });
    expect(resumed.status).toBe(200);
    expect(resumed.body).toMatchObject({ status: 'active', status_reason: null });
  });

  it('tries a cycle again later with the same key when nothing reached Klarna (rate limited), never failing it', async () => {
    s.clock.set(new Date('2031-01-01T09:00:00Z'));
    // Its own merchant: Klarna's answers here must not touch the shared merchant's circuit breaker.
    const merchant = await createMerchant(s.t, 'Limited');
    const token = await activeToken(s, {}, merchant.key);
    const sub = await subscribe(s, token.id, { start_date: '2031-01-02' }, merchant.key);
    s.clock.set(new Date('2031-01-02T01:00:00Z'));
    await s.t.emulator!.request('PUT', '/emulator/v1/faults', {
      rate_limit_rate: 1,
      retry_after_seconds: 30,
      paths: ['^/customer-token/v1/tokens/[^/]+/order$'],
    });
    try {
      expect(await charger(s.t).runOnce(sub.id)).toBe(1);
    } finally {
      await s.t.emulator!.request('DELETE', '/emulator/v1/faults');
    }
    expect(
      (await cycles(s, sub.id)).map((r) => [r.cycle, r.status, r.attempts, r.order_id, r.last_error]),
    ).toEqual([[1, 'scheduled', 0, null, 'KLARNA_RATE_LIMITED']]);
    // The orders module gave the key back: nothing recorded, nothing at Klarna, the subscription untouched.
    expect((await s.t.db.query('select id from orders where subscription_id = $1', [sub.id])).rows).toEqual(
      [],
    );
    expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(0);
    expect((await getSubscription(s, sub.id, merchant.key)).status).toBe('active');

    // Not before its retry time; then charged with the cycle's own key.
    expect(await charger(s.t).runOnce(sub.id)).toBe(0);
    s.clock.advance(6 * 60_000);
    expect(await charger(s.t).runOnce(sub.id)).toBe(1);
    expect((await cycles(s, sub.id)).map((r) => [r.cycle, r.status, r.attempts])).toEqual([
      [1, 'succeeded', 1],
    ]);
    const orders = await s.t.db.query(
      'select idempotency_key, status from orders where subscription_id = $1',
      [sub.id],
    );
    expect(orders.rows).toEqual([{ idempotency_key: `${sub.id}:cycle:1`, status: 'accepted' }]);
    expect(await ledger(s.t, token.klarnaTokenId)).toHaveLength(1);
    expect(await historyTypes(s, sub.id)).not.toContain('payment_failed');
  });
});

/**
 * A subscription starting on Jan 2 of `year`, whose first charge got no answer from Klarna (it hung past the
 * client's timeout): the cycle is `charging` with its order `unknown`.
 */
async function chargedWithoutAnswer(s: Stack, year: number) {
  s.clock.set(new Date(`${year}-01-01T09:00:00Z`));
  const token = await activeToken(s);
  const sub = await subscribe(s, token.id, { start_date: `${year}-01-02` });
  s.clock.set(new Date(`${year}-01-02T01:00:00Z`));
  await s.t.emulator!.request('PUT', '/emulator/v1/faults', {
    hang_rate: 1,
    hang_ms: 700,
    paths: ['^/customer-token/v1/tokens/[^/]+/order$'],
  });
  try {
    expect(await charger(s.t).runOnce(sub.id)).toBe(1);
  } finally {
    await s.t.emulator!.request('DELETE', '/emulator/v1/faults');
  }
  const [open] = await cycles(s, sub.id);
  return { token, sub, open };
}
