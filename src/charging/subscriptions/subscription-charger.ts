import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, Optional } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { Drain } from '../../common/fleet/drain';
import { ProblemException } from '../../common/errors/problem.exception';
import {
  advanceSubscriptions,
  type DueScope,
  insertCycles,
  insertSubscriptionEvents,
  type SubscriptionEventRow,
  lockDueCycles,
  lockDueSubscriptions,
  markCharged,
  markCyclesCharging,
  releaseCycles,
  settleChargedCycles,
  subscriptionsByIds,
  tokenStatusRow,
} from './subscriptions.queries';
import { newId } from '../../common/ids';
import type { AppConfig } from '../../config/app-config';
import { type EmitInput, EventsService } from '../../events/events.service';
import { type ChargeOutcome, type ChargeRequest, OrdersService } from '../orders/orders.service';
import { klarnaTokenStatus } from '../orders/order-answers';
import { dueAt, dueCycles, type Rhythm } from './schedule';
import { Subscription, SubscriptionCycle } from './subscription.entity';
import {
  cycleFromRow,
  subscriptionDto,
  subscriptionFromRow,
  type SubscriptionView,
} from './subscription.mapper';
import { SubscriptionTransitions } from './subscription-transitions';
import { TokenReconciliation } from './token-reconciliation';

const DAY_MS = 86_400_000;
/** How soon an unknown outcome (`in_progress`) is asked about again. */
const RECHECK_MS = 60_000;
/** How soon a charge that could not be attempted (Klarna unreachable, configuration, database) is tried again. */
const TRANSIENT_RETRY_MS = 5 * 60_000;

/**
 * Declines a retry cannot fix: the payment method itself is unusable for this merchant or currency. Anything
 * else (PAYMENT_METHOD_FAILED and unknown codes) is a soft decline that the dunning policy retries.
 */
const HARD_DECLINES = new Set([
  'TOKEN_FORBIDDEN',
  'UNAVAILABLE_PAYMENT_METHOD',
  'PAYMENT_METHOD_CURRENCY_MISMATCH',
]);
export const isHardDecline = (code: string): boolean => HARD_DECLINES.has(code) || code.startsWith('TOKEN_');

/**
 * Refusals of the orders module that recorded nothing and sent nothing to Klarna, and that time may fix: the
 * breaker is open or Klarna unreachable, Klarna rate-limited us, the merchant's Klarna credentials are refused or
 * missing. The orders module gave the key back, so the cycle is tried again later with the same key.
 */
const NOTHING_SENT_RETRYABLE = new Set([
  'KLARNA_UNAVAILABLE',
  'KLARNA_RATE_LIMITED',
  'KLARNA_CREDENTIALS_REJECTED',
  'KLARNA_NOT_CONFIGURED',
]);

export interface ClaimedCycle {
  id: string;
  subscriptionId: string;
  merchantId: string;
  customerTokenId: string;
  cycle: number;
  /** Charges already tried; this one is number attempts + 1. */
  attempts: number;
  orderId: string | null;
  lockToken: string;
}

/** Successes recorded per transaction. */
const SUCCESS_CHUNK = 200;

/**
 * Cycles charged together: their orders are claimed in one statement and their answers recorded in one. Measured
 * on the subscription bench (2 vCPUs, emulator at 0 ms, 48 calls in flight): chunks of 16 charged 688-753 cycles/s,
 * of 12 692/s, of 9 533-644/s, of 24 610/s, of 32 659/s; one by one 410-432/s.
 */
const CHARGE_CHUNK = 16;

type Succeeded = { claim: ClaimedCycle; outcome: Extract<ChargeOutcome, { kind: 'succeeded' }> };

/** `charge` threw: nothing is known to have happened, the cycle is tried again soon. */
type Attempt = ChargeOutcome | { kind: 'transient'; code: string } | { kind: 'not_chargeable' };

/**
 * The idempotency key of a cycle's charge: `sub_…:cycle:7`. A dunning retry is a new charge after a definite
 * decline (nothing was charged), so it gets its own key, `sub_…:cycle:7:attempt:2`. Keys are fixed before the
 * call and reused after a crash or an unknown outcome, so one attempt never becomes two orders; a cycle stops
 * being tried once one attempt succeeded.
 */
export const cycleKey = (subscriptionId: string, cycle: number, attempt = 1): string =>
  attempt <= 1 ? `${subscriptionId}:cycle:${cycle}` : `${subscriptionId}:cycle:${cycle}:attempt:${attempt}`;

/** A subscription id stands for that subscription alone. */
const dueScope = (only: string | DueScope): DueScope =>
  typeof only === 'string' ? { subscriptionId: only } : only;

/**
 * Finds and charges due cycles. Everything it decides is in PostgreSQL: due subscriptions and due cycles are
 * claimed with `FOR UPDATE SKIP LOCKED`, so any number of instances can run it at once; a claimed cycle carries a
 * lease, and one whose worker died is taken over after the lease and charged with the same idempotency key.
 */
@Injectable()
export class SubscriptionCharger {
  private readonly logger = new Logger(SubscriptionCharger.name);

  /** The settings this class reads, from @nestjs/config's ConfigService. */
  private readonly config: Pick<AppConfig, 'subscriptions'>;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly orders: OrdersService,
    private readonly transitions: SubscriptionTransitions,
    private readonly reconciliation: TokenReconciliation,
    private readonly events: EventsService,
    configService: ConfigService<AppConfig, true>,
    @Optional() private readonly drain?: Drain,
  ) {
    this.config = {
      subscriptions: configService.getOrThrow('subscriptions', { infer: true }),
    };
  }

  /** One round: create the cycles that came due, then claim and charge a batch. Returns the cycles charged. */
  async runOnce(only: string | DueScope = {}): Promise<number> {
    const scope = dueScope(only);
    await this.materialize(this.config.subscriptions.batchSize, scope);
    const claimed = await this.claim(this.config.subscriptions.batchSize, scope);
    await this.chargeAll(claimed);
    return claimed.length;
  }

  /**
   * Creates the cycle rows of subscriptions whose next charge is due and moves `next_charge_at` on. Catch-up
   * policy after downtime (or a long outage): only the newest due cycle is charged, older ones are recorded as
   * `skipped` (see dueCycles).
   */
  async materialize(limit: number, only: string | DueScope = {}): Promise<number> {
    const scope = dueScope(only);
    return this.em.fork().transactional(async (em) => {
      const now = this.clock.now();
      const rows = await lockDueSubscriptions(em, now, limit, scope);
      if (rows.length === 0) return 0;
      const cycles: unknown[][] = [];
      const updates: unknown[][] = [];
      const skippedEvents: SubscriptionEventRow[] = [];
      for (const row of rows) {
        const rhythm: Rhythm = {
          startDate: row.start_date,
          endDate: row.end_date,
          interval: row.interval,
          intervalCount: row.interval_count,
        };
        const { latest, missed } = dueCycles(rhythm, row.next_cycle, now);
        if (latest === null) continue;
        for (const cycle of missed) {
          cycles.push([
            newId('scy', now.getTime()),
            row.id,
            row.merchant_id,
            cycle,
            dueAt(rhythm, cycle),
            'skipped',
            null,
            'MISSED',
            now,
          ]);
          skippedEvents.push({
            id: newId('sev', now.getTime()),
            subscriptionId: row.id,
            merchantId: row.merchant_id,
            type: 'cycle_skipped',
            cycle,
            createdAt: now,
          });
        }
        cycles.push([
          newId('scy', now.getTime()),
          row.id,
          row.merchant_id,
          latest,
          dueAt(rhythm, latest),
          'scheduled',
          now,
          null,
          null,
        ]);
        updates.push([row.id, latest, latest + 1, dueAt(rhythm, latest + 1)]);
      }
      if (cycles.length > 0) {
        await insertCycles(em, cycles, now);
      }
      if (skippedEvents.length > 0) {
        await insertSubscriptionEvents(em, skippedEvents);
      }
      if (updates.length > 0) {
        await advanceSubscriptions(em, updates, now);
      }
      return updates.length;
    });
  }

  /**
   * Claims due cycles: scheduled ones whose (re)try is due, and `charging` ones whose lease ran out or whose
   * unknown outcome is due for another look. At most `merchantConcurrency` per merchant per batch, so one busy
   * merchant cannot take a whole instance.
   */
  async claim(limit: number, only: string | DueScope = {}): Promise<ClaimedCycle[]> {
    const scope = dueScope(only);
    const now = this.clock.now();
    const lockToken = randomUUID();
    const perMerchant = this.config.subscriptions.merchantConcurrency;
    // Lock candidates and mark the chosen ones in one short transaction: rows another worker holds are skipped,
    // and a row it has just claimed no longer matches once its lock is released.
    const rows = await this.em.fork().transactional(async (em) => {
      const candidates = await lockDueCycles(em, now, limit * 4, scope);
      const perMerchantCount = new Map<string, number>();
      const chosen: string[] = [];
      for (const row of candidates) {
        const n = perMerchantCount.get(row.merchant_id) ?? 0;
        if (n >= perMerchant) continue;
        perMerchantCount.set(row.merchant_id, n + 1);
        chosen.push(row.id);
        if (chosen.length >= limit) break;
      }
      if (chosen.length === 0) return [];
      return markCyclesCharging(
        em,
        chosen,
        lockToken,
        new Date(now.getTime() + this.config.subscriptions.claimLeaseMs),
        now,
      );
    });
    return rows.map((r) => ({
      id: r.id,
      subscriptionId: r.subscription_id,
      merchantId: r.merchant_id,
      customerTokenId: r.customer_token_id,
      cycle: r.cycle,
      attempts: r.attempts,
      orderId: r.order_id,
      lockToken,
    }));
  }

  /**
   * Charges claimed cycles, at most `concurrency` at once. Successes (nearly all of them) are recorded together
   * at the end, a few statements per batch; every other outcome is recorded on its own as it comes.
   */
  async chargeAll(claimed: ClaimedCycle[]): Promise<void> {
    if (claimed.length === 0) return;
    // Read only (what to charge): rows, not entities (building entities cost ~5% of a run's CPU; issue #16).
    const subs = new Map(
      (await subscriptionsByIds(this.em.fork(), [...new Set(claimed.map((c) => c.subscriptionId))])).map(
        (row) => [row.id, subscriptionFromRow(row)],
      ),
    );
    const gates = new Map<string, Promise<string>>();
    const succeeded: Succeeded[] = [];
    const queue = [...claimed];
    // Charged a chunk at a time (one claim statement and one recording statement for the orders of a chunk), with
    // at most `concurrency` Klarna calls in flight over all workers.
    const concurrency = this.config.subscriptions.concurrency;
    const chunkSize = Math.max(1, Math.min(CHARGE_CHUNK, concurrency));
    const worker = async (): Promise<void> => {
      // Shutting down: what was started finishes, the rest is given back below.
      while (queue.length > 0 && !this.drain?.draining) {
        const chunk = queue.splice(0, chunkSize);
        const attempts = await this.attemptChunk(chunk, subs, gates);
        for (const [i, attempt] of attempts.entries()) {
          const next = chunk[i];
          try {
            if (attempt.kind === 'succeeded') succeeded.push({ claim: next, outcome: attempt });
            else await this.recordOne(next, attempt);
          } catch (error) {
            // The lease runs out and another run picks the cycle up with the same idempotency key.
            this.logger.error({ err: error, cycle: next.id }, 'subscription cycle could not be recorded');
          }
        }
      }
    };
    const workers = Math.min(
      Math.max(1, Math.floor(concurrency / chunkSize)),
      Math.ceil(queue.length / chunkSize),
    );
    await Promise.all(Array.from({ length: workers }, worker));
    if (queue.length > 0) await this.release(queue);
    for (let i = 0; i < succeeded.length; i += SUCCESS_CHUNK) {
      const chunk = succeeded.slice(i, i + SUCCESS_CHUNK);
      try {
        await this.recordSuccesses(chunk);
      } catch (error) {
        // Nothing is lost: the leases run out and the same keys find the same orders.
        this.logger.error({ err: error, cycles: chunk.length }, 'charged cycles could not be recorded');
      }
    }
  }

  /** Ends the leases of claimed cycles that were not started, so that other instances take them at once. */
  private async release(unstarted: ClaimedCycle[]): Promise<void> {
    try {
      const released = await releaseCycles(
        this.em.fork(),
        unstarted.map((c) => c.id),
        unstarted[0].lockToken,
        this.clock.now(),
      );
      this.logger.log({ released }, 'unstarted subscription cycles given back (shutting down)');
    } catch (error) {
      // Their leases run out instead.
      this.logger.error({ err: error, cycles: unstarted.length }, 'claimed cycles could not be given back');
    }
  }

  /**
   * Attempts a chunk of cycles: what needs no new order first (an order already placed, a stopped subscription, an
   * inactive token), then the orders of the rest together. Never throws: a failure is a transient attempt.
   */
  private async attemptChunk(
    chunk: ClaimedCycle[],
    subs: Map<string, SubscriptionView>,
    gates: Map<string, Promise<string>>,
  ): Promise<Attempt[]> {
    const prepared = await Promise.all(
      chunk.map((claim) =>
        this.prepare(claim, subs.get(claim.subscriptionId)!, gates).catch(this.transient(claim)),
      ),
    );
    const charges = prepared.filter((p): p is { charge: ChargeRequest } => 'charge' in p);
    const outcomes =
      charges.length > 0
        ? await this.orders
            .chargeMany(charges.map((c) => c.charge))
            .catch((error: unknown) =>
              charges.map((): PromiseRejectedResult => ({ status: 'rejected', reason: error })),
            )
        : [];
    let next = 0;
    return prepared.map((p, i) => {
      if (!('charge' in p)) return p;
      const outcome = outcomes[next++];
      return outcome.status === 'fulfilled' ? outcome.value : this.transient(chunk[i])(outcome.reason);
    });
  }

  /** A charge that threw: nothing is known to have happened, the cycle is tried again soon. */
  private transient(claim: ClaimedCycle): (error: unknown) => Attempt {
    return (error) => {
      if (!(error instanceof ProblemException))
        this.logger.error({ err: error, cycle: claim.id }, 'charge failed');
      return { kind: 'transient', code: error instanceof ProblemException ? error.code : 'INTERNAL_ERROR' };
    };
  }

  private async recordOne(claim: ClaimedCycle, attempt: Attempt): Promise<void> {
    const after = await this.record(claim, attempt);
    if (after?.haltToken) {
      // After the cycle's own commit, never inside it: halting locks every subscription of the token.
      await this.reconciliation.apply(claim.customerTokenId, { status: after.haltToken });
    }
  }

  /** Records charged cycles of one batch in one transaction (only those this worker still holds). */
  private async recordSuccesses(items: Succeeded[]): Promise<void> {
    await this.em.fork().transactional(async (em) => {
      const now = this.clock.now();
      const kept = await settleChargedCycles(
        em,
        items.map((i): [string, string, string] => [i.claim.id, i.claim.lockToken, i.outcome.orderId]),
        now,
      );
      if (kept.length < items.length) {
        this.logger.warn(
          { dropped: items.length - kept.length },
          'cycle outcomes dropped: their claims ran out first',
        );
      }
      if (kept.length === 0) return;
      const subIds = [...new Set(kept.map((k) => k.subscription_id))].sort();
      // Both statements answer the rows as they now are: plain rows, not entities (nothing here changes them, and
      // building a batch of entities cost ~9% of a run's CPU, managed ones also a change-set each at commit; #16).
      const subs = new Map(
        (await markCharged(em, subIds, now)).map((row) => [row.id, subscriptionFromRow(row)]),
      );
      const cycles = kept.map(cycleFromRow);
      const byId = new Map(items.map((i) => [i.claim.id, i.outcome]));
      const history: SubscriptionEventRow[] = [];
      const outbox: EmitInput[] = [];
      for (const cycle of cycles) {
        const sub = subs.get(cycle.subscription.id)!;
        const outcome = byId.get(cycle.id)!;
        const data = { order_id: outcome.orderId, order_status: outcome.status };
        history.push({
          id: newId('sev', now.getTime()),
          subscriptionId: sub.id,
          merchantId: sub.merchant.id,
          type: 'charged',
          cycle: cycle.cycle,
          toStatus: sub.status,
          data,
          createdAt: now,
        });
        outbox.push({
          merchantId: sub.merchant.id,
          type: 'subscription.charged',
          data: { ...subscriptionDto(sub, cycle), details: data },
        });
      }
      await insertSubscriptionEvents(em, history);
      await this.events.emitMany(em, outbox);
      // The rare follow-ups one by one, on a managed copy: a recovery from past_due, or the last cycle before the
      // end date.
      for (const cycle of cycles) {
        const read = subs.get(cycle.subscription.id)!;
        if (read.status !== 'past_due' && !mayEnd(read)) continue;
        const sub = await em.findOneOrFail(Subscription, { id: read.id });
        if (sub.status === 'past_due') {
          await this.transitions.setStatus(em, sub, 'active', 'recovered', {
            cycle: await em.findOneOrFail(SubscriptionCycle, { id: cycle.id }),
          });
        }
        await this.endIfDone(em, sub);
      }
    });
  }

  /** The cycle's attempt when it needs no new order, else the order to place. */
  private async prepare(
    claim: ClaimedCycle,
    sub: SubscriptionView,
    gates: Map<string, Promise<string>>,
  ): Promise<Attempt | { charge: ChargeRequest }> {
    // An order whose outcome was unknown: ask about it (the orders completer finishes it), never place another.
    if (claim.orderId) {
      try {
        return await this.orders.outcomeOf(claim.merchantId, claim.orderId);
      } catch (error) {
        // Gone: the orders module gave the attempt back (nothing reached Klarna). Charging again with the same
        // key below is safe either way: an existing key only ever replays its own order.
        if (!(error instanceof ProblemException && error.getStatus() === 404)) throw error;
      }
    }
    // Stopped since it was scheduled (and the lease of a crashed worker ran out): do not charge now.
    if (sub.status !== 'active' && sub.status !== 'past_due') return { kind: 'not_chargeable' };
    let gate = gates.get(claim.customerTokenId);
    if (!gate) {
      gate = this.tokenStatusBeforeCharge(claim.customerTokenId);
      gates.set(claim.customerTokenId, gate);
    }
    const tokenStatus = await gate;
    if (tokenStatus !== 'active') return { kind: 'token_inactive', orderId: null, tokenStatus };
    const order = sub.order;
    return {
      charge: {
        merchantId: claim.merchantId,
        customerTokenId: claim.customerTokenId,
        idempotencyKey: cycleKey(sub.id, claim.cycle, claim.attempts + 1),
        input: {
          purchase_currency: order.purchase_currency,
          order_amount: order.order_amount,
          order_tax_amount: order.order_tax_amount,
          order_lines: order.order_lines,
          merchant_reference1: order.merchant_reference1,
          merchant_reference2: order.merchant_reference2 ?? cycleKey(sub.id, claim.cycle),
          // Left out when the subscription does not say: the orders module then applies the terms version's
          // policy, else the default (docs/money.md, capture policy).
          ...(order.auto_capture !== undefined ? { auto_capture: order.auto_capture } : {}),
        },
        subscriptionId: sub.id,
      },
    };
  }

  /** Our token status, read from Klarna first when the last check is older than the configured threshold. */
  private async tokenStatusBeforeCharge(customerTokenId: string): Promise<string> {
    const row = await tokenStatusRow(this.em.fork(), customerTokenId);
    if (!row || row.status !== 'active') return row?.status ?? 'unknown';
    const maxAge = this.config.subscriptions.tokenCheckBeforeChargeMs;
    const checkedAt = row.status_checked_at ? new Date(row.status_checked_at).getTime() : 0;
    if (this.clock.nowMs() - checkedAt <= maxAge) return 'active';
    try {
      return await this.reconciliation.check(customerTokenId);
    } catch (error) {
      // Klarna could not be asked: the charge itself will tell (a refused token answers TOKEN_*).
      this.logger.warn({ err: error, customerTokenId }, 'token check before charge failed; charging anyway');
      return 'active';
    }
  }

  /** Writes the outcome if this worker still holds the cycle; returns follow-up work for after the commit. */
  private async record(claim: ClaimedCycle, attempt: Attempt): Promise<{ haltToken?: string } | null> {
    return this.em.fork().transactional(async (em) => {
      const now = this.clock.now();
      const sub = await em.findOneOrFail(
        Subscription,
        { id: claim.subscriptionId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      // Read by primary key alone and the claim checked here: with the constant status in the criteria the planner
      // may walk the partial due index instead (test/database/query-plans.e2e-spec.ts).
      const found = await em.findOne(SubscriptionCycle, { id: claim.id });
      const cycle = found?.lockToken === claim.lockToken && found.status === 'charging' ? found : null;
      if (!cycle) {
        this.logger.warn({ cycle: claim.id }, 'cycle outcome dropped: the claim ran out first');
        return null;
      }
      cycle.lockToken = null;
      cycle.updatedAt = now;
      const settle = (status: 'succeeded' | 'failed' | 'skipped', error: string | null): void => {
        cycle.status = status;
        cycle.nextAttemptAt = null;
        cycle.settledAt = now;
        cycle.lastError = error;
      };
      let followUp: { haltToken?: string } = {};

      switch (attempt.kind) {
        // 'succeeded' is recorded in batches (recordSuccesses).
        case 'declined': {
          cycle.attempts += 1;
          cycle.orderId = attempt.orderId;
          cycle.firstFailedAt ??= now;
          const delays = await this.transitions.retryDelays(em, sub);
          const retry = !isHardDecline(attempt.declineCode) && cycle.attempts <= delays.length;
          if (retry) {
            cycle.status = 'scheduled';
            cycle.lastError = attempt.declineCode;
            cycle.nextAttemptAt = new Date(
              cycle.firstFailedAt.getTime() + delays[cycle.attempts - 1] * DAY_MS,
            );
            cycle.orderId = null;
          } else {
            settle('failed', attempt.declineCode);
          }
          await this.transitions.record(em, sub, {
            type: 'payment_failed',
            cycle,
            data: {
              decline_code: attempt.declineCode,
              will_retry: retry,
              next_attempt_at: retry ? cycle.nextAttemptAt!.toISOString() : null,
            },
          });
          if (!retry) await this.transitions.setStatus(em, sub, 'past_due', 'past_due', { cycle });
          break;
        }
        case 'rejected': {
          if (attempt.orderId === null && NOTHING_SENT_RETRYABLE.has(attempt.code)) {
            // Nothing recorded, nothing sent, the key is free again: the same attempt is made later.
            cycle.status = 'scheduled';
            cycle.orderId = null;
            cycle.lastError = attempt.code;
            cycle.nextAttemptAt = new Date(now.getTime() + TRANSIENT_RETRY_MS);
            break;
          }
          cycle.attempts += 1;
          cycle.orderId = attempt.orderId;
          cycle.firstFailedAt ??= now;
          settle('failed', attempt.code);
          await this.transitions.record(em, sub, {
            type: 'payment_failed',
            cycle,
            data: { code: attempt.code, detail: attempt.detail, will_retry: false },
          });
          await this.transitions.setStatus(em, sub, 'past_due', 'past_due', { cycle });
          break;
        }
        case 'token_inactive': {
          if (attempt.orderId) cycle.attempts += 1;
          settle('failed', `TOKEN_${klarnaTokenStatus(attempt.tokenStatus)}`);
          await this.transitions.record(em, sub, {
            type: 'payment_failed',
            cycle,
            data: { code: cycle.lastError, will_retry: false },
          });
          if (attempt.tokenStatus === 'suspended' || attempt.tokenStatus === 'canceled') {
            // Usually stopped already, with the token, by the transaction that recorded the token's status.
            await this.transitions.stopForTokenOne(em, sub, `token_${attempt.tokenStatus}`, cycle);
            followUp = { haltToken: klarnaTokenStatus(attempt.tokenStatus) };
          } else {
            await this.transitions.setStatus(em, sub, 'halted', 'halted', {
              reason: `token_${attempt.tokenStatus}`,
              cycle,
            });
          }
          break;
        }
        case 'consent_exceeded': {
          settle('failed', 'CONSENT_SCOPE_EXCEEDED');
          await this.transitions.record(em, sub, {
            type: 'payment_failed',
            cycle,
            data: {
              code: 'CONSENT_SCOPE_EXCEEDED',
              limit: attempt.limit,
              detail: attempt.detail,
              will_retry: false,
            },
          });
          await this.transitions.setStatus(em, sub, 'halted', 'halted', {
            reason: 'consent_exceeded',
            cycle,
          });
          break;
        }
        case 'unresolved': {
          // The orders completer gave up on the order's unknown outcome: Klarna may or may not have charged the
          // consumer. No further charge for this cycle, and no later cycle until the merchant has reconciled the
          // order with Klarna and resumes the subscription.
          cycle.attempts += 1;
          cycle.orderId = attempt.orderId;
          settle('failed', 'OUTCOME_UNKNOWN');
          await this.transitions.record(em, sub, {
            type: 'payment_failed',
            cycle,
            data: {
              code: 'OUTCOME_UNKNOWN',
              order_id: attempt.orderId,
              detail: `Klarna's answer to order ${attempt.orderId} never came; reconcile it with Klarna.`,
              will_retry: false,
            },
          });
          await this.transitions.setStatus(em, sub, 'halted', 'halted', { reason: 'outcome_unknown', cycle });
          break;
        }
        case 'in_progress': {
          cycle.orderId = attempt.orderId;
          cycle.nextAttemptAt = new Date(now.getTime() + RECHECK_MS);
          break;
        }
        case 'transient': {
          cycle.status = 'scheduled';
          cycle.lastError = attempt.code;
          cycle.nextAttemptAt = new Date(now.getTime() + TRANSIENT_RETRY_MS);
          break;
        }
        case 'not_chargeable': {
          settle('skipped', sub.status.toUpperCase());
          break;
        }
      }
      await em.flush();
      await this.endIfDone(em, sub);
      return followUp;
    });
  }

  /** Past the end date with nothing left open: the subscription ends. */
  private async endIfDone(em: EntityManager, sub: Subscription): Promise<void> {
    if (!mayEnd(sub)) return;
    const open = await em.count(SubscriptionCycle, {
      subscription: sub.id,
      status: { $in: ['scheduled', 'charging'] },
    });
    if (open === 0) await this.transitions.setStatus(em, sub, 'canceled', 'canceled', { reason: 'ended' });
  }
}

/** Whether the subscription may have just charged its last cycle before its end date (then it ends when none is open). */
function mayEnd(sub: SubscriptionView): boolean {
  return !sub.nextChargeAt && !!sub.endDate && (sub.status === 'active' || sub.status === 'past_due');
}
