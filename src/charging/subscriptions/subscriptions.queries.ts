import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, sqlParams, sqlRowCount } from '../../common/database/sql';
import type { Rhythm } from './schedule';
import type { ScopeInterval } from '../../signup/terms/terms.entity';
import type { CycleStatus, RetryPolicy, SubscriptionOrder, SubscriptionStatus } from './subscription.entity';

// Every hand-written statement of subscriptions (issue #15: one query file per feature, all through sql()).
// Statements whose length depends on a batch are written with sqlParams(); each batch size is prepared once
// per connection.

export interface DueRow {
  id: string;
  start_date: string;
  end_date: string | null;
  interval: Rhythm['interval'];
  interval_count: number;
  next_cycle: number;
  merchant_id: string;
}

/** A subscription's columns as the charge path reads them: a plain row, no entity to build (subscriptionFromRow). */
export interface SubscriptionRow {
  id: string;
  merchant_id: string;
  customer_token_id: string;
  test_clock_id: string | null;
  status: SubscriptionStatus;
  status_reason: string | null;
  interval: ScopeInterval;
  interval_count: number;
  start_date: string;
  end_date: string | null;
  order: SubscriptionOrder;
  retry_policy: RetryPolicy | null;
  description: string | null;
  metadata: Record<string, string> | null;
  current_cycle: number;
  next_cycle: number;
  next_charge_at: string | null;
  last_charged_at: string | null;
  created_at: string;
  updated_at: string;
  canceled_at: string | null;
}

const SUBSCRIPTION_COLUMNS =
  'id, merchant_id, customer_token_id, test_clock_id, status, status_reason, "interval", interval_count, ' +
  'start_date, end_date, "order", retry_policy, description, metadata, current_cycle, next_cycle, ' +
  'next_charge_at, last_charged_at, created_at, updated_at, canceled_at';

/** A cycle's columns as a plain row (cycleFromRow). */
export interface CycleRow {
  id: string;
  subscription_id: string;
  cycle: number;
  status: CycleStatus;
  due_at: string;
  attempts: number;
  next_attempt_at: string | null;
  order_id: string | null;
  last_error: string | null;
  settled_at: string | null;
}

/** The subscriptions with these ids, as rows (read only: what a chunk of cycles charges). */
export function subscriptionsByIds(em: EntityManager, ids: string[]): Promise<SubscriptionRow[]> {
  return sql<SubscriptionRow>(
    em,
    `select ${SUBSCRIPTION_COLUMNS} from subscriptions where id = any($1::text[])`,
    [ids],
  );
}

export interface ClaimRow {
  id: string;
  subscription_id: string;
  merchant_id: string;
  customer_token_id: string;
  cycle: number;
  attempts: number;
  order_id: string | null;
}

/**
 * Which subscriptions a scheduler run looks at: one subscription (charged right away), the ones on one test clock
 * (its advance), or, by default, every one on the real time (those on a test clock only move with their clock).
 */
export interface DueScope {
  subscriptionId?: string;
  testClockId?: string;
}

function scopeFilter(
  scope: DueScope,
  column: string,
  firstParam: number,
): { where: string; params: string[] } {
  if (scope.subscriptionId)
    return { where: `and ${column}.id = $${firstParam}`, params: [scope.subscriptionId] };
  if (scope.testClockId)
    return { where: `and ${column}.test_clock_id = $${firstParam}`, params: [scope.testClockId] };
  return { where: `and ${column}.test_clock_id is null`, params: [] };
}

/** Locks (SKIP LOCKED) up to `limit` subscriptions whose next charge is due, oldest due first. */
export function lockDueSubscriptions(
  em: EntityManager,
  now: Date,
  limit: number,
  scope: DueScope = {},
): Promise<DueRow[]> {
  const filter = scopeFilter(scope, 's', 3);
  return sql<DueRow>(
    em,
    `select id, start_date, end_date, interval, interval_count, next_cycle, merchant_id
       from subscriptions s
      where status in ('active', 'past_due') and next_charge_at <= $1 ${filter.where}
      order by next_charge_at
      limit $2
      for update skip locked`,
    [now, limit, ...filter.params],
  );
}

/**
 * New cycle rows: [id, subscription id, merchant id, cycle, due at, status, next attempt at, last error,
 * settled at] each; a cycle that exists already is left alone.
 */
export async function insertCycles(em: EntityManager, cycles: unknown[][], now: Date): Promise<void> {
  const { values, p } = sqlParams();
  const rows = cycles.map((c) => `(${[...c, 0, now, now].map(p).join(', ')})`);
  await sql(
    em,
    `insert into subscription_cycles
       (id, subscription_id, merchant_id, cycle, due_at, status, next_attempt_at, last_error, settled_at,
        attempts, created_at, updated_at)
     values ${rows.join(', ')}
     on conflict (subscription_id, cycle) do nothing`,
    values,
  );
}

/** A history row of {@link insertSubscriptionEvents}. */
export interface SubscriptionEventRow {
  id: string;
  subscriptionId: string;
  merchantId: string;
  type: string;
  cycle: number;
  toStatus?: string;
  data?: Record<string, unknown>;
  createdAt: Date;
}

/** History rows written by the scheduler in one statement (cycles skipped by catch-up, cycles charged). */
export async function insertSubscriptionEvents(
  em: EntityManager,
  events: SubscriptionEventRow[],
): Promise<void> {
  const { values, p } = sqlParams();
  const rows = events.map(
    (e) =>
      `(${p(e.id)}, ${p(e.subscriptionId)}, ${p(e.merchantId)}, ${p(e.type)}, ${p(e.cycle)}::int, ` +
      `${p(e.toStatus ?? null)}, ${p(e.data === undefined ? null : JSON.stringify(e.data))}::jsonb, ${p(e.createdAt)}::timestamptz)`,
  );
  await sql(
    em,
    `insert into subscription_events (id, subscription_id, merchant_id, type, cycle, to_status, data, created_at)
     values ${rows.join(', ')}`,
    values,
  );
}

/** Moves each subscription on: [id, current cycle, next cycle, next charge at] each. */
export async function advanceSubscriptions(
  em: EntityManager,
  updates: unknown[][],
  now: Date,
): Promise<void> {
  const { values, p } = sqlParams();
  const at = p(now);
  const rows = updates.map(
    ([id, current, next, nextAt]) =>
      `(${p(id)}::text, ${p(current)}::int, ${p(next)}::int, ${p(nextAt)}::timestamptz)`,
  );
  await sql(
    em,
    `update subscriptions s
        set current_cycle = v.current_cycle, next_cycle = v.next_cycle, next_charge_at = v.next_charge_at,
            updated_at = ${at}
       from (values ${rows.join(', ')}) as v(id, current_cycle, next_cycle, next_charge_at)
      where s.id = v.id`,
    values,
  );
}

/** Locks (SKIP LOCKED) cycles due for a (re)try, scheduled or with a lease that ran out. */
export function lockDueCycles(
  em: EntityManager,
  now: Date,
  limit: number,
  scope: DueScope = {},
): Promise<{ id: string; merchant_id: string }[]> {
  const filter = scopeFilter(scope, 's', 3);
  return sql<{ id: string; merchant_id: string }>(
    em,
    `select c.id, c.merchant_id
       from subscription_cycles c
       join subscriptions s on s.id = c.subscription_id
      where c.status in ('scheduled', 'charging') and c.next_attempt_at <= $1
        and (c.status = 'charging' or s.status in ('active', 'past_due'))
        ${filter.where}
      order by c.next_attempt_at
      limit $2
      for update of c skip locked`,
    [now, limit, ...filter.params],
  );
}

/** Marks the chosen cycles `charging` under this worker's lock token until `leaseUntil`. */
export function markCyclesCharging(
  em: EntityManager,
  ids: string[],
  lockToken: string,
  leaseUntil: Date,
  now: Date,
): Promise<ClaimRow[]> {
  return sql<ClaimRow>(
    em,
    `update subscription_cycles c
        set status = 'charging', lock_token = $1, next_attempt_at = $2, updated_at = $3
       from subscriptions s
      where s.id = c.subscription_id and c.id = any($4::text[])
      returning c.id, c.subscription_id, c.merchant_id, c.cycle, c.attempts, c.order_id,
                s.customer_token_id`,
    [lockToken, leaseUntil, now, ids],
  );
}

/**
 * Gives back claimed cycles this worker did not start (it is shutting down): their lease ends now, so the next
 * claim anywhere takes them, with the same idempotency keys.
 */
export function releaseCycles(
  em: EntityManager,
  ids: string[],
  lockToken: string,
  now: Date,
): Promise<number> {
  return sqlRowCount(
    em,
    // `(select 'charging')`, not the constant: see settleChargedCycles.
    `update subscription_cycles set next_attempt_at = $1, updated_at = $1
      where id = any($2::text[]) and lock_token = $3 and status = (select 'charging')`,
    [now, ids, lockToken],
  );
}

/** Records charged cycles this worker still holds ([cycle id, lock token, order id] each); the ones kept. */
export function settleChargedCycles(
  em: EntityManager,
  items: [string, string, string][],
  now: Date,
): Promise<CycleRow[]> {
  const { values, p } = sqlParams();
  const at = p(now);
  const rows = items.map(([id, lock, order]) => `(${p(id)}::text, ${p(lock)}::text, ${p(order)}::text)`);
  // `(select 'charging')`, a value the planner learns only when the statement runs, so that only the primary key
  // finds the cycles: against the constant it walked the partial due index, dead entries and all (up to 40,000 per
  // batch in a run of 20,000; issue #16).
  return sql<CycleRow>(
    em,
    `update subscription_cycles c
        set status = 'succeeded', attempts = c.attempts + 1, order_id = v.order_id, next_attempt_at = null,
            settled_at = ${at}, last_error = null, lock_token = null, updated_at = ${at}
       from (values ${rows.join(', ')}) as v(id, lock_token, order_id)
      where c.id = v.id and c.lock_token = v.lock_token and c.status = (select 'charging')
      returning c.id, c.subscription_id, c.cycle, c.status, c.due_at, c.attempts, c.next_attempt_at, c.order_id,
                c.last_error, c.settled_at`,
    values,
  );
}

/** Stamps the last charge on these subscriptions; answers them as they are now. */
export function markCharged(
  em: EntityManager,
  subscriptionIds: string[],
  now: Date,
): Promise<SubscriptionRow[]> {
  return sql<SubscriptionRow>(
    em,
    `update subscriptions set last_charged_at = $1, updated_at = $1 where id = any($2::text[])
      returning ${SUBSCRIPTION_COLUMNS}`,
    [now, subscriptionIds],
  );
}

/** The id of each subscription's newest cycle. */
export function latestCycleIds(em: EntityManager, subscriptionIds: string[]): Promise<{ id: string }[]> {
  return sql<{ id: string }>(
    em,
    `select distinct on (subscription_id) id from subscription_cycles
      where subscription_id = any($1::text[])
      order by subscription_id, cycle desc`,
    [subscriptionIds],
  );
}

/**
 * The earliest moment something of a test clock's subscriptions comes due (a renewal, a retry, a re-check), or
 * null when nothing is scheduled: an advance steps through these one by one, as the real time would.
 */
export async function nextDueOnClock(em: EntityManager, testClockId: string): Promise<Date | null> {
  const [row] = await sql<{ at: Date | null }>(
    em,
    `select least(
       (select min(next_charge_at) from subscriptions
         where test_clock_id = $1 and status in ('active', 'past_due')),
       (select min(c.next_attempt_at) from subscription_cycles c
          join subscriptions s on s.id = c.subscription_id
         where s.test_clock_id = $1 and c.status in ('scheduled', 'charging')
           and (c.status = 'charging' or s.status in ('active', 'past_due')))) as at`,
    [testClockId],
  );
  return row?.at ? new Date(row.at) : null;
}

/**
 * Takes (SKIP LOCKED) test clocks whose advance is unfinished and not held by a live instance: one by id (right
 * after its advance), or any (the poll that picks up after a crash). Held until `leaseUntil`.
 */
export function claimAdvancingClocks(
  em: EntityManager,
  now: Date,
  leaseUntil: Date,
  limit: number,
  testClockId?: string,
): Promise<{ id: string; merchant_id: string; frozen_time: Date }[]> {
  return sql<{ id: string; merchant_id: string; frozen_time: Date }>(
    em,
    `update test_clocks c set locked_until = $2
       from (select id from test_clocks
              where status = 'advancing' and (locked_until is null or locked_until <= $1)
                ${testClockId ? 'and id = $4' : ''}
              order by id
              limit $3
              for update skip locked) due
      where c.id = due.id
      returning c.id, c.merchant_id, c.frozen_time`,
    testClockId ? [now, leaseUntil, limit, testClockId] : [now, leaseUntil, limit],
  );
}

/** Tokens of a test clock's live subscriptions that Klarna was last asked about before `checkedBefore`. */
export function staleTokensOnClock(
  em: EntityManager,
  testClockId: string,
  checkedBefore: Date,
): Promise<{ id: string }[]> {
  return sql<{ id: string }>(
    em,
    `select distinct t.id from subscriptions s
       join customer_tokens t on t.id = s.customer_token_id
      where s.test_clock_id = $1 and s.status <> 'canceled' and t.status in ('active', 'suspended')
        and (t.status_checked_at is null or t.status_checked_at <= $2)
      order by t.id`,
    [testClockId, checkedBefore],
  );
}

/**
 * Claims up to `limit` tokens whose status was last read from Klarna before `dueBefore` (or never), marking them
 * read at `claimedAs`; SKIP LOCKED, so that each token is claimed by one instance.
 */
export async function claimTokensToReconcile(
  em: EntityManager,
  claimedAs: Date,
  dueBefore: Date,
  limit: number,
): Promise<string[]> {
  const rows = await sql<{ id: string }>(
    em,
    `update customer_tokens set status_checked_at = $1
      where id in (select id from customer_tokens
                    where status in ('active', 'suspended')
                      and (status_checked_at is null or status_checked_at <= $2)
                    order by status_checked_at nulls first, id
                    limit $3
                    for update skip locked)
      returning id`,
    [claimedAs, dueBefore, limit],
  );
  return rows.map((r) => r.id);
}

/** A token's status and when it was last read from Klarna. */
export async function tokenStatusRow(
  em: EntityManager,
  customerTokenId: string,
): Promise<{ status: string; status_checked_at: string | Date | null } | undefined> {
  const [row] = await sql<{ status: string; status_checked_at: string | Date | null }>(
    em,
    'select status, status_checked_at from customer_tokens where id = $1',
    [customerTokenId],
  );
  return row;
}
