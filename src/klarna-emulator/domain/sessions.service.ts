import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EmulatorClock } from '../core/clock';
import { KlarnaError } from '../core/klarna-error';
import { EmulatorState, SessionRecord } from '../core/state';
import { validateSession, type Intent } from '../validation/klarna-rules';
import { BadValue, isObject, Json } from '../validation/primitives';
import { categoriesFor, isOfferedCategory, type OfferContext } from './payment-methods';
import { effectiveCountry, upper, validated } from './validated';

export const SESSION_TTL_MS = 48 * 3600 * 1000;
export const AUTHORIZATION_TTL_MS = 60 * 60 * 1000;

/** Fields Klarna documents as read-only: ignored on input, never stored from a request. */
const READ_ONLY_FIELDS = [
  'session_id',
  'client_token',
  'payment_method_categories',
  'status',
  'expires_at',
  'authorization_token',
];
const SESSION_READ_FIELDS = [
  'acquiring_channel',
  'attachment',
  'billing_address',
  'custom_payment_method_ids',
  'design',
  'intent',
  'locale',
  'merchant_data',
  'merchant_reference1',
  'merchant_reference2',
  'merchant_urls',
  'options',
  'order_amount',
  'order_lines',
  'order_tax_amount',
  'purchase_country',
  'purchase_currency',
  'shipping_address',
];
/** `session_read.customer` is `customer_read`: no SSN or national id (REFERENCE §3.2). */
const CUSTOMER_READ_FIELDS = [
  'date_of_birth',
  'gender',
  'organization_entity_type',
  'organization_registration_id',
  'title',
  'type',
  'vat_id',
];

export interface AuthorizeResult {
  approved: boolean;
  show_form: boolean;
  authorization_token?: string;
  finalize_required?: boolean;
  error?: { invalid_fields: string[] };
}

/** What decides the categories a session offers: its intent, country and amount. */
function offerContext(data: Json, intent: Intent): OfferContext {
  return {
    intent,
    country: effectiveCountry(data),
    currency: upper(data.purchase_currency),
    orderAmount: typeof data.order_amount === 'number' ? data.order_amount : 0,
  };
}

/**
 * What authorize() data does to the session: fields replace the session's, but the address objects (and the
 * customer) are merged field by field, so authorizing with only an email keeps the address the session holds.
 */
export function mergeAuthorizeData(base: Json, data: Json): Json {
  const merged = { ...base, ...data };
  for (const key of ['billing_address', 'shipping_address', 'customer']) {
    if (isObject(base[key]) && isObject(data[key])) merged[key] = { ...base[key], ...data[key] };
  }
  return merged;
}

function withoutReadOnly(body: Json): Json {
  const copy = { ...body };
  for (const field of READ_ONLY_FIELDS) delete copy[field];
  return copy;
}

function pick(source: Json, fields: readonly string[]): Json {
  const out: Json = {};
  for (const field of fields) if (source[field] !== undefined) out[field] = source[field];
  return out;
}

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Playground personas (REFERENCE §12): `+denied` (any variant) and `+red` decline; everything else approves. */
export function isDeclinedEmail(email: unknown): boolean {
  if (typeof email !== 'string') return false;
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  return local.includes('+denied') || /\+red(\+|$)/.test(local);
}

@Injectable()
export class SessionsService {
  constructor(
    private readonly state: EmulatorState,
    private readonly clock: EmulatorClock,
  ) {}

  create(mid: string, input: unknown) {
    const { body, result: intent } = validated(input, (o) => validateSession(withoutReadOnly(o)));
    const now = this.clock.now();
    const id = randomUUID();
    const clientToken = [
      base64url({ alg: 'HS256', typ: 'JWT', kid: 'klarna-emulator' }),
      base64url({ session_id: id, merchant_id: mid, iat: Math.floor(now / 1000), emulator: true }),
      randomUUID().replace(/-/g, ''),
    ].join('.');
    const session: SessionRecord = {
      id,
      mid,
      intent,
      data: withoutReadOnly(body),
      clientToken,
      createdAt: now,
      expiresAt: now + SESSION_TTL_MS,
      status: 'incomplete',
      authorizationToken: null,
      pendingFinalize: null,
    };
    this.state.sessions.set(id, session);
    return {
      session_id: id,
      client_token: clientToken,
      payment_method_categories: categoriesFor(offerContext(session.data, intent)),
    };
  }

  read(mid: string, id: string) {
    const session = this.live(id, mid);
    const customer = isObject(session.data.customer)
      ? pick(session.data.customer, CUSTOMER_READ_FIELDS)
      : undefined;
    return {
      ...pick(session.data, SESSION_READ_FIELDS),
      ...(customer ? { customer } : {}),
      intent: session.intent,
      client_token: session.clientToken,
      payment_method_categories: categoriesFor(offerContext(session.data, session.intent)),
      status: session.status,
      expires_at: new Date(session.expiresAt).toISOString(),
      ...(session.authorizationToken ? { authorization_token: session.authorizationToken } : {}),
    };
  }

  /** Klarna validates the session as it would be after the update; a rejected update changes nothing. */
  update(mid: string, id: string, input: unknown): void {
    const session = this.live(id, mid);
    if (session.status === 'complete') {
      throw KlarnaError.notFound('Session already completed', 'SESSION_COMPLETED');
    }
    const { body } = validated(input, () => undefined);
    const merged = { ...session.data, ...withoutReadOnly(body) };
    const { result: intent } = validated(merged, validateSession);
    session.data = merged;
    session.intent = intent;
  }

  /**
   * What `Klarna.Payments.authorize()` / `finalize()` do in the browser. Invalid data keeps the form shown with
   * the offending field, a declining persona hides it, `auto_finalize: false` parks the data for `finalize()`.
   */
  authorize(id: string, input: unknown, step: 'authorize' | 'finalize'): AuthorizeResult {
    const session = this.live(id, null);
    if (session.status === 'complete') {
      throw KlarnaError.notFound('Session already completed', 'SESSION_COMPLETED');
    }
    const {
      auto_finalize: autoFinalize,
      payment_method_category: category,
      ...data
    } = isObject(input) ? input : {};
    const paymentMethodCategory = typeof category === 'string' ? category : 'klarna';
    const base = step === 'finalize' && session.pendingFinalize ? session.pendingFinalize : session.data;
    const merged = mergeAuthorizeData(base, withoutReadOnly(data));
    let intent;
    try {
      intent = validateSession(merged);
    } catch (error) {
      if (error instanceof BadValue)
        return { approved: false, show_form: true, error: { invalid_fields: [error.path] } };
      throw error;
    }
    // Only what this session offers (for its intent, country and amount) can be authorized.
    if (!isOfferedCategory(paymentMethodCategory, offerContext(merged, intent))) {
      return { approved: false, show_form: true, error: { invalid_fields: ['payment_method_category'] } };
    }
    if (step === 'authorize' && autoFinalize === false) {
      session.pendingFinalize = merged;
      return { approved: false, show_form: true, finalize_required: true };
    }
    session.pendingFinalize = null;
    const billing = isObject(merged.billing_address) ? merged.billing_address : {};
    if (isDeclinedEmail(billing.email)) return { approved: false, show_form: false };

    const now = this.clock.now();
    const token = randomUUID();
    this.state.authorizations.set(token, {
      token,
      mid: session.mid,
      sessionId: session.id,
      intent,
      snapshot: merged,
      paymentMethodCategory,
      createdAt: now,
      expiresAt: now + AUTHORIZATION_TTL_MS,
      orderId: null,
      customerTokenId: null,
    });
    session.data = merged;
    session.intent = intent;
    session.authorizationToken = token;
    return { approved: true, show_form: true, authorization_token: token };
  }

  /** A live session of this MID (or of anyone, for the test controls); expired and foreign ones do not exist. */
  live(id: string, mid: string | null): SessionRecord {
    const session = this.state.sessions.get(id);
    if (!session || (mid !== null && session.mid !== mid) || this.clock.now() >= session.expiresAt) {
      throw KlarnaError.notFound('Invalid session id');
    }
    return session;
  }

  complete(id: string): void {
    const session = this.state.sessions.get(id);
    if (session) session.status = 'complete';
  }
}
