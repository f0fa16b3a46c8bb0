import { randomUUID } from 'node:crypto';
import { FakeClock } from '../../src/common/clock/clock';
import { SubscriptionCharger } from '../../src/charging/subscriptions/subscription-charger';
import { TokenReconciliationJob } from '../../src/charging/subscriptions/token-reconciliation.job';
import { activeToken as signUpToken, type ActiveToken, PAID_LINE } from '../support/signup';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';

export const DAY_MS = 86_400_000;
/** 2026-03-01T09:00Z, a Sunday; every suite starts there. */
export const START = new Date('2026-03-01T09:00:00Z');

export interface Stack {
  t: TestApp;
  clock: FakeClock;
  merchant: { id: string; key: string };
}

export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const clock = new FakeClock(START);
  const t = await startTestApp({ emulator: true, clock, env: { RATE_LIMIT_PER_MINUTE: '100000', ...env } });
  const merchant = await createMerchant(t, 'Citybikes');
  return { t, clock, merchant };
}

export type Token = ActiveToken;

/** A whole sign-up for a monthly SEK plan up to 50.00, under terms of its own (a fresh terms key). */
export function activeToken(
  s: Stack,
  termsOverrides: Record<string, unknown> = {},
  key = s.merchant.key,
): Promise<Token> {
  return signUpToken(s.t, key, { key: `plan-${Math.random().toString(36).slice(2, 8)}`, ...termsOverrides });
}

/** The sign-up's paid line without its `subscription` object: the service adds it. */
export const LINE = { ...PAID_LINE, subscription: undefined };

export function subscriptionBody(overrides: Record<string, unknown> = {}) {
  return {
    interval: 'MONTH',
    interval_count: 1,
    start_date: '2026-03-01',
    order: { purchase_currency: 'SEK', order_amount: 1000, order_tax_amount: 200, order_lines: [LINE] },
    description: 'Monthly plan',
    ...overrides,
  };
}

export async function subscribe(
  s: Stack,
  tokenId: string,
  overrides: Record<string, unknown> = {},
  key = s.merchant.key,
) {
  const res = await s.t.request('POST', `/v1/customer-tokens/${tokenId}/subscriptions`, {
    key,
    body: subscriptionBody(overrides),
    headers: { 'idempotency-key': randomUUID() },
  });
  if (res.status !== 201) throw new Error(`subscription: ${res.status} ${res.text}`);
  return res.body;
}

/** Stops every subscription, so that the next test's scheduler runs see only its own. */
export async function stopAll(s: Stack): Promise<void> {
  await s.t.db.query(
    `update subscription_cycles set status = 'skipped', last_error = 'TEST_CLEANUP' where status in ('scheduled', 'charging')`,
  );
  await s.t.db.query(
    `update subscriptions set status = 'canceled', next_charge_at = null where status <> 'canceled'`,
  );
}

export const charger = (t: TestApp): SubscriptionCharger => t.app.get(SubscriptionCharger);
export const reconciliationJob = (t: TestApp): TokenReconciliationJob => t.app.get(TokenReconciliationJob);

/** Runs the scheduler until a run finds nothing due. */
export async function drain(t: TestApp): Promise<number> {
  let total = 0;
  for (let handled = await charger(t).runOnce(); handled > 0; handled = await charger(t).runOnce())
    total += handled;
  return total;
}

export interface LedgerOrder {
  order_id: string;
  token_id: string;
  idempotency_key: string;
  order_amount: number;
  merchant_reference2: string;
}

export async function ledger(t: TestApp, klarnaTokenId?: string): Promise<LedgerOrder[]> {
  const orders = (await t.emulator!.request('GET', '/emulator/v1/orders')).body.orders as LedgerOrder[];
  return klarnaTokenId ? orders.filter((o) => o.token_id === klarnaTokenId) : orders;
}

export async function getSubscription(s: Stack, id: string, key = s.merchant.key) {
  const res = await s.t.request('GET', `/v1/subscriptions/${id}`, { key });
  if (res.status !== 200) throw new Error(`get: ${res.status} ${res.text}`);
  return res.body;
}

export async function cycles(s: Stack, id: string) {
  return (
    await s.t.db.query(
      'select cycle, status, attempts, due_at, next_attempt_at, order_id, last_error from subscription_cycles where subscription_id = $1 order by cycle',
      [id],
    )
  ).rows as {
    cycle: number;
    status: string;
    attempts: number;
    due_at: Date;
    next_attempt_at: Date | null;
    order_id: string | null;
    last_error: string | null;
  }[];
}

export async function outboxTypes(s: Stack, subscriptionId: string): Promise<string[]> {
  const rows = await s.t.db.query(
    `select type from events where merchant_id = $1 and data->>'id' = $2 order by id`,
    [s.merchant.id, subscriptionId],
  );
  return rows.rows.map((r: { type: string }) => r.type);
}

export async function historyTypes(s: Stack, subscriptionId: string): Promise<string[]> {
  const rows = await s.t.db.query(
    'select type from subscription_events where subscription_id = $1 order by id',
    [subscriptionId],
  );
  return rows.rows.map((r: { type: string }) => r.type);
}

export async function forceNextOrder(s: Stack, klarnaTokenId: string, errorCode: string, count = 1) {
  const res = await s.t.emulator!.request('POST', `/emulator/v1/tokens/${klarnaTokenId}/next-order`, {
    error_code: errorCode,
    count,
  });
  if (res.status !== 200) throw new Error(`next-order: ${res.status} ${res.text}`);
}

export async function forceTokenStatus(s: Stack, klarnaTokenId: string, status: string) {
  const res = await s.t.emulator!.request('POST', `/emulator/v1/tokens/${klarnaTokenId}/status`, { status });
  if (res.status !== 200) throw new Error(`status: ${res.status} ${res.text}`);
}
