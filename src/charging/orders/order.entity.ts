import { BigIntType, Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Consent } from '../../signup/consents/consent.entity';
import { CustomerToken } from '../../signup/customer-tokens/customer-token.entity';
import { Merchant } from '../../merchants/merchant.entity';
import type { KlarnaAuthorizedPaymentMethod, KlarnaTokenOrderRequest } from '../../klarna/klarna.types';

/**
 * `unknown`: committed before Klarna is called; stays so while the call is in flight and when Klarna's answer
 * was lost (timeout, 5xx). Only a definite answer from Klarna moves it on: `accepted` / `pending` (Klarna's
 * fraud_status), `declined` (Klarna declined the payment), `failed` (Klarna refused the order itself: token
 * canceled or suspended, forbidden, currency mismatch, bad request).
 */
export type OrderStatus = 'unknown' | 'accepted' | 'pending' | 'declined' | 'failed';

@Entity({ tableName: 'orders' })
@Index({ properties: ['merchant', 'id'] })
@Index({ properties: ['customerToken', 'id'] })
@Index({
  name: 'orders_unknown_next_attempt_at_index',
  expression:
    'create index "orders_unknown_next_attempt_at_index" on "orders" ("next_attempt_at") where "status" = \'unknown\'',
})
export class Order {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Merchant, ref: true, deleteRule: 'restrict' })
  merchant!: Ref<Merchant>;

  @ManyToOne({ entity: () => CustomerToken, ref: true, deleteRule: 'restrict' })
  customerToken!: Ref<CustomerToken>;

  /** The consent record the charge relied on. */
  @ManyToOne({ entity: () => Consent, ref: true, deleteRule: 'restrict' })
  consent!: Ref<Consent>;

  /** Set when the subscriptions engine placed the order. */
  @Property({ type: 'text', nullable: true })
  subscriptionId?: string | null;

  /** The merchant's Idempotency-Key (kept after the key itself expires, for support). */
  @Property({ type: 'text' })
  idempotencyKey!: string;

  /** Derived from merchant and key; sent on every attempt. */
  @Property({ type: 'text' })
  klarnaIdempotencyKey!: string;

  /** The request that created the order: problem answers stored for replays carry it. */
  @Property({ type: 'text' })
  requestId!: string;

  @Property({ type: 'text' })
  status!: OrderStatus;

  @Property({ type: 'text' })
  purchaseCurrency!: string;

  @Property({ type: new BigIntType('number') })
  orderAmount!: number;

  @Property({ type: new BigIntType('number') })
  orderTaxAmount!: number;

  @Property({ type: 'text', nullable: true })
  merchantReference1?: string | null;

  @Property({ type: 'text', nullable: true })
  merchantReference2?: string | null;

  /** Exactly what is sent to Klarna, so that every retry sends the same body. */
  @Property({ type: 'json', lazy: true })
  klarnaRequest!: KlarnaTokenOrderRequest;

  @Property({ type: 'text', nullable: true })
  klarnaOrderId?: string | null;

  @Property({ type: 'text', nullable: true })
  fraudStatus?: string | null;

  @Property({ type: 'json', nullable: true })
  authorizedPaymentMethod?: KlarnaAuthorizedPaymentMethod | null;

  /** Klarna's optional `redirect_url` (a cookie bounce to the confirmation URL), passed through as it came. */
  @Property({ type: 'text', nullable: true })
  redirectUrl?: string | null;

  /** Klarna's error_code for declined and failed orders. */
  @Property({ type: 'text', nullable: true })
  errorCode?: string | null;

  @Property({ type: 'text', nullable: true })
  errorMessage?: string | null;

  @Property({ type: 'text', nullable: true })
  klarnaCorrelationId?: string | null;

  /** Calls started (by the request or the completer); also the fence for giving an attempt back. */
  @Property({ type: 'integer' })
  attempts!: number;

  /** While unknown: when the current lease ends or the next retry is due. Null once final (or given up). */
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;

  /** Why the outcome is (still) unknown: timeout, connection_lost, server_error, … */
  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;

  // ---- The money at Klarna's Order Management (src/charging/money), once the order is placed ----------------

  /** Sent to Klarna as `auto_capture`: the order was captured in full when placed. */
  @Property({ type: 'boolean', default: false })
  autoCapture: boolean = false;

  /** Captured at Klarna, minor units (what Autopay captured plus what reconciliation found). */
  @Property({ type: new BigIntType('number'), default: 0 })
  capturedAmount: number = 0;

  @Property({ type: new BigIntType('number'), default: 0 })
  refundedAmount: number = 0;

  /** Until when the uncaptured authorization can be captured (Klarna's `expires_at`). */
  @Property({ type: 'timestamptz', nullable: true })
  authorizationExpiresAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  canceledAt?: Date | null;

  /** Klarna's Order Management status as last read by reconciliation (`CLOSED`, `EXPIRED` are only known so). */
  @Property({ type: 'text', nullable: true })
  klarnaStatus?: string | null;

  /** Bumped by every change of the money columns; reconciliation writes only over the version it read. */
  @Property({ type: 'integer', default: 0 })
  moneyVersion: number = 0;

  /** When reconciliation read the order from Klarna last. */
  @Property({ type: 'timestamptz', nullable: true })
  reconciledAt?: Date | null;

  /** When `order.capture_expiring` was raised (once per order). */
  @Property({ type: 'timestamptz', nullable: true })
  captureExpiringNotifiedAt?: Date | null;
}
