import { Injectable } from '@nestjs/common';
import type { Intent } from '../validation/klarna-rules';
import type { Json } from '../validation/primitives';
import type { KlarnaErrorBody } from './klarna-error';

export interface SessionRecord {
  id: string;
  mid: string;
  intent: Intent;
  /** The session fields as last created/updated (request shape, read-only fields stripped). */
  data: Json;
  clientToken: string;
  createdAt: number;
  expiresAt: number;
  status: 'incomplete' | 'complete';
  authorizationToken: string | null;
  /** Data of an `authorize({auto_finalize:false})` waiting for `finalize()`. */
  pendingFinalize: Json | null;
}

export interface AuthorizationRecord {
  token: string;
  mid: string;
  sessionId: string;
  intent: Intent;
  /** What the consumer authorized: session data merged with the authorize() data. */
  snapshot: Json;
  paymentMethodCategory: string;
  createdAt: number;
  expiresAt: number;
  orderId: string | null;
  customerTokenId: string | null;
}

export type TokenStatus = 'ACTIVE' | 'SUSPENDED' | 'CANCELLED';

export interface TokenRecord {
  tokenId: string;
  mid: string;
  sessionId: string;
  purchaseCurrency: string;
  purchaseCountry: string;
  paymentMethodType: string;
  status: TokenStatus;
  createdAt: number;
  /** Forced outcomes for the next orders, consumed front first. */
  forcedOutcomes: { errorCode: string; remaining: number }[];
}

export interface OrderRecord {
  order_id: string;
  token_id: string | null;
  authorization_token: string | null;
  idempotency_key: string | null;
  username: string;
  order_amount: number;
  purchase_currency: string;
  merchant_reference1: string | null;
  merchant_reference2: string | null;
  created_at: string;
}

export interface StoredResponse {
  status: number;
  /** Null for answers without a body (201 and 204 of Order Management). */
  body: Json | KlarnaErrorBody | null;
  /** Response headers to send again on a replay (Order Management's Capture-Id, Refund-Id, Location). */
  headers?: Record<string, string>;
}

/** Order Management statuses (order-management-v1.yml `MerchantOrderDto.status`). */
export type OmStatus = 'AUTHORIZED' | 'PART_CAPTURED' | 'CAPTURED' | 'CANCELLED' | 'EXPIRED' | 'CLOSED';

export interface CaptureRecord {
  captureId: string;
  capturedAmount: number;
  capturedAt: number;
  description?: string;
  reference?: string;
  orderLines?: unknown[];
  shippingInfo?: unknown[];
  /** Refunds are not tied to a capture by the API; they are attributed oldest capture first. */
  refundedAmount: number;
  klarnaReference: string;
  /** The Klarna-Idempotency-Key it was created with; null for portal (control) captures and auto_capture. */
  idempotencyKey: string | null;
  source: 'api' | 'auto_capture' | 'portal';
}

export interface RefundRecord {
  refundId: string;
  refundedAmount: number;
  refundedAt: number;
  description?: string;
  reference?: string;
  orderLines?: unknown[];
  idempotencyKey: string | null;
  source: 'api' | 'portal';
}

/** An order as Order Management holds it (created by either create-order operation). */
export interface OmOrderRecord {
  orderId: string;
  mid: string;
  klarnaReference: string;
  /** Cancelled or released by the merchant; EXPIRED/CAPTURED after expiry and CLOSED are derived on read. */
  cancelled: boolean;
  released: boolean;
  purchaseCountry: string;
  purchaseCurrency: string;
  locale?: string;
  orderAmount: number;
  orderLines: unknown[];
  merchantReference1?: string;
  merchantReference2?: string;
  merchantData?: string;
  billingAddress?: Json;
  shippingAddress?: Json;
  fraudStatus: string;
  paymentMethodType: string;
  createdAt: number;
  expiresAt: number;
  captures: CaptureRecord[];
  refunds: RefundRecord[];
}

export interface IdempotencyRecord {
  storedAt: number;
  response: StoredResponse;
}

/** All emulator state, in memory, keyed for O(1) lookups. */
@Injectable()
export class EmulatorState {
  readonly sessions = new Map<string, SessionRecord>();
  readonly authorizations = new Map<string, AuthorizationRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly tokensBySession = new Map<string, TokenRecord[]>();
  /** Key: `${mid}\n${idempotency key}`; insertion order = age order (the clock never goes back). */
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly orders: OrderRecord[] = [];
  /** Order Management's orders by order id. */
  readonly omOrders = new Map<string, OmOrderRecord>();

  reset(): void {
    this.omOrders.clear();
    this.sessions.clear();
    this.authorizations.clear();
    this.tokens.clear();
    this.tokensBySession.clear();
    this.idempotency.clear();
    this.orders.length = 0;
  }
}
