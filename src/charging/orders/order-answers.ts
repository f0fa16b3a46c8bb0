import { createHash } from 'node:crypto';
import { problemBody } from '../../common/errors/problem-details.filter';
import { type FieldError, ProblemException } from '../../common/errors/problem.exception';
import type { KlarnaAuthorizedPaymentMethod } from '../../klarna/klarna.types';
import type { OrderDto } from './dto/order.dto';
import type { Order, OrderStatus } from './order.entity';

/** The fields of an order the API shows and the outcome logic reads (an entity or a row just inserted). */
export interface OrderView {
  id: string;
  merchantId: string;
  customerTokenId: string;
  consentId: string;
  subscriptionId: string | null;
  idempotencyKey: string;
  requestId: string;
  status: OrderStatus;
  purchaseCurrency: string;
  orderAmount: number;
  orderTaxAmount: number;
  merchantReference1: string | null;
  merchantReference2: string | null;
  klarnaOrderId: string | null;
  fraudStatus: string | null;
  authorizedPaymentMethod: KlarnaAuthorizedPaymentMethod | null;
  redirectUrl: string | null;
  errorCode: string | null;
  errorMessage: string | null;
  klarnaCorrelationId: string | null;
  nextAttemptAt: Date | null;
  createdAt: Date;
  completedAt: Date | null;
}

/** What Klarna's answer sets on an order, before there is one. */
export const NO_KLARNA_ANSWER = {
  klarnaOrderId: null,
  fraudStatus: null,
  authorizedPaymentMethod: null,
  redirectUrl: null,
  errorCode: null,
  errorMessage: null,
  klarnaCorrelationId: null,
} as const satisfies Partial<OrderView>;

export function viewOf(o: Order): OrderView {
  return {
    id: o.id,
    merchantId: o.merchant.id,
    customerTokenId: o.customerToken.id,
    consentId: o.consent.id,
    subscriptionId: o.subscriptionId ?? null,
    idempotencyKey: o.idempotencyKey,
    requestId: o.requestId,
    status: o.status,
    purchaseCurrency: o.purchaseCurrency,
    orderAmount: Number(o.orderAmount),
    orderTaxAmount: Number(o.orderTaxAmount),
    merchantReference1: o.merchantReference1 ?? null,
    merchantReference2: o.merchantReference2 ?? null,
    klarnaOrderId: o.klarnaOrderId ?? null,
    fraudStatus: o.fraudStatus ?? null,
    authorizedPaymentMethod: o.authorizedPaymentMethod ?? null,
    redirectUrl: o.redirectUrl ?? null,
    errorCode: o.errorCode ?? null,
    errorMessage: o.errorMessage ?? null,
    klarnaCorrelationId: o.klarnaCorrelationId ?? null,
    nextAttemptAt: o.nextAttemptAt ?? null,
    createdAt: o.createdAt,
    completedAt: o.completedAt ?? null,
  };
}

export function toOrderDto(v: OrderView): OrderDto {
  return {
    id: v.id,
    customer_token_id: v.customerTokenId,
    status: v.status,
    klarna_order_id: v.klarnaOrderId,
    fraud_status: v.fraudStatus,
    authorized_payment_method: v.authorizedPaymentMethod,
    redirect_url: v.redirectUrl,
    order_amount: v.orderAmount,
    order_tax_amount: v.orderTaxAmount,
    purchase_currency: v.purchaseCurrency,
    merchant_reference1: v.merchantReference1,
    merchant_reference2: v.merchantReference2,
    consent_id: v.consentId,
    subscription_id: v.subscriptionId,
    error_code: v.errorCode,
    created_at: v.createdAt.toISOString(),
    completed_at: v.completedAt?.toISOString() ?? null,
  };
}

/**
 * How long Klarna keeps an uncaptured authorization of a token order open (its `expires_at`): 28 days, as the
 * Order Management emulator applies it. Reconciliation replaces this estimate with Klarna's own `expires_at`.
 */
export const AUTHORIZATION_LIFETIME_MS = 28 * 24 * 3600_000;

/** An HTTP answer rendered to bytes, so that a replay can send exactly the same. */
export interface RenderedAnswer {
  status: number;
  contentType: string;
  body: string;
  headers?: Record<string, string>;
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/**
 * 201 for a placed order (stored and replayed as is). 202 while the outcome is unknown: not stored, since a
 * replay gets 409 REQUEST_IN_PROGRESS and then the final answer.
 */
export function orderAnswer(v: OrderView, status: 201 | 202, retryAfterSeconds = 1): RenderedAnswer {
  return {
    status,
    contentType: JSON_CONTENT_TYPE,
    body: JSON.stringify(toOrderDto(v)),
    headers:
      status === 202
        ? { Location: `/v1/orders/${v.id}`, 'Retry-After': String(retryAfterSeconds) }
        : undefined,
  };
}

export function problemAnswer(problem: ProblemException, requestId: string): RenderedAnswer {
  return {
    status: problem.getStatus(),
    contentType: PROBLEM_CONTENT_TYPE,
    body: JSON.stringify(problemBody(problem, requestId)),
  };
}

/** Klarna declined the payment itself; worth retrying later by the merchant's dunning policy. */
export const DECLINE_CODES: ReadonlySet<string> = new Set([
  'PAYMENT_METHOD_FAILED',
  'UNAVAILABLE_PAYMENT_METHOD',
]);

/** Klarna's view of the token, when it refuses an order because of it. */
export const TOKEN_STATUS_BY_CODE: Readonly<Record<string, 'canceled' | 'suspended'>> = {
  TOKEN_CANCELLED: 'canceled',
  TOKEN_SUSPENDED: 'suspended',
};

/** A token status of ours in Klarna's spelling (`canceled` → `CANCELLED`), for its status and error codes. */
export const klarnaTokenStatus = (ours: string): string =>
  ours === 'canceled' ? 'CANCELLED' : ours.toUpperCase();

export const paymentDeclined = (v: OrderView): ProblemException =>
  new ProblemException({
    status: 402,
    code: 'PAYMENT_DECLINED',
    title: 'Payment Required',
    detail:
      `Klarna declined the payment (${v.errorCode}); order ${v.id} is recorded as declined. ` +
      'Retry later with a new Idempotency-Key, or ask the consumer to update the payment method.',
    upstream: { error_code: v.errorCode ?? 'UNKNOWN', correlation_id: v.klarnaCorrelationId ?? undefined },
  });

export const tokenNotActive = (tokenId: string, status: string, v?: OrderView): ProblemException =>
  new ProblemException({
    status: 409,
    code: 'TOKEN_NOT_ACTIVE',
    title: 'Conflict',
    detail:
      `Customer token ${tokenId} is ${status}; it cannot be charged.` +
      (v ? ` Klarna refused order ${v.id} with ${v.errorCode}.` : ''),
    upstream: v?.errorCode
      ? { error_code: v.errorCode, correlation_id: v.klarnaCorrelationId ?? undefined }
      : undefined,
  });

export const klarnaRejected = (v: OrderView, errors?: FieldError[]): ProblemException =>
  new ProblemException({
    status: 422,
    code: 'KLARNA_REJECTED',
    title: 'Unprocessable Entity',
    detail: `Klarna refused order ${v.id} (${v.errorCode})` + (v.errorMessage ? `: ${v.errorMessage}` : '.'),
    errors: errors && errors.length > 0 ? errors : undefined,
    upstream: { error_code: v.errorCode ?? 'UNKNOWN', correlation_id: v.klarnaCorrelationId ?? undefined },
  });

/**
 * The Klarna-Idempotency-Key for a merchant's key: SHA-256 of both, laid out as a UUID (version 8, RFC 9562).
 * Deterministic, so every attempt for one merchant key (request, retries, completer, another instance) sends
 * the same key, and Klarna places at most one order for it.
 */
export function klarnaIdempotencyKey(merchantId: string, key: string, namespace = 'token-order'): string {
  const h = createHash('sha256')
    .update(`autopay:${namespace}\u0000${merchantId}\u0000${key}`, 'utf8')
    .digest('hex');
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
