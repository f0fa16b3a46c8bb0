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
  body: Json | KlarnaErrorBody;
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

  reset(): void {
    this.sessions.clear();
    this.authorizations.clear();
    this.tokens.clear();
    this.tokensBySession.clear();
    this.idempotency.clear();
    this.orders.length = 0;
  }
}
