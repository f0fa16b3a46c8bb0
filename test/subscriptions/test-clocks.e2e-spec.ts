import { randomUUID } from 'node:crypto';
import { dueAt } from '../../src/charging/subscriptions/schedule';
import { TestClockJob } from '../../src/charging/subscriptions/test-clock.job';
import { createMerchant } from '../support/test-app';
import { deliveryJob, registerEndpoint, type Receiver, startReceiver } from '../webhooks/support';
import {
  activeToken,
  cycles,
  DAY_MS,
  drain,
  forceNextOrder,
  getSubscription,
  ledger,
  type Stack,
  startStack,
  subscriptionBody,
  type Token,
} from './support';

/**
 * The clock starts on the 1st of the month after next in real time: the Klarna emulator's clock (real time plus
 * an offset, never back) can then follow it, which the emulator's order ledger shows.
 */
function clockStart(): { startDate: string; frozen: Date } {
  const real = new Date();
  const first = new Date(Date.UTC(real.getUTCFullYear(), real.getUTCMonth() + 2, 1));
  return {
    startDate: first.toISOString().slice(0, 10),
    frozen: new Date(first.getTime() + 9 * 3_600_000),
  };
}

const monthly = (startDate: string) => ({
  startDate,
  interval: 'MONTH' as const,
  intervalCount: 1,
});

describe('test clocks', () => {
  let s: Stack;
  let token: Token;
  let receiver: Receiver;
  beforeAll(async () => {
    s = await startStack();
    token = await activeToken(s);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    await s.t.close();
  });

  async function createClock(body: Record<string, unknown>, key = s.merchant.key) {
    return s.t.request('POST', '/v1/test-clocks', {
      key,
      body,
      headers: { 'idempotency-key': randomUUID() },
    });
  }

  async function advance(clockId: string, frozenTime: Date) {
    const res = await s.t.request('POST', `/v1/test-clocks/${clockId}/advance`, {
      key: s.merchant.key,
      body: { frozen_time: frozenTime.toISOString() },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'advancing', frozen_time: frozenTime.toISOString() });
    return res.body;
  }

  /** Polls the clock (as a partner would) until its advance is done. */
  async function untilReady(clockId: string) {
    for (let i = 0; i < 400; i++) {
      const res = await s.t.request('GET', `/v1/test-clocks/${clockId}`, { key: s.merchant.key });
      if (res.body.status !== 'advancing') return res.body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the clock stayed advancing');
  }

  it('runs a year of monthly renewals with one decline and its recovery in seconds, at the clock’s time', async () => {
    const wallStarted = Date.now();
    const { startDate, frozen } = clockStart();
    const rhythm = monthly(startDate);
    const endpoint = await registerEndpoint(s.t, s.merchant.key, receiver.url, [
      'subscription.created',
      'subscription.charged',
      'subscription.payment_failed',
    ]);
    expect(endpoint.id).toMatch(/^whe_/);

    const created = await createClock({ frozen_time: frozen.toISOString(), name: 'A year' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'A year',
      frozen_time: frozen.toISOString(),
      status: 'ready',
    });
    expect(created.body.id).toMatch(/^clk_/);
    const clockId = created.body.id as string;
    // The emulator's time moved to the clock's.
    expect(new Date(created.body.klarna_time as string).getTime()).toBeGreaterThanOrEqual(frozen.getTime());

    const subRes = await s.t.request('POST', `/v1/customer-tokens/${token.id}/subscriptions`, {
      key: s.merchant.key,
      body: subscriptionBody({ start_date: startDate, test_clock: clockId }),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(subRes.status).toBe(201);
    const sub = subRes.body;
    expect(sub.test_clock).toBe(clockId);
    // Today on the clock is the start date: the first cycle was charged before the answer, at the clock's time.
    expect(sub.latest_cycle).toMatchObject({ cycle: 1, status: 'succeeded' });
    expect(sub.next_charge_at).toBe(dueAt(rhythm, 2)!.toISOString());

    // The real scheduler leaves it alone, whatever the real time: it only moves with its clock.
    s.clock.set(new Date('2031-01-01T00:00:00Z'));
    expect(await drain(s.t)).toBe(0);
    s.clock.set(new Date('2026-03-01T09:00:00Z'));

    // Cycle 2 is declined once; the dunning retry a day later succeeds.
    await forceNextOrder(s, token.klarnaTokenId, 'PAYMENT_METHOD_FAILED', 1);
    const firstStop = new Date(dueAt(rhythm, 2)!.getTime() + 10 * DAY_MS);
    await advance(clockId, firstStop);
    expect((await untilReady(clockId)).status).toBe('ready');
    let rows = await cycles(s, sub.id);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ cycle: 2, status: 'succeeded', attempts: 2, last_error: null });

    // The rest of the year in one advance: each renewal at its own date, never one catch-up charge.
    const yearEnd = new Date(dueAt(rhythm, 12)!.getTime() + 12 * 3_600_000);
    await advance(clockId, yearEnd);
    const ready = await untilReady(clockId);
    expect(ready).toMatchObject({ status: 'ready', frozen_time: yearEnd.toISOString() });
    expect(new Date(ready.klarna_time as string).getTime()).toBeGreaterThanOrEqual(yearEnd.getTime());

    rows = await cycles(s, sub.id);
    expect(rows.map((r) => [r.cycle, r.status, r.attempts])).toEqual(
      Array.from({ length: 12 }, (_, i) => [i + 1, 'succeeded', i === 1 ? 2 : 1]),
    );
    for (const row of rows) expect(row.due_at.toISOString()).toBe(dueAt(rhythm, row.cycle)!.toISOString());
    const read = await getSubscription(s, sub.id);
    expect(read).toMatchObject({ status: 'active', current_cycle: 12 });
    expect(read.next_charge_at).toBe(dueAt(rhythm, 13)!.toISOString());

    // Klarna (the emulator) received twelve orders, each placed at that cycle's time on its clock.
    const orders = (await ledger(s.t, token.klarnaTokenId)).filter((o) =>
      o.merchant_reference2.startsWith(`${sub.id}:`),
    );
    expect(orders.map((o) => o.merchant_reference2)).toEqual(
      Array.from({ length: 12 }, (_, i) => `${sub.id}:cycle:${i + 1}`),
    );
    const placedAt = (o: (typeof orders)[number]) =>
      new Date((o as unknown as { created_at: string }).created_at).getTime();
    const expectedAt = (cycle: number) =>
      cycle === 1 ? frozen.getTime() : dueAt(rhythm, cycle)!.getTime() + (cycle === 2 ? DAY_MS : 0);
    for (const [i, order] of orders.entries()) {
      expect(placedAt(order)).toBeGreaterThanOrEqual(expectedAt(i + 1));
      expect(placedAt(order)).toBeLessThan(expectedAt(i + 1) + 60_000);
    }

    // Events carry the clock's time: the decline on cycle 2's date, its recovery a day later.
    const events = (
      await s.t.db.query(
        `select id, type, created_at, data->'latest_cycle'->>'cycle' as cycle from events
          where merchant_id = $1 and data->>'id' = $2 order by id`,
        [s.merchant.id, sub.id],
      )
    ).rows as { id: string; type: string; created_at: Date; cycle: string }[];
    expect(events.map((e) => e.type)).toEqual([
      'subscription.created',
      'subscription.charged',
      'subscription.payment_failed',
      ...Array.from({ length: 11 }, () => 'subscription.charged'),
    ]);
    const expectedEventTimes = [
      frozen,
      frozen,
      dueAt(rhythm, 2)!,
      ...Array.from({ length: 11 }, (_, i) => new Date(expectedAt(i + 2))),
    ].map((d) => d.toISOString());
    expect(events.map((e) => e.created_at.toISOString())).toEqual(expectedEventTimes);

    // Their webhooks go out in real time (the service's clock here), stamped with the clock's time.
    while ((await deliveryJob(s.t).runOnce()) > 0);
    const delivered = receiver.requests.map((r) => JSON.parse(r.body) as { id: string; created_at: string });
    const ours = events.map((e) => delivered.find((d) => d.id === e.id)?.created_at);
    expect(ours).toEqual(expectedEventTimes);

    // The token was checked with Klarna at the clock's time before the charges (token reconciliation).
    const [tokenRow] = (
      await s.t.db.query('select status_checked_at from customer_tokens where id = $1', [token.id])
    ).rows as { status_checked_at: Date }[];
    expect(tokenRow.status_checked_at.getTime()).toBeGreaterThanOrEqual(dueAt(rhythm, 12)!.getTime());

    // The charges' idempotency keys are kept for a span of real time, not of clock time.
    const keys = (
      await s.t.db.query(`select key, expires_at from idempotency_keys where key like $1 order by key`, [
        `${sub.id}:%`,
      ])
    ).rows as { key: string; expires_at: Date }[];
    expect(keys).toHaveLength(13);
    for (const k of keys) expect(k.expires_at.getTime()).toBeLessThan(frozen.getTime());

    expect(Date.now() - wallStarted).toBeLessThan(60_000);
  });

  it('honours Idempotency-Key, lists clocks, refuses going back or too far, and deletes with its subscriptions', async () => {
    const { startDate, frozen } = clockStart();
    const key = randomUUID();
    const body = { frozen_time: frozen.toISOString() };
    // The service's clock stands still in this file, so every clock's id has the same time; ids of one millisecond
    // only sort in the order they were made while the id generator remembers that millisecond. A millisecond later,
    // this clock is the newest for certain.
    const serviceNow = s.clock.wallNow();
    s.clock.set(new Date(serviceNow.getTime() + 1));
    const first = await s.t.request('POST', '/v1/test-clocks', {
      key: s.merchant.key,
      body,
      headers: { 'idempotency-key': key },
    });
    const replay = await s.t.request('POST', '/v1/test-clocks', {
      key: s.merchant.key,
      body,
      headers: { 'idempotency-key': key },
    });
    expect(first.status).toBe(201);
    expect(replay.status).toBe(201);
    expect(replay.body.id).toBe(first.body.id);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const clockId = first.body.id as string;
    s.clock.set(serviceNow);

    const list = await s.t.request('GET', '/v1/test-clocks?limit=1', { key: s.merchant.key });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    expect(list.body.data[0].id).toBe(clockId);
    expect(list.body.next_cursor).toEqual(expect.any(String));

    for (const to of [frozen, new Date(frozen.getTime() - 1000), new Date(frozen.getTime() + 731 * DAY_MS)]) {
      const res = await s.t.request('POST', `/v1/test-clocks/${clockId}/advance`, {
        key: s.merchant.key,
        body: { frozen_time: to.toISOString() },
      });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'frozen_time' }] });
    }
    expect(
      (await s.t.request('GET', `/v1/test-clocks/${clockId}`, { key: s.merchant.key })).body,
    ).toMatchObject({ status: 'ready', frozen_time: frozen.toISOString() });

    const sub = await s.t.request('POST', `/v1/customer-tokens/${token.id}/subscriptions`, {
      key: s.merchant.key,
      body: subscriptionBody({ start_date: startDate, test_clock: clockId }),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(sub.status).toBe(201);
    const deleted = await s.t.request('DELETE', `/v1/test-clocks/${clockId}`, { key: s.merchant.key });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ id: clockId, deleted: true, subscriptions_canceled: 1 });
    const after = await getSubscription(s, sub.body.id);
    expect(after).toMatchObject({ status: 'canceled', status_reason: 'test_clock_deleted' });
    expect(after.canceled_at).toBe(frozen.toISOString());
    expect((await s.t.request('GET', `/v1/test-clocks/${clockId}`, { key: s.merchant.key })).status).toBe(
      404,
    );
  });

  it('pauses and resumes on the clock’s time: cycles dated in the pause are not owed', async () => {
    const { startDate, frozen } = clockStart();
    const rhythm = monthly(startDate);
    const clockId = (await createClock({ frozen_time: frozen.toISOString() })).body.id as string;
    const sub = (
      await s.t.request('POST', `/v1/customer-tokens/${token.id}/subscriptions`, {
        key: s.merchant.key,
        body: subscriptionBody({ start_date: startDate, test_clock: clockId }),
        headers: { 'idempotency-key': randomUUID() },
      })
    ).body;
    const paused = await s.t.request('POST', `/v1/subscriptions/${sub.id}/pause`, { key: s.merchant.key });
    expect(paused.body.status).toBe('paused');
    const later = new Date(dueAt(rhythm, 3)!.getTime() + 5 * DAY_MS);
    await advance(clockId, later);
    expect((await untilReady(clockId)).status).toBe('ready');
    expect((await cycles(s, sub.id)).map((c) => c.cycle)).toEqual([1]);

    const resumed = await s.t.request('POST', `/v1/subscriptions/${sub.id}/resume`, { key: s.merchant.key });
    expect(resumed.status).toBe(200);
    // "Today" is the clock's: cycles 2 and 3 fell in the pause, cycle 4 is next.
    expect(resumed.body).toMatchObject({ status: 'active', next_charge_at: dueAt(rhythm, 4)!.toISOString() });
    const [event] = (
      await s.t.db.query(
        `select created_at, data->'details'->>'cycles_not_charged' as skipped from events
          where data->>'id' = $1 and type = 'subscription.resumed'`,
        [sub.id],
      )
    ).rows as { created_at: Date; skipped: string }[];
    expect(event).toEqual({ created_at: later, skipped: '2' });
    await s.t.request('POST', `/v1/subscriptions/${sub.id}/cancel`, { key: s.merchant.key });
  });

  it('finishes an advance whose instance stopped, once its lease ran out', async () => {
    const { startDate, frozen } = clockStart();
    const rhythm = monthly(startDate);
    const clockId = (await createClock({ frozen_time: frozen.toISOString() })).body.id as string;
    const sub = (
      await s.t.request('POST', `/v1/customer-tokens/${token.id}/subscriptions`, {
        key: s.merchant.key,
        body: subscriptionBody({ start_date: startDate, test_clock: clockId }),
        headers: { 'idempotency-key': randomUUID() },
      })
    ).body;
    // As if an instance had recorded the advance and died before doing its work (its lease ends in a second).
    const to = new Date(dueAt(rhythm, 2)!.getTime() + 3_600_000);
    const leaseEnd = new Date(s.clock.wallNow().getTime() + 1000);
    await s.t.db.query(
      `update test_clocks set frozen_time = $2, status = 'advancing', locked_until = $3 where id = $1`,
      [clockId, to, leaseEnd],
    );
    const job = s.t.app.get(TestClockJob);
    expect(await job.runOnce()).toBe(0);
    expect((await cycles(s, sub.id)).map((c) => c.cycle)).toEqual([1]);
    s.clock.advance(1000);
    expect(await job.runOnce()).toBe(1);
    s.clock.set(new Date('2026-03-01T09:00:00Z'));
    const clock = await s.t.request('GET', `/v1/test-clocks/${clockId}`, { key: s.merchant.key });
    expect(clock.body).toMatchObject({ status: 'ready', frozen_time: to.toISOString() });
    expect((await cycles(s, sub.id)).map((c) => [c.cycle, c.status])).toEqual([
      [1, 'succeeded'],
      [2, 'succeeded'],
    ]);
    await s.t.request('DELETE', `/v1/test-clocks/${clockId}`, { key: s.merchant.key });
  });

  it('validates before anything is stored: NUL bytes, dates, unknown fields', async () => {
    const before = (await s.t.db.query('select count(*)::int as n from test_clocks')).rows[0].n as number;
    const bad: [Record<string, unknown>, string][] = [
      [{ frozen_time: '2027-01-01T00:00:00Z', name: 'a\u0000b' }, 'name'],
      [{ frozen_time: '2027-01-01T00:00:00\u0000Z' }, 'frozen_time'],
      [{ frozen_time: 'tomorrow' }, 'frozen_time'],
      [{ frozen_time: 1798761600 }, 'frozen_time'],
      [{}, 'frozen_time'],
      [{ frozen_time: '1970-01-01T00:00:00Z' }, 'frozen_time'],
      [{ frozen_time: '2027-01-01T00:00:00Z', colour: 'red' }, 'colour'],
    ];
    for (const [body, field] of bad) {
      const res = await createClock(body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const after = (await s.t.db.query('select count(*)::int as n from test_clocks')).rows[0].n as number;
    expect(after).toBe(before);
  });

  it("answers 404 for another merchant's clock, everywhere", async () => {
    const other = await createMerchant(s.t, 'Other shop');
    const theirs = await createClock({ frozen_time: clockStart().frozen.toISOString() }, other.key);
    expect(theirs.status).toBe(201);
    const id = theirs.body.id as string;
    expect((await s.t.request('GET', `/v1/test-clocks/${id}`, { key: s.merchant.key })).status).toBe(404);
    const adv = await s.t.request('POST', `/v1/test-clocks/${id}/advance`, {
      key: s.merchant.key,
      body: { frozen_time: new Date(clockStart().frozen.getTime() + DAY_MS).toISOString() },
    });
    expect(adv.status).toBe(404);
    expect((await s.t.request('DELETE', `/v1/test-clocks/${id}`, { key: s.merchant.key })).status).toBe(404);
    const sub = await s.t.request('POST', `/v1/customer-tokens/${token.id}/subscriptions`, {
      key: s.merchant.key,
      body: subscriptionBody({ start_date: clockStart().startDate, test_clock: id }),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(sub.status).toBe(404);
    expect(sub.body.code).toBe('NOT_FOUND');
    const list = await s.t.request('GET', '/v1/test-clocks?limit=100', { key: s.merchant.key });
    expect(list.body.data.map((c: { id: string }) => c.id)).not.toContain(id);
    // Still theirs, untouched.
    expect((await s.t.request('GET', `/v1/test-clocks/${id}`, { key: other.key })).body.status).toBe('ready');
  });

  it('is refused for live Klarna credentials, also after a clock was created', async () => {
    const live = await createMerchant(s.t, 'Live shop');
    const setCredentials = (environment: string) =>
      s.t.request('PUT', `/admin/v1/merchants/${live.id}/klarna-credentials`, {
        key: s.t.adminKey,
        body: { region: 'EU', environment, username: 'PK_live', password: 'live-secret' },
      });
    expect((await setCredentials('live')).status).toBe(200);
    const refused = await createClock({ frozen_time: clockStart().frozen.toISOString() }, live.key);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'TEST_CLOCK_LIVE_CREDENTIALS', status: 409 });
    const count = await s.t.db.query('select count(*)::int as n from test_clocks where merchant_id = $1', [
      live.id,
    ]);
    expect(count.rows[0].n).toBe(0);

    // A clock made while the credentials were test ones cannot be advanced once they are live.
    expect((await setCredentials('playground')).status).toBe(200);
    const clock = await createClock({ frozen_time: clockStart().frozen.toISOString() }, live.key);
    expect(clock.status).toBe(201);
    expect((await setCredentials('live')).status).toBe(200);
    const adv = await s.t.request('POST', `/v1/test-clocks/${clock.body.id}/advance`, {
      key: live.key,
      body: { frozen_time: new Date(clockStart().frozen.getTime() + DAY_MS).toISOString() },
    });
    expect(adv.status).toBe(409);
    expect(adv.body.code).toBe('TEST_CLOCK_LIVE_CREDENTIALS');
  });
});
