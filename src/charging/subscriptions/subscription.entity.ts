import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref, Unique } from '@mikro-orm/core';
import { CustomerToken } from '../../signup/customer-tokens/customer-token.entity';
import { Merchant } from '../../merchants/merchant.entity';
import type { TokenOrderInput } from '../orders/orders.service';
import type { ScopeInterval } from '../../signup/terms/terms.entity';
import { TestClock } from './test-clock.entity';

/**
 * `active`: charged on schedule. `paused`: nothing is charged until resumed (cycles that fall in the pause are not
 * owed). `past_due`: the last cycle failed after its retries (or a hard decline); later cycles are still tried and
 * a success makes it active again. `halted`: the token is suspended (or the consent no longer covers the charge):
 * nothing is charged until the token is active again. `canceled`: final (by the merchant, its end date passed, or
 * its token canceled or its consent withdrawn).
 */
export type SubscriptionStatus = 'active' | 'paused' | 'past_due' | 'halted' | 'canceled';
/** Statuses the scheduler charges. */
export const CHARGEABLE_STATUSES: SubscriptionStatus[] = ['active', 'past_due'];

/** The order each cycle places (a token order; `auto_capture` left out applies the default capture policy). */
export type SubscriptionOrder = TokenOrderInput;

export interface RetryPolicy {
  delays_days: number[];
}

@Entity({ tableName: 'subscriptions' })
@Index({ properties: ['merchant', 'id'] })
@Index({ properties: ['merchant', 'customerToken', 'id'] })
@Index({ properties: ['merchant', 'status', 'id'] })
@Index({
  name: 'subscriptions_due_index',
  expression:
    'create index "subscriptions_due_index" on "subscriptions" ("next_charge_at") where "status" in (\'active\', \'past_due\')',
})
export class Subscription {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict' })
  merchant!: Ref<Merchant>;

  @ManyToOne({ entity: () => CustomerToken, ref: true, deleteRule: 'restrict', index: true })
  customerToken!: Ref<CustomerToken>;

  @Property({ type: 'text' })
  status!: SubscriptionStatus;

  /**
   * Why it is halted or canceled (`token_suspended`, `token_canceled`, `consent_withdrawn`, `consent_exceeded`,
   * `outcome_unknown`, `merchant`, `ended`).
   */
  @Property({ type: 'text', nullable: true })
  statusReason?: string | null;

  @Property({ type: 'text' })
  interval!: ScopeInterval;

  @Property({ type: 'integer' })
  intervalCount!: number;

  /** The anchor of every billing date, `YYYY-MM-DD` (UTC). */
  @Property({ type: 'text' })
  startDate!: string;

  @Property({ type: 'text', nullable: true })
  endDate?: string | null;

  @Property({ type: 'json' })
  order!: SubscriptionOrder;

  /** Overrides the merchant's dunning policy when set. */
  @Property({ type: 'json', nullable: true })
  retryPolicy?: RetryPolicy | null;

  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'json', nullable: true })
  metadata?: Record<string, string> | null;

  /** The newest cycle created so far (0 before the first). */
  @Property({ type: 'integer' })
  currentCycle!: number;

  /** The cycle `nextChargeAt` refers to. */
  @Property({ type: 'integer' })
  nextCycle!: number;

  /** When `nextCycle` is due; null when no cycle is left before the end date. */
  @Property({ type: 'timestamptz', nullable: true })
  nextChargeAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastChargedAt?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  canceledAt?: Date | null;

  /** The test clock it lives on (its time instead of the real one); null for a real subscription. */
  @ManyToOne({ entity: () => TestClock, ref: true, nullable: true, deleteRule: 'restrict', index: true })
  testClock?: Ref<TestClock> | null;
}

/** `scheduled`: waiting for `nextAttemptAt`; `charging`: a worker holds it (lease) or the outcome is being awaited. */
export type CycleStatus = 'scheduled' | 'charging' | 'succeeded' | 'failed' | 'skipped';

/** One billing period of a subscription: at most one charge (one idempotency key) per cycle, ever. */
@Entity({ tableName: 'subscription_cycles' })
@Unique({ properties: ['subscription', 'cycle'] })
@Index({
  name: 'subscription_cycles_due_index',
  expression:
    'create index "subscription_cycles_due_index" on "subscription_cycles" ("next_attempt_at") where "status" in (\'scheduled\', \'charging\')',
})
export class SubscriptionCycle {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Subscription, ref: true, deleteRule: 'cascade' })
  subscription!: Ref<Subscription>;

  /** Denormalised for claiming with a per-merchant bound without a join. */
  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict', index: true })
  merchant!: Ref<Merchant>;

  @Property({ type: 'integer' })
  cycle!: number;

  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Property({ type: 'text' })
  status!: CycleStatus;

  /** Charges tried (the first one included). */
  @Property({ type: 'integer' })
  attempts!: number;

  /** When it may be claimed next: the due time, a retry, a re-check of an unknown outcome, or a lease's end. */
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  lockToken?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  firstFailedAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  orderId?: string | null;

  /** A problem or decline code, e.g. `PAYMENT_METHOD_FAILED`, `TOKEN_SUSPENDED`, `MISSED`. */
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  settledAt?: Date | null;
}

/** Append-only history: every status change and every charge outcome of a subscription. */
@Entity({ tableName: 'subscription_events' })
@Index({ properties: ['subscription', 'id'] })
export class SubscriptionEvent {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Subscription, ref: true, deleteRule: 'cascade' })
  subscription!: Ref<Subscription>;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict', index: true })
  merchant!: Ref<Merchant>;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'integer', nullable: true })
  cycle?: number | null;

  @Property({ type: 'text', nullable: true })
  fromStatus?: string | null;

  @Property({ type: 'text', nullable: true })
  toStatus?: string | null;

  @Property({ type: 'json', nullable: true })
  data?: Record<string, unknown> | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/** A merchant's default dunning policy (a subscription's own retry_policy overrides it). */
@Entity({ tableName: 'merchant_dunning_policies' })
export class MerchantDunningPolicy {
  @ManyToOne({ entity: () => Merchant, ref: true, primary: true, deleteRule: 'cascade' })
  merchant!: Ref<Merchant>;

  @Property({ type: 'json' })
  delaysDays!: number[];

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;
}
