import { ConfigService } from '@nestjs/config';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import {
  conflict,
  type FieldError,
  notFound,
  validationProblem,
} from '../../common/errors/problem.exception';
import { bindToIdempotencyKey, type HeldKey } from '../../common/idempotency/idempotent-work';
import { newId } from '../../common/ids';
import {
  decodeCursor,
  type Page,
  pageLimit,
  type PageQueryDto,
  toPage,
} from '../../common/pagination/pagination';
import type { AppConfig } from '../../config/app-config';
import { CustomerTokensService } from '../../signup/customer-tokens/customer-tokens.service';
import type { OrderLineDto } from '../../klarna/order/klarna-order.dto';
import { checkKlarnaTokenOrder } from '../../klarna/order/klarna-order-rules';
import { consentScopeExceeded, consentScopeViolations, type ScopeViolation } from '../orders/consent-scope';
import type {
  CreateSubscriptionDto,
  DunningPolicyDto,
  DunningPolicyViewDto,
  SubscriptionCycleDto,
  SubscriptionResponseDto,
  SubscriptionEventDto,
  SubscriptionQueryDto,
} from './dto/subscription.dto';
import { cycleDate, dueAt, parseDate, utcDate } from './schedule';
import {
  MerchantDunningPolicy,
  Subscription,
  SubscriptionCycle,
  SubscriptionEvent,
  type SubscriptionOrder,
} from './subscription.entity';
import { cycleDto, subscriptionDto, subscriptionEventDto } from './subscription.mapper';
import { latestCycleIds } from './subscriptions.queries';
import { SubscriptionCharger } from './subscription-charger';
import { SubscriptionTransitions } from './subscription-transitions';
import { TestClocksService } from './test-clocks.service';

const METADATA_MAX_KEYS = 20;

/**
 * A violation of the consent scope by a subscription's order, named by this route's fields: the order is under
 * `order`, and a rhythm the consent does not cover is the subscription's own `interval` (its lines repeat it).
 */
const subscriptionField = (v: ScopeViolation): ScopeViolation => ({
  ...v,
  field: v.limit === 'interval' ? 'interval' : `order.${v.field}`,
});

function delaysProblems(delays: number[], field: string): FieldError[] {
  return delays.some((d, i) => i > 0 && d <= delays[i - 1])
    ? [{ field, message: 'must be strictly increasing (days after the first failed charge)' }]
    : [];
}

@Injectable()
export class SubscriptionsService {
  private readonly logger = new Logger(SubscriptionsService.name);

  /** The settings this class reads, from @nestjs/config's ConfigService. */
  private readonly config: Pick<AppConfig, 'subscriptions'>;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly tokens: CustomerTokensService,
    private readonly transitions: SubscriptionTransitions,
    private readonly charger: SubscriptionCharger,
    private readonly testClocks: TestClocksService,
    configService: ConfigService<AppConfig, true>,
  ) {
    this.config = {
      subscriptions: configService.getOrThrow('subscriptions', { infer: true }),
    };
  }

  /** On a test clock, everything the creation does (the first charge included) happens at the clock's time. */
  async create(
    merchantId: string,
    customerTokenId: string,
    input: CreateSubscriptionDto,
    held?: HeldKey,
  ): Promise<SubscriptionResponseDto> {
    const clockId = input.test_clock;
    if (clockId === undefined) return this.createNow(merchantId, customerTokenId, input, null, held);
    const frozenTime = await this.testClocks.frozenTimeFor(merchantId, clockId);
    return Clock.runFrozenAt(frozenTime, () =>
      this.createNow(merchantId, customerTokenId, input, clockId, held),
    );
  }

  private async createNow(
    merchantId: string,
    customerTokenId: string,
    input: CreateSubscriptionDto,
    testClockId: string | null,
    held: HeldKey | undefined,
  ): Promise<SubscriptionResponseDto> {
    // An earlier request with this Idempotency-Key and body created the subscription, then crashed before its
    // answer was recorded: finish what it started (the charge of what is due, at most once) and answer with it.
    const earlier = held?.earlier ?? null;
    if (earlier !== null) {
      await this.chargeNow(earlier);
      return this.get(merchantId, earlier);
    }
    const { token, scope } = await this.tokens.chargeable(merchantId, customerTokenId, this.em);
    const intervalCount = input.interval_count ?? 1;
    const now = this.clock.now();
    const today = utcDate(now);

    const errors: FieldError[] = [];
    if (!parseDate(input.start_date)) errors.push({ field: 'start_date', message: 'is not a calendar date' });
    else if (cycleDate(input.start_date, input.interval, intervalCount, 2) <= today) {
      errors.push({
        field: 'start_date',
        message: 'may lie in the past only while the second cycle is still in the future',
      });
    }
    if (input.end_date !== undefined) {
      if (!parseDate(input.end_date)) errors.push({ field: 'end_date', message: 'is not a calendar date' });
      else if (input.end_date < input.start_date)
        errors.push({ field: 'end_date', message: 'must not be before start_date' });
    }
    const lines = input.order.order_lines.map((line, i) =>
      this.withSubscription(line, i, input, intervalCount, errors),
    );
    // The rules the orders module applies to every charge (token-order mode), checked once up front so that a
    // subscription never starts with an order that each cycle would have refused. The currency is a scope matter.
    errors.push(
      ...checkKlarnaTokenOrder({
        purchase_currency: input.order.purchase_currency,
        order_amount: input.order.order_amount,
        order_tax_amount: input.order.order_tax_amount,
        order_lines: lines,
      }).map((e) => ({ ...e, field: `order.${e.field}` })),
    );
    if (input.retry_policy)
      errors.push(...delaysProblems(input.retry_policy.delays_days, 'retry_policy.delays_days'));
    errors.push(...this.metadataProblems(input.metadata));
    if (errors.length > 0) throw validationProblem(errors);

    if (token.status !== 'active') {
      throw conflict(
        'TOKEN_NOT_ACTIVE',
        `Customer token ${token.id} is ${token.status}; it cannot be charged.`,
      );
    }
    // The orders module's check of every charge, on the order each cycle will place (its lines carry the
    // subscription's rhythm). Withdrawal: a withdrawn consent canceled the token, refused just above.
    const violations = consentScopeViolations(
      {
        purchase_currency: input.order.purchase_currency,
        order_amount: input.order.order_amount,
        order_lines: lines,
      },
      scope,
      token.intendedUse,
      false,
    );
    if (violations.length > 0) {
      const named = violations.map(subscriptionField);
      const unique = named.filter((v, i) => named.findIndex((o) => o.field === v.field) === i);
      throw consentScopeExceeded(unique, 'subscription');
    }

    const order: SubscriptionOrder = {
      purchase_currency: input.order.purchase_currency,
      order_amount: input.order.order_amount,
      order_tax_amount: input.order.order_tax_amount,
      order_lines: lines,
      ...(input.order.merchant_reference1 !== undefined
        ? { merchant_reference1: input.order.merchant_reference1 }
        : {}),
      ...(input.order.merchant_reference2 !== undefined
        ? { merchant_reference2: input.order.merchant_reference2 }
        : {}),
      ...(input.order.auto_capture !== undefined ? { auto_capture: input.order.auto_capture } : {}),
    };
    const rhythm = {
      startDate: input.start_date,
      endDate: input.end_date,
      interval: input.interval,
      intervalCount,
    };
    const id = newId('sub', now.getTime());
    await this.em.transactional(async (em) => {
      const sub = em.create(Subscription, {
        id,
        merchant: merchantId,
        customerToken: token.id,
        status: 'active',
        interval: input.interval,
        intervalCount,
        startDate: input.start_date,
        endDate: input.end_date ?? null,
        order,
        retryPolicy: input.retry_policy ? { delays_days: [...input.retry_policy.delays_days] } : null,
        description: input.description ?? null,
        metadata: input.metadata ?? null,
        currentCycle: 0,
        nextCycle: 1,
        nextChargeAt: dueAt(rhythm, 1),
        testClock: testClockId,
        createdAt: now,
        updatedAt: now,
      });
      await em.flush();
      await this.transitions.record(em, sub, { type: 'created' });
      await bindToIdempotencyKey(em, held, id);
    });
    if (input.start_date <= today) await this.chargeNow(id);
    return this.get(merchantId, id);
  }

  async list(merchantId: string, query: SubscriptionQueryDto): Promise<Page<SubscriptionResponseDto>> {
    const limit = pageLimit(query);
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      Subscription,
      {
        merchant: merchantId,
        ...(query.status ? { status: query.status } : {}),
        ...(query.customer_token_id !== undefined ? { customerToken: query.customer_token_id } : {}),
        ...(before ? { id: { $lt: before } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
    const latest = await this.latestCycles(rows.slice(0, limit).map((r) => r.id));
    return toPage(rows, limit, (s) => subscriptionDto(s, latest.get(s.id)));
  }

  async get(merchantId: string, id: string): Promise<SubscriptionResponseDto> {
    const sub = await this.load(this.em, merchantId, id);
    return subscriptionDto(sub, await this.transitions.latestCycle(this.em, sub.id));
  }

  async cycles(
    merchantId: string,
    id: string,
    query: PageQueryDto,
  ): Promise<Page<SubscriptionCycleDto & { id: string }>> {
    await this.load(this.em, merchantId, id);
    const limit = pageLimit(query);
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      SubscriptionCycle,
      { subscription: id, ...(before ? { id: { $lt: before } } : {}) },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
    return toPage(rows, limit, (c) => ({ id: c.id, ...cycleDto(c) }));
  }

  async events(merchantId: string, id: string, query: PageQueryDto): Promise<Page<SubscriptionEventDto>> {
    await this.load(this.em, merchantId, id);
    const limit = pageLimit(query);
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      SubscriptionEvent,
      { subscription: id, ...(before ? { id: { $lt: before } } : {}) },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
    return toPage(rows, limit, subscriptionEventDto);
  }

  /** Final. Cycles waiting for a (re)try are dropped; a charge already in flight still completes. Idempotent. */
  async cancel(
    merchantId: string,
    id: string,
    reason: 'merchant' | 'consent_withdrawn' = 'merchant',
  ): Promise<SubscriptionResponseDto> {
    return this.onItsClock(merchantId, id, () => this.cancelNow(merchantId, id, reason));
  }

  private async cancelNow(
    merchantId: string,
    id: string,
    reason: 'merchant' | 'consent_withdrawn',
  ): Promise<SubscriptionResponseDto> {
    await this.em.transactional(async (em) => {
      const sub = await this.load(em, merchantId, id, true);
      await this.transitions.setStatus(em, sub, 'canceled', 'canceled', { reason });
    });
    return this.get(merchantId, id);
  }

  async pause(merchantId: string, id: string): Promise<SubscriptionResponseDto> {
    return this.onItsClock(merchantId, id, () => this.pauseNow(merchantId, id));
  }

  private async pauseNow(merchantId: string, id: string): Promise<SubscriptionResponseDto> {
    await this.em.transactional(async (em) => {
      const sub = await this.load(em, merchantId, id, true);
      if (sub.status === 'paused') return;
      if (sub.status !== 'active' && sub.status !== 'past_due') {
        throw conflict(
          'SUBSCRIPTION_NOT_ACTIVE',
          `Subscription ${id} is ${sub.status}; only an active or past_due one can be paused.`,
        );
      }
      await this.transitions.setStatus(em, sub, 'paused', 'paused');
    });
    return this.get(merchantId, id);
  }

  /**
   * Paused (or halted, once its token is active again) → active. Cycles dated in the pause are not charged; a
   * cycle dated today is charged right away.
   */
  async resume(merchantId: string, id: string): Promise<SubscriptionResponseDto> {
    return this.onItsClock(merchantId, id, () => this.resumeNow(merchantId, id));
  }

  private async resumeNow(merchantId: string, id: string): Promise<SubscriptionResponseDto> {
    const resumed = await this.em.transactional(async (em) => {
      const sub = await this.load(em, merchantId, id, true);
      if (sub.status === 'active' || sub.status === 'past_due') return false;
      if (sub.status === 'canceled') {
        throw conflict('SUBSCRIPTION_CANCELED', `Subscription ${id} is canceled; create a new one.`);
      }
      if (sub.status === 'halted') {
        const { token } = await this.tokens.chargeable(merchantId, sub.customerToken.id, em);
        if (token.status !== 'active') {
          throw conflict(
            'TOKEN_NOT_ACTIVE',
            `Customer token ${token.id} is ${token.status}; it cannot be charged.`,
          );
        }
      }
      await this.transitions.reactivate(em, sub);
      return true;
    });
    if (resumed) await this.chargeNow(id);
    return this.get(merchantId, id);
  }

  async dunningPolicy(merchantId: string): Promise<DunningPolicyViewDto> {
    const policy = await this.em.findOne(MerchantDunningPolicy, { merchant: merchantId });
    return policy
      ? { delays_days: [...policy.delaysDays], source: 'merchant' }
      : { delays_days: [...this.config.subscriptions.retryDelaysDays], source: 'default' };
  }

  async setDunningPolicy(merchantId: string, input: DunningPolicyDto): Promise<DunningPolicyViewDto> {
    const problems = delaysProblems(input.delays_days, 'delays_days');
    if (problems.length > 0) throw validationProblem(problems);
    await this.em.upsert(
      MerchantDunningPolicy,
      { merchant: merchantId, delaysDays: [...input.delays_days], updatedAt: this.clock.now() },
      { onConflictFields: ['merchant'], onConflictAction: 'merge' },
    );
    return this.dunningPolicy(merchantId);
  }

  /** Runs a change of a subscription at its test clock's time when it lives on one. */
  private async onItsClock<T>(merchantId: string, id: string, work: () => Promise<T>): Promise<T> {
    const frozenTime = await this.testClocks.frozenTimeOf(merchantId, id);
    return frozenTime ? Clock.runFrozenAt(frozenTime, work) : work();
  }

  /** Charges what is due for this subscription now, instead of waiting for the next poll (which would also). */
  private async chargeNow(id: string): Promise<void> {
    try {
      await this.charger.runOnce(id);
    } catch (error) {
      this.logger.warn({ err: error, subscription: id }, 'immediate charge failed; the scheduler will retry');
    }
  }

  /** Klarna's `subscription` object on every line: added when missing, and it must match the rhythm. */
  private withSubscription(
    line: OrderLineDto,
    i: number,
    input: CreateSubscriptionDto,
    intervalCount: number,
    errors: FieldError[],
  ): OrderLineDto {
    if (!line.subscription) {
      return {
        ...line,
        subscription: { name: line.name, interval: input.interval, interval_count: intervalCount },
      };
    }
    if (line.subscription.interval !== input.interval) {
      errors.push({
        field: `order.order_lines[${i}].subscription.interval`,
        message: `must be ${input.interval}, the subscription's interval`,
      });
    }
    if (line.subscription.interval_count !== intervalCount) {
      errors.push({
        field: `order.order_lines[${i}].subscription.interval_count`,
        message: `must be ${intervalCount}, the subscription's interval_count`,
      });
    }
    return { ...line, subscription: { ...line.subscription } };
  }

  private metadataProblems(metadata: Record<string, unknown> | undefined): FieldError[] {
    if (!metadata) return [];
    const entries = Object.entries(metadata);
    if (entries.length > METADATA_MAX_KEYS)
      return [{ field: 'metadata', message: `must have at most ${METADATA_MAX_KEYS} keys` }];
    return entries.flatMap(([key, value]): FieldError[] => {
      if (key.length < 1 || key.length > 40)
        return [{ field: `metadata.${key}`, message: 'key must be 1-40 characters' }];
      if (typeof value !== 'string' || value.length > 500) {
        return [{ field: `metadata.${key}`, message: 'must be a string of at most 500 characters' }];
      }
      return [];
    });
  }

  private async latestCycles(ids: string[]): Promise<Map<string, SubscriptionCycle>> {
    if (ids.length === 0) return new Map();
    const rows = await latestCycleIds(this.em, ids);

    const cycles = await this.em.find(SubscriptionCycle, { id: { $in: rows.map((r) => r.id) } });
    return new Map(cycles.map((c) => [c.subscription.id, c]));
  }

  private async load(em: EntityManager, merchantId: string, id: string, lock = false): Promise<Subscription> {
    const sub = await em.findOne(
      Subscription,
      { id, merchant: merchantId },
      lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
    if (!sub) throw notFound('Subscription', id);
    return sub;
  }
}
