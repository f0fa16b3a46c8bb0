import { randomUUID } from 'node:crypto';
import { PAID_LINE } from '../support/signup';
import { openLink, portalLink, portalPage, signUp } from '../portal/support';
import {
  drain,
  forceNextOrder,
  forceTokenStatus,
  getSubscription,
  historyTypes,
  ledger,
  outboxTypes,
  reconciliationJob,
  type Stack,
  startStack,
  stopAll,
  subscribe,
} from './support';

/**
 * Issue #13 item 3: a token that can no longer be charged stops every live subscription of it in the transaction
 * that records the token's new status (merchant cancel, consent withdrawal, a cancellation or suspension seen at
 * Klarna), with the subscription's history row and outbox event; nothing is charged afterwards.
 */
describe('a token that stops being usable stops its subscriptions', () => {
  let s: Stack;
  beforeAll(async () => {
    s = await startStack({ TOKEN_RECONCILE_EVERY_HOURS: '24', TOKEN_CHECK_BEFORE_CHARGE_HOURS: '6' });
  });
  afterEach(async () => {
    await stopAll(s);
  });
  afterAll(async () => {
    await s.t.close();
  });

  interface Live {
    token: { tokenId: string; consentId: string; klarnaTokenId: string };
    customerId: string;
    subs: { active: string; paused: string; pastDue: string };
  }

  /** A token with three live subscriptions: one active, one paused, one past_due (its first charge declined). */
  async function tokenWithLiveSubscriptions(day: string): Promise<Live> {
    s.clock.set(new Date(`${day}T09:00:00Z`));
    const customerId = `cust-${randomUUID().slice(0, 8)}`;
    const token = await signUp(s.t, s.merchant.key, customerId);
    const later = new Date(s.clock.nowMs() + 9 * 86_400_000).toISOString().slice(0, 10);
    const active = await subscribe(s, token.tokenId, { start_date: later });
    const paused = await subscribe(s, token.tokenId, { start_date: later });
    const pause = await s.t.request('POST', `/v1/subscriptions/${paused.id}/pause`, { key: s.merchant.key });
    expect(pause.body.status).toBe('paused');
    await forceNextOrder(s, token.klarnaTokenId, 'PAYMENT_METHOD_FAILED', 1);
    const pastDue = await subscribe(s, token.tokenId, {
      start_date: day,
      retry_policy: { delays_days: [] },
    });
    expect((await getSubscription(s, pastDue.id)).status).toBe('past_due');
    return { token, customerId, subs: { active: active.id, paused: paused.id, pastDue: pastDue.id } };
  }

  const rowsOf = async (ids: string[]) =>
    (
      await s.t.db.query(
        `select id, status, status_reason, next_charge_at, xmin::text as xmin from subscriptions
          where id = any($1) order by id`,
        [ids],
      )
    ).rows as {
      id: string;
      status: string;
      status_reason: string | null;
      next_charge_at: Date | null;
      xmin: string;
    }[];

  /** The transaction that last wrote the token row (PostgreSQL's xmin). */
  const tokenXmin = async (tokenId: string): Promise<string> =>
    (await s.t.db.query('select xmin::text as xmin from customer_tokens where id = $1', [tokenId])).rows[0]
      .xmin;

  /** Every subscription stopped as expected, in the token's own transaction, with its history and event. */
  async function expectStopped(live: Live, ids: string[], status: string, reason: string, type: string) {
    const rows = await rowsOf(ids);
    expect(rows).toHaveLength(ids.length);
    const xmin = await tokenXmin(live.token.tokenId);
    for (const row of rows) {
      expect({ id: row.id, status: row.status, reason: row.status_reason, next: row.next_charge_at }).toEqual(
        {
          id: row.id,
          status,
          reason,
          next: null,
        },
      );
      expect(row.xmin).toBe(xmin);
      expect(await historyTypes(s, row.id)).toContain(type);
      expect(await outboxTypes(s, row.id)).toContain(`subscription.${type}`);
    }
  }

  /** Months later the scheduler finds nothing to charge and Klarna received no order for the token. */
  async function expectNothingChargedAfter(live: Live, ordersBefore: number) {
    s.clock.set(new Date(s.clock.nowMs() + 90 * 86_400_000));
    expect(await drain(s.t)).toBe(0);
    expect(await ledger(s.t, live.token.klarnaTokenId)).toHaveLength(ordersBefore);
    const cycles = await s.t.db.query(
      `select count(*)::int as n from subscription_cycles
        where subscription_id = any($1) and status in ('scheduled', 'charging')`,
      [Object.values(live.subs)],
    );
    expect(cycles.rows[0].n).toBe(0);
  }

  it('merchant cancel (POST /v1/customer-tokens/{id}/cancel) cancels every live subscription with it', async () => {
    const live = await tokenWithLiveSubscriptions('2026-03-01');
    const ordersBefore = (await ledger(s.t, live.token.klarnaTokenId)).length;
    const res = await s.t.request('POST', `/v1/customer-tokens/${live.token.tokenId}/cancel`, {
      key: s.merchant.key,
    });
    expect({ status: res.status, token: res.body.status }).toEqual({ status: 202, token: 'canceled' });

    await expectStopped(live, Object.values(live.subs), 'canceled', 'token_canceled', 'canceled');
    const api = await getSubscription(s, live.subs.active);
    expect(api).toMatchObject({ status: 'canceled', status_reason: 'token_canceled', next_charge_at: null });
    await expectNothingChargedAfter(live, ordersBefore);
  });

  it('a consent withdrawn in the portal cancels every live subscription with reason consent_withdrawn', async () => {
    const live = await tokenWithLiveSubscriptions('2026-04-01');
    const ordersBefore = (await ledger(s.t, live.token.klarnaTokenId)).length;
    const link = await portalLink(s.t, s.merchant.key, live.customerId);
    const { cookie } = await openLink(link.url);
    const confirm = await portalPage(s.t, `/portal/agreements/${live.token.consentId}/withdraw`, cookie);
    expect(confirm.status).toBe(200);
    const csrf = /name="csrf" value="([^"]+)"/.exec(confirm.html)![1];
    const withdrawn = await portalPage(s.t, `/portal/agreements/${live.token.consentId}/withdraw`, cookie, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `csrf=${encodeURIComponent(csrf)}`,
    });
    expect(withdrawn.status).toBe(303);

    await expectStopped(live, Object.values(live.subs), 'canceled', 'consent_withdrawn', 'canceled');
    await expectNothingChargedAfter(live, ordersBefore);
  });

  it('an order Klarna refuses as TOKEN_CANCELLED cancels the subscriptions in the transaction that records it', async () => {
    const live = await tokenWithLiveSubscriptions('2026-05-01');
    await forceNextOrder(s, live.token.klarnaTokenId, 'TOKEN_CANCELLED', 1);
    const order = await s.t.request('POST', `/v1/customer-tokens/${live.token.tokenId}/orders`, {
      key: s.merchant.key,
      headers: { 'idempotency-key': randomUUID() },
      body: { purchase_currency: 'SEK', order_amount: 1000, order_tax_amount: 200, order_lines: [PAID_LINE] },
    });
    expect({ status: order.status, code: order.body.code }).toEqual({
      status: 409,
      code: 'TOKEN_NOT_ACTIVE',
    });
    const ordersBefore = (await ledger(s.t, live.token.klarnaTokenId)).length;

    await expectStopped(live, Object.values(live.subs), 'canceled', 'token_canceled', 'canceled');
    await expectNothingChargedAfter(live, ordersBefore);
  });

  it('a suspension read at Klarna (GET ?refresh=true) halts active and past_due ones, and active again resumes them', async () => {
    const live = await tokenWithLiveSubscriptions('2026-06-01');
    const ordersBefore = (await ledger(s.t, live.token.klarnaTokenId)).length;
    await forceTokenStatus(s, live.token.klarnaTokenId, 'SUSPENDED');
    const read = await s.t.request('GET', `/v1/customer-tokens/${live.token.tokenId}?refresh=true`, {
      key: s.merchant.key,
    });
    expect(read.body.status).toBe('suspended');

    await expectStopped(live, [live.subs.active, live.subs.pastDue], 'halted', 'token_suspended', 'halted');
    // Paused stays paused (it charges nothing, and the merchant's pause must survive the token's return).
    expect((await getSubscription(s, live.subs.paused)).status).toBe('paused');
    s.clock.set(new Date('2026-07-02T09:00:00Z'));
    expect(await drain(s.t)).toBe(0);
    expect(await ledger(s.t, live.token.klarnaTokenId)).toHaveLength(ordersBefore);

    // Active again at Klarna: the same read resumes what the suspension halted, and nothing else.
    await forceTokenStatus(s, live.token.klarnaTokenId, 'ACTIVE');
    await s.t.request('GET', `/v1/customer-tokens/${live.token.tokenId}?refresh=true`, {
      key: s.merchant.key,
    });
    expect((await getSubscription(s, live.subs.active)).status).toBe('active');
    expect((await getSubscription(s, live.subs.pastDue)).status).toBe('active');
    expect((await getSubscription(s, live.subs.paused)).status).toBe('paused');
  });

  it('a cancellation found by the reconciliation job cancels them too', async () => {
    const live = await tokenWithLiveSubscriptions('2026-08-01');
    const ordersBefore = (await ledger(s.t, live.token.klarnaTokenId)).length;
    await forceTokenStatus(s, live.token.klarnaTokenId, 'CANCELLED');
    s.clock.advance(25 * 3_600_000);
    expect(await reconciliationJob(s.t).runOnce()).toBeGreaterThanOrEqual(1);

    await expectStopped(live, Object.values(live.subs), 'canceled', 'token_canceled', 'canceled');
    await expectNothingChargedAfter(live, ordersBefore);
  });
});
