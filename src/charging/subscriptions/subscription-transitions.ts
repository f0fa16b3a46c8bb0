import { ConfigService } from '@nestjs/config';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { newId } from '../../common/ids';
import type { AppConfig } from '../../config/app-config';
import type { EventType } from '../../events/event-types';
import { EventsService } from '../../events/events.service';
import type { TokenStopReason } from '../../signup/customer-tokens/token-stop-hooks';
import { dueAt, firstCycleFromToday } from './schedule';
import {
  CHARGEABLE_STATUSES,
  MerchantDunningPolicy,
  Subscription,
  SubscriptionCycle,
  SubscriptionEvent,
  type SubscriptionStatus,
} from './subscription.entity';
import { subscriptionDto } from './subscription.mapper';

/** Outbox event type for each subscription history type that merchants hear about. */
const OUTBOX: Partial<Record<string, EventType>> = {
  created: 'subscription.created',
  charged: 'subscription.charged',
  payment_failed: 'subscription.payment_failed',
  past_due: 'subscription.past_due',
  recovered: 'subscription.recovered',
  halted: 'subscription.halted',
  paused: 'subscription.paused',
  resumed: 'subscription.resumed',
  canceled: 'subscription.canceled',
};

export interface RecordInput {
  type: string;
  cycle?: SubscriptionCycle | null;
  from?: SubscriptionStatus | null;
  data?: Record<string, unknown>;
}

/** The statuses a token stop moves a subscription out of (see `stopForToken`). */
function tokenStopFrom(reason: TokenStopReason): SubscriptionStatus[] {
  return reason === 'token_suspended' ? CHARGEABLE_STATUSES : ['active', 'past_due', 'paused', 'halted'];
}

/**
 * The state changes of subscriptions that several callers share (API, scheduler, token reconciliation). Each
 * runs inside the caller's transaction and writes the history row and the outbox event with the change.
 */
@Injectable()
export class SubscriptionTransitions {
  /** The settings this class reads, from @nestjs/config's ConfigService. */
  private readonly config: Pick<AppConfig, 'subscriptions'>;

  constructor(
    private readonly clock: Clock,
    private readonly events: EventsService,
    configService: ConfigService<AppConfig, true>,
  ) {
    this.config = {
      subscriptions: configService.getOrThrow('subscriptions', { infer: true }),
    };
  }

  /** Appends to the subscription's history and, for merchant-facing types, to the events outbox. */
  async record(em: EntityManager, sub: Subscription, input: RecordInput): Promise<void> {
    const now = this.clock.now();
    em.create(SubscriptionEvent, {
      id: newId('sev', now.getTime()),
      subscription: sub,
      merchant: sub.merchant,
      type: input.type,
      cycle: input.cycle?.cycle ?? null,
      fromStatus: input.from ?? null,
      toStatus: sub.status,
      data: input.data ?? null,
      createdAt: now,
    });
    const outbox = OUTBOX[input.type];
    if (outbox) {
      const latest = input.cycle ?? (await this.latestCycle(em, sub.id));
      await this.events.emit(em, {
        merchantId: sub.merchant.id,
        type: outbox,
        data: { ...subscriptionDto(sub, latest), ...(input.data ? { details: input.data } : {}) },
      });
    }
  }

  async latestCycle(em: EntityManager, subscriptionId: string): Promise<SubscriptionCycle | null> {
    return em.findOne(SubscriptionCycle, { subscription: subscriptionId }, { orderBy: { cycle: 'desc' } });
  }

  /** Sets the status and records it (no-op when unchanged, and canceled is final: never left). */
  async setStatus(
    em: EntityManager,
    sub: Subscription,
    status: SubscriptionStatus,
    type: string,
    opts: { reason?: string | null; cycle?: SubscriptionCycle | null; data?: Record<string, unknown> } = {},
  ): Promise<boolean> {
    if (sub.status === status || sub.status === 'canceled') return false;
    const from = sub.status;
    const now = this.clock.now();
    sub.status = status;
    sub.statusReason = opts.reason ?? null;
    sub.updatedAt = now;
    if (status === 'canceled') {
      sub.canceledAt = now;
      sub.nextChargeAt = null;
    }
    if (status === 'paused' || status === 'halted') sub.nextChargeAt = null;
    if (!CHARGEABLE_STATUSES.includes(status)) await this.dropScheduledCycles(em, sub, status.toUpperCase());
    await em.flush();
    await this.record(em, sub, { type, from, cycle: opts.cycle, data: opts.data });
    return true;
  }

  /**
   * Back to charging after a pause or a halt: cycles that fell in between are not owed, so the next charge is
   * the first cycle dated today or later (today's is charged right away).
   */
  async reactivate(em: EntityManager, sub: Subscription, data?: Record<string, unknown>): Promise<void> {
    const rhythm = this.rhythm(sub);
    const next = firstCycleFromToday(rhythm, Math.max(sub.nextCycle, sub.currentCycle + 1), this.clock.now());
    const skipped = next - Math.max(sub.nextCycle, sub.currentCycle + 1);
    sub.nextCycle = next;
    sub.nextChargeAt = dueAt(rhythm, next);
    await this.setStatus(em, sub, 'active', 'resumed', {
      data: { ...data, ...(skipped > 0 ? { cycles_not_charged: skipped } : {}) },
    });
  }

  /**
   * A token that can no longer be charged stops its subscriptions (in the caller's transaction, which recorded the
   * token's status): a canceled token (`token_canceled`, `consent_withdrawn`) cancels every one not canceled yet
   * (it never comes back); a suspended one (`token_suspended`) halts the active and past_due ones until Klarna
   * says it is active again (a paused one stays paused: it charges nothing, and the merchant's pause outlives the
   * suspension). Returns how many changed.
   */
  async stopForToken(em: EntityManager, customerTokenId: string, reason: TokenStopReason): Promise<number> {
    const subs = await em.find(
      Subscription,
      { customerToken: customerTokenId, status: { $in: tokenStopFrom(reason) } },
      { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    for (const sub of subs) await this.stopForTokenOne(em, sub, reason);
    return subs.length;
  }

  /** One subscription of a stopped token, as `stopForToken` (a charge refused for the token's status). */
  async stopForTokenOne(
    em: EntityManager,
    sub: Subscription,
    reason: TokenStopReason,
    cycle?: SubscriptionCycle,
  ): Promise<void> {
    const to = reason === 'token_suspended' ? 'halted' : 'canceled';
    await this.setStatus(em, sub, to, to, { reason, cycle });
  }

  /** The token is active again: subscriptions halted because it was suspended charge again. */
  async resumeForToken(em: EntityManager, customerTokenId: string): Promise<number> {
    const subs = await em.find(
      Subscription,
      { customerToken: customerTokenId, status: 'halted', statusReason: 'token_suspended' },
      { orderBy: { id: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    for (const sub of subs) await this.reactivate(em, sub, { reason: 'token_active' });
    return subs.length;
  }

  /** Retry delays for a failed cycle: the subscription's own, else the merchant's, else the configured default. */
  async retryDelays(em: EntityManager, sub: Subscription): Promise<number[]> {
    if (sub.retryPolicy) return sub.retryPolicy.delays_days;
    const policy = await em.findOne(MerchantDunningPolicy, { merchant: sub.merchant.id });
    return policy?.delaysDays ?? this.config.subscriptions.retryDelaysDays;
  }

  rhythm(sub: Subscription) {
    return {
      startDate: sub.startDate,
      endDate: sub.endDate,
      interval: sub.interval,
      intervalCount: sub.intervalCount,
    };
  }

  /** Cycles waiting for a (re)try are not charged once the subscription stops; a charge in flight finishes. */
  private async dropScheduledCycles(em: EntityManager, sub: Subscription, why: string): Promise<void> {
    await em.nativeUpdate(
      SubscriptionCycle,
      { subscription: sub.id, status: 'scheduled' },
      {
        status: 'skipped',
        lastError: why,
        nextAttemptAt: null,
        settledAt: this.clock.now(),
        updatedAt: this.clock.now(),
      },
    );
  }
}
