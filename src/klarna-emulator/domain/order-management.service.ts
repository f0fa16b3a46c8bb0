import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EmulatorClock } from '../core/clock';
import { KlarnaError } from '../core/klarna-error';
import type { MerchantContext } from '../core/request-context';
import {
  EmulatorState,
  type CaptureRecord,
  type OmOrderRecord,
  type OmStatus,
  type OrderRecord,
  type RefundRecord,
  type StoredResponse,
} from '../core/state';
import { validateCapture, validateRefund } from '../validation/klarna-rules';
import { isObject, type Json } from '../validation/primitives';
import { IdempotencyService } from './idempotency.service';
import { LedgerService } from './ledger.service';
import { upper, validated } from './validated';

/**
 * How long an uncaptured authorization can be captured: 28 days, Klarna's documented default for Klarna Payments
 * orders (the reference is silent; the real period depends on the payment method and the merchant's contract,
 * see docs/emulator.md "Order Management").
 */
export const AUTHORIZATION_VALIDITY_MS = 28 * 24 * 3600 * 1000;

const OM_PATH = '/ordermanagement/v1/orders';

function notAllowed(errorCode: string, message: string): KlarnaError {
  return new KlarnaError(403, errorCode, [message]);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function klarnaReference(): string {
  return `K${randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

function optional<T>(key: string, value: T | undefined): Record<string, T> {
  return value === undefined ? {} : { [key]: value };
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** What an order-creating operation knows besides the ledger row. */
export interface PlacedOrderDetails {
  /** The validated create-order body (Payments or Customer Token API). */
  body: Json;
  purchaseCountry: string;
  fraudStatus: string;
  paymentMethodType: string;
}

type CaptureSource = CaptureRecord['source'];

/**
 * Order Management API v1, statefully: every order placed through the Payments or Customer Token API becomes an
 * OM order that can be read, captured (in parts), refunded (in parts), cancelled before any capture, and whose
 * remaining authorization can be released. Status is derived from the order's facts and the emulator's clock,
 * so an uncaptured authorization expires when the clock is advanced past `expires_at`.
 */
@Injectable()
export class OrderManagementService {
  constructor(
    private readonly state: EmulatorState,
    private readonly clock: EmulatorClock,
    private readonly ledger: LedgerService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** Records the order in the ledger and opens it in Order Management; `auto_capture: true` captures it all. */
  place(ledgerOrder: Omit<OrderRecord, 'order_id' | 'created_at'>, details: PlacedOrderDetails): OrderRecord {
    const order = this.ledger.recordOrder(ledgerOrder);
    const { body } = details;
    const now = this.clock.now();
    const text = (key: string) => (typeof body[key] === 'string' ? body[key] : undefined);
    const record: OmOrderRecord = {
      orderId: order.order_id,
      mid: ledgerOrder.username,
      klarnaReference: klarnaReference(),
      cancelled: false,
      released: false,
      purchaseCountry: details.purchaseCountry,
      purchaseCurrency: ledgerOrder.purchase_currency,
      locale: text('locale'),
      orderAmount: ledgerOrder.order_amount,
      orderLines: Array.isArray(body.order_lines) ? body.order_lines : [],
      merchantReference1: text('merchant_reference1'),
      merchantReference2: text('merchant_reference2'),
      merchantData: text('merchant_data'),
      billingAddress: isObject(body.billing_address) ? body.billing_address : undefined,
      shippingAddress: isObject(body.shipping_address) ? body.shipping_address : undefined,
      fraudStatus: details.fraudStatus,
      paymentMethodType: details.paymentMethodType,
      createdAt: now,
      expiresAt: now + AUTHORIZATION_VALIDITY_MS,
      captures: [],
      refunds: [],
    };
    this.state.omOrders.set(record.orderId, record);
    if (body.auto_capture === true) {
      this.addCapture(record, { captured_amount: record.orderAmount }, 'auto_capture', null);
    }
    return order;
  }

  // ---- Klarna endpoints -----------------------------------------------------------------------------------

  read(mid: string, orderId: string): Json {
    return this.view(this.find(mid, orderId));
  }

  readCapture(mid: string, orderId: string, captureId: string): Json {
    const order = this.find(mid, orderId);
    const capture = order.captures.find((c) => c.captureId === captureId);
    if (!capture) throw KlarnaError.notFound('Capture not found', 'NO_SUCH_CAPTURE');
    return this.captureView(order, capture);
  }

  readRefund(mid: string, orderId: string, refundId: string): Json {
    const order = this.find(mid, orderId);
    const refund = order.refunds.find((r) => r.refundId === refundId);
    if (!refund) throw KlarnaError.notFound('Refund not found');
    return this.refundView(refund);
  }

  capture(merchant: MerchantContext, orderId: string, input: unknown, key: string | undefined) {
    return this.idempotency.run(this.scope(merchant, 'capture', orderId, key), merchant.correlationId, () => {
      const order = this.find(merchant.mid, orderId);
      const { body } = validated(input, validateCapture);
      const capture = this.addCapture(order, body, 'api', key ?? null);
      const location = `${merchant.origin}${OM_PATH}/${encodeURIComponent(orderId)}/captures/${capture.captureId}`;
      return { status: 201, body: null, headers: { 'Capture-Id': capture.captureId, Location: location } };
    });
  }

  refund(merchant: MerchantContext, orderId: string, input: unknown, key: string | undefined) {
    return this.idempotency.run(this.scope(merchant, 'refund', orderId, key), merchant.correlationId, () => {
      const order = this.find(merchant.mid, orderId);
      const { body } = validated(input, validateRefund);
      const refund = this.addRefund(order, body, 'api', key ?? null);
      const location = `${merchant.origin}${OM_PATH}/${encodeURIComponent(orderId)}/refunds/${refund.refundId}`;
      return { status: 201, body: null, headers: { 'Refund-Id': refund.refundId, Location: location } };
    });
  }

  /** Voids an order that has nothing captured yet; anything else is CANCEL_NOT_ALLOWED. */
  cancel(merchant: MerchantContext, orderId: string, key: string | undefined): StoredResponse {
    return this.idempotency.run(this.scope(merchant, 'cancel', orderId, key), merchant.correlationId, () => {
      const order = this.find(merchant.mid, orderId);
      const status = this.status(order);
      if (status !== 'AUTHORIZED') {
        throw notAllowed(
          'CANCEL_NOT_ALLOWED',
          order.captures.length > 0
            ? 'Cancel not allowed: the order has captures'
            : `Cancel not allowed: the order is ${status}`,
        );
      }
      order.cancelled = true;
      return { status: 204, body: null };
    });
  }

  /**
   * Gives up the authorization left after captures: the order becomes CAPTURED. Refused (NOT_ALLOWED, as the
   * spec's 403) when the order is cancelled or has no captures; nothing to release is accepted as done.
   */
  releaseRemaining(merchant: MerchantContext, orderId: string, key: string | undefined): StoredResponse {
    return this.idempotency.run(this.scope(merchant, 'release', orderId, key), merchant.correlationId, () => {
      const order = this.find(merchant.mid, orderId);
      if (order.cancelled || order.captures.length === 0) {
        throw notAllowed(
          'NOT_ALLOWED',
          `Release not allowed: the order is ${this.status(order)} and has no captures`,
        );
      }
      order.released = true;
      return { status: 204, body: null };
    });
  }

  // ---- Test controls ("the merchant portal") ---------------------------------------------------------------

  /** A capture made outside the API (Klarna's merchant portal): same rules, no idempotency key. */
  portalCapture(orderId: string, input: unknown): Json {
    const order = this.find(null, orderId);
    const { body } = validated(input, validateCapture);
    return this.captureView(order, this.addCapture(order, body, 'portal', null));
  }

  /** A refund made outside the API (Klarna's merchant portal), e.g. for reconciliation tests. */
  portalRefund(orderId: string, input: unknown): Json {
    const order = this.find(null, orderId);
    const { body } = validated(input, validateRefund);
    return this.refundView(this.addRefund(order, body, 'portal', null));
  }

  /** Any merchant's order as Order Management shows it. */
  controlRead(orderId: string): Json {
    return this.view(this.find(null, orderId));
  }

  /** The ledger row enriched with what Order Management holds now (captures and refunds with their keys). */
  ledgerView(order: OrderRecord): Json {
    const om = this.state.omOrders.get(order.order_id);
    if (!om) return { ...order };
    return {
      ...order,
      status: this.status(om),
      captured_amount: this.captured(om),
      refunded_amount: this.refunded(om),
      remaining_authorized_amount: this.remaining(om),
      expires_at: iso(om.expiresAt),
      captures: om.captures.map((c) => ({
        capture_id: c.captureId,
        captured_amount: c.capturedAmount,
        captured_at: iso(c.capturedAt),
        idempotency_key: c.idempotencyKey,
        source: c.source,
      })),
      refunds: om.refunds.map((r) => ({
        refund_id: r.refundId,
        refunded_amount: r.refundedAmount,
        refunded_at: iso(r.refundedAt),
        idempotency_key: r.idempotencyKey,
        source: r.source,
      })),
    };
  }

  // ---- Rules ----------------------------------------------------------------------------------------------

  private addCapture(
    order: OmOrderRecord,
    body: Json,
    source: CaptureSource,
    idempotencyKey: string | null,
  ): CaptureRecord {
    const amount = body.captured_amount as number;
    const status = this.status(order);
    if (status !== 'AUTHORIZED' && status !== 'PART_CAPTURED') {
      throw notAllowed('CAPTURE_NOT_ALLOWED', `Capture not allowed: the order is ${status}`);
    }
    const remaining = this.remaining(order);
    if (amount > remaining) {
      throw notAllowed(
        'CAPTURE_NOT_ALLOWED',
        `Capture not allowed: captured_amount ${amount} exceeds the remaining authorized amount ${remaining}`,
      );
    }
    const capture: CaptureRecord = {
      captureId: randomUUID(),
      capturedAmount: amount,
      capturedAt: this.clock.now(),
      description: body.description as string | undefined,
      reference: body.reference as string | undefined,
      orderLines: body.order_lines as unknown[] | undefined,
      shippingInfo: body.shipping_info as unknown[] | undefined,
      refundedAmount: 0,
      klarnaReference: `${order.klarnaReference}-${order.captures.length + 1}`,
      idempotencyKey,
      source,
    };
    order.captures.push(capture);
    return capture;
  }

  private addRefund(
    order: OmOrderRecord,
    body: Json,
    source: RefundRecord['source'],
    idempotencyKey: string | null,
  ): RefundRecord {
    const amount = body.refunded_amount as number;
    const refundable = this.captured(order) - this.refunded(order);
    if (refundable === 0) {
      throw notAllowed(
        'REFUND_NOT_ALLOWED',
        `Refund not allowed: the order is ${this.status(order)} and has nothing captured left to refund`,
      );
    }
    if (amount > refundable) {
      throw notAllowed(
        'REFUND_NOT_ALLOWED',
        `Refund not allowed: refunded_amount ${amount} exceeds the captured amount not yet refunded ${refundable}`,
      );
    }
    // The API does not tie a refund to a capture; it is attributed to the oldest captures first.
    let left = amount;
    for (const capture of order.captures) {
      const take = Math.min(left, capture.capturedAmount - capture.refundedAmount);
      capture.refundedAmount += take;
      left -= take;
    }
    const refund: RefundRecord = {
      refundId: randomUUID(),
      refundedAmount: amount,
      refundedAt: this.clock.now(),
      description: body.description as string | undefined,
      reference: body.reference as string | undefined,
      orderLines: body.order_lines as unknown[] | undefined,
      idempotencyKey,
      source,
    };
    order.refunds.push(refund);
    return refund;
  }

  /**
   * AUTHORIZED: nothing captured, still capturable. PART_CAPTURED: some captured, some still authorized.
   * CAPTURED: capturing is over (all captured, the rest released, or the rest expired). CLOSED: capturing is
   * over and everything captured was refunded. CANCELLED: voided before any capture. EXPIRED: nothing captured
   * by `expires_at`.
   */
  private status(order: OmOrderRecord): OmStatus {
    if (order.cancelled) return 'CANCELLED';
    const captured = this.captured(order);
    const expired = this.clock.now() >= order.expiresAt;
    if (captured === 0) return expired ? 'EXPIRED' : 'AUTHORIZED';
    if (!order.released && !expired && captured < order.orderAmount) return 'PART_CAPTURED';
    return this.refunded(order) >= captured ? 'CLOSED' : 'CAPTURED';
  }

  private remaining(order: OmOrderRecord): number {
    if (order.cancelled || order.released || this.clock.now() >= order.expiresAt) return 0;
    return order.orderAmount - this.captured(order);
  }

  private captured(order: OmOrderRecord): number {
    return sum(order.captures.map((c) => c.capturedAmount));
  }

  private refunded(order: OmOrderRecord): number {
    return sum(order.refunds.map((r) => r.refundedAmount));
  }

  /** An order of this MID (any MID for the controls, `mid` null); a foreign order does not exist. */
  private find(mid: string | null, orderId: string): OmOrderRecord {
    const order = this.state.omOrders.get(orderId);
    if (!order || (mid !== null && order.mid !== mid))
      throw KlarnaError.notFound('No such order', 'NO_SUCH_ORDER');
    return order;
  }

  /** Keys are kept per MID, operation and order, so one key reused for another call does not replay it. */
  private scope(merchant: MerchantContext, operation: string, orderId: string, key: string | undefined) {
    return key ? `${merchant.mid}\nOM ${operation} ${orderId}\n${key}` : undefined;
  }

  private view(order: OmOrderRecord): Json {
    return {
      order_id: order.orderId,
      status: this.status(order),
      fraud_status: order.fraudStatus,
      order_amount: order.orderAmount,
      original_order_amount: order.orderAmount,
      captured_amount: this.captured(order),
      refunded_amount: this.refunded(order),
      remaining_authorized_amount: this.remaining(order),
      purchase_currency: upper(order.purchaseCurrency),
      purchase_country: upper(order.purchaseCountry),
      ...optional('locale', order.locale),
      created_at: iso(order.createdAt),
      expires_at: iso(order.expiresAt),
      klarna_reference: order.klarnaReference,
      order_lines: order.orderLines,
      ...optional('merchant_reference1', order.merchantReference1),
      ...optional('merchant_reference2', order.merchantReference2),
      ...optional('merchant_data', order.merchantData),
      ...optional('billing_address', order.billingAddress),
      ...optional('shipping_address', order.shippingAddress),
      initial_payment_method: { type: order.paymentMethodType, description: order.paymentMethodType },
      captures: order.captures.map((capture) => this.captureView(order, capture)),
      refunds: order.refunds.map((refund) => this.refundView(refund)),
    };
  }

  private captureView(order: OmOrderRecord, capture: CaptureRecord): Json {
    return {
      capture_id: capture.captureId,
      klarna_reference: capture.klarnaReference,
      captured_amount: capture.capturedAmount,
      captured_at: iso(capture.capturedAt),
      ...optional('description', capture.description),
      ...optional('reference', capture.reference),
      order_lines: capture.orderLines ?? [],
      refunded_amount: capture.refundedAmount,
      ...optional('billing_address', order.billingAddress),
      ...optional('shipping_address', order.shippingAddress),
      shipping_info: capture.shippingInfo ?? [],
    };
  }

  private refundView(refund: RefundRecord): Json {
    return {
      refund_id: refund.refundId,
      refunded_amount: refund.refundedAmount,
      refunded_at: iso(refund.refundedAt),
      ...optional('description', refund.description),
      ...optional('reference', refund.reference),
      order_lines: refund.orderLines ?? [],
    };
  }
}
