import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { AuthorizationsService } from './authorizations.service';
import { Clock } from '../../common/clock/clock';
import { EnvelopeCrypto } from '../../common/crypto/envelope-crypto';
import { ENCRYPTED_COLUMNS } from '../../common/crypto/encrypted-columns';
import { type FieldError, validationProblem } from '../../common/errors/problem.exception';
import { sha256OfCanonical } from '../../common/hashing/canonical-json';
import { newId } from '../../common/ids';
import { KlarnaClient } from '../../klarna/klarna.client';
import type { KlarnaAttachment } from '../../klarna/klarna.types';
import { Merchant } from '../../merchants/merchant.entity';
import { MerchantsService } from '../../merchants/merchants.service';
import type { Terms } from '../terms/terms.entity';
import { TermsService } from '../terms/terms.service';
import type { CreateSessionDto, SessionDto, UpdateSessionDto } from './dto/session.dto';
import { checkKlarnaOrder, customerIdProblem } from '../../klarna/order/klarna-order-rules';
import { loadOwnedSession, requireOpenSession, sessionStatus } from './session-lookup';
import { Session, type SessionOrder } from './session.entity';

/** A Klarna session lives 48 hours (REFERENCE §3). */
export const SESSION_TTL_MS = 48 * 60 * 60 * 1000;
export const EMD_CONTENT_TYPE = 'application/vnd.klarna.internal.emd-v2+json';

const ORDER_KEYS = [
  'purchase_country',
  'purchase_currency',
  'locale',
  'order_amount',
  'order_tax_amount',
  'order_lines',
  'billing_address',
  'shipping_address',
  'customer',
  'merchant_reference1',
  'merchant_reference2',
  'merchant_urls',
] as const;

/** What an authorization covers: the order and the consumer, not our references or callback URLs. */
const FINGERPRINT_KEYS = ORDER_KEYS.filter(
  (key) => !['merchant_reference1', 'merchant_reference2', 'merchant_urls'].includes(key),
);

@Injectable()
export class SessionsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly crypto: EnvelopeCrypto,
    private readonly klarna: KlarnaClient,
    private readonly merchants: MerchantsService,
    private readonly terms: TermsService,
    private readonly authorizations: AuthorizationsService,
  ) {}

  async create(merchantId: string, input: CreateSessionDto): Promise<SessionDto> {
    const errors: FieldError[] = [];
    const tokenizing = input.intent !== 'buy';
    if (input.merchant_customer_id === undefined) {
      if (tokenizing)
        errors.push({ field: 'merchant_customer_id', message: `is required for intent ${input.intent}` });
    } else {
      const problem = customerIdProblem(input.merchant_customer_id);
      if (problem) errors.push({ field: 'merchant_customer_id', message: problem });
    }
    let terms: Terms | null = null;
    if (input.terms_id === undefined) {
      if (tokenizing) errors.push({ field: 'terms_id', message: `is required for intent ${input.intent}` });
    } else {
      terms = await this.terms.findPublished(merchantId, input.terms_id);
      if (!terms)
        errors.push({ field: 'terms_id', message: 'is not a published terms version of this merchant' });
    }
    const attachment = this.attachmentOf(input, errors);
    const order = orderOf(input);
    errors.push(...this.orderProblems(input.intent, order, terms));
    if (errors.length > 0) throw validationProblem(errors);

    const credentials = await this.merchants.klarnaCredentials(merchantId, this.em);
    const { data } = await this.klarna.createSession(credentials, {
      intent: input.intent,
      ...order,
      ...(attachment ? { attachment } : {}),
    });
    const now = this.clock.now();
    const id = newId('ses', this.clock.nowMs());
    const session = this.em.create(Session, {
      id,
      merchant: this.em.getReference(Merchant, merchantId),
      terms,
      intent: input.intent,
      merchantCustomerId: input.merchant_customer_id ?? null,
      status: 'open',
      klarnaSessionId: data.session_id,
      clientTokenEnc: this.crypto.encrypt(data.client_token, ENCRYPTED_COLUMNS.sessionClientToken.aad(id)),
      paymentMethodCategories: data.payment_method_categories ?? [],
      orderData: order,
      attachment: attachment ?? null,
      fingerprint: fingerprintOf(order),
      expiresAt: new Date(now.getTime() + SESSION_TTL_MS),
      createdAt: now,
      updatedAt: now,
    });
    await this.em.flush();
    return this.map(session, terms);
  }

  async get(merchantId: string, id: string): Promise<SessionDto> {
    const session = await loadOwnedSession(this.em, merchantId, id);
    return this.map(session);
  }

  /** Sends the changes to Klarna, then stores them; live authorizations for the old data become stale. */
  async update(merchantId: string, id: string, input: UpdateSessionDto): Promise<SessionDto> {
    const session = await loadOwnedSession(this.em, merchantId, id);
    requireOpenSession(session, this.clock.now());
    const changes = Object.fromEntries(
      ORDER_KEYS.filter((key) => input[key] !== undefined).map((key) => [key, input[key]]),
    );
    const order = plain<SessionOrder>({ ...session.orderData, ...changes });
    const terms = session.terms ? await session.terms.load() : null;
    const errors = this.orderProblems(session.intent, order, terms);
    if (errors.length > 0) throw validationProblem(errors);

    const credentials = await this.merchants.klarnaCredentials(merchantId, this.em);
    await this.klarna.updateSession(credentials, session.klarnaSessionId, order);
    session.orderData = order;
    session.fingerprint = fingerprintOf(order);
    session.updatedAt = this.clock.now();
    await this.em.flush();
    await this.authorizations.markStale(merchantId, session);
    return this.map(session, terms);
  }

  private orderProblems(intent: Session['intent'], order: SessionOrder, terms: Terms | null): FieldError[] {
    const errors = checkKlarnaOrder({ intent, ...order });
    if (terms) {
      if (terms.locale.toLowerCase() !== order.locale.toLowerCase()) {
        errors.push({
          field: 'terms_id',
          message: `is for locale ${terms.locale}, the session is ${order.locale}`,
        });
      }
      if (terms.scope.currency !== order.purchase_currency.toUpperCase()) {
        errors.push({
          field: 'purchase_currency',
          message: `must be ${terms.scope.currency}, the terms' currency`,
        });
      }
      if (intent === 'buy_and_tokenize' && order.order_amount > terms.scope.max_order_amount) {
        errors.push({
          field: 'order_amount',
          message: `must not exceed the terms' max_order_amount (${terms.scope.max_order_amount})`,
        });
      }
    }
    return errors;
  }

  /** EMD either raw or as an object that we serialise into Klarna's attachment format. */
  private attachmentOf(input: CreateSessionDto, errors: FieldError[]): KlarnaAttachment | undefined {
    if (input.attachment && input.extra_merchant_data) {
      errors.push({ field: 'extra_merchant_data', message: 'send either attachment or extra_merchant_data' });
      return undefined;
    }
    if (input.extra_merchant_data) {
      return { content_type: EMD_CONTENT_TYPE, body: JSON.stringify(input.extra_merchant_data) };
    }
    if (input.attachment) {
      if (!isJsonObjectText(input.attachment.body)) {
        errors.push({ field: 'attachment.body', message: 'must be a JSON object encoded as a string' });
      }
      return { content_type: input.attachment.content_type, body: input.attachment.body };
    }
    return undefined;
  }

  async map(session: Session, terms?: Terms | null): Promise<SessionDto> {
    const now = this.clock.now();
    const shownTerms = terms !== undefined ? terms : session.terms ? await session.terms.load() : null;
    const authorization = await this.authorizations.current(session);
    const order = session.orderData;
    return {
      id: session.id,
      status: sessionStatus(session, now),
      intent: session.intent,
      merchant_customer_id: session.merchantCustomerId ?? null,
      terms_id: session.terms?.id ?? null,
      klarna_session_id: session.klarnaSessionId,
      client_token: this.crypto.decrypt(
        session.clientTokenEnc,
        ENCRYPTED_COLUMNS.sessionClientToken.aad(session.id),
      ),
      payment_method_categories: session.paymentMethodCategories,
      ...order,
      order_tax_amount: order.order_tax_amount ?? 0,
      order_lines: order.order_lines,
      customer: order.customer as SessionDto['customer'],
      expires_at: session.expiresAt.toISOString(),
      terms: shownTerms ? this.terms.map(shownTerms) : null,
      authorization: authorization ? this.authorizations.map(authorization, now) : null,
      created_at: session.createdAt.toISOString(),
    };
  }
}

export function fingerprintOf(order: SessionOrder): string {
  return sha256OfCanonical(Object.fromEntries(FINGERPRINT_KEYS.map((key) => [key, order[key]])));
}

function orderOf(input: CreateSessionDto): SessionOrder {
  return plain<SessionOrder>(Object.fromEntries(ORDER_KEYS.map((key) => [key, input[key]])));
}

/** Plain JSON data (no DTO prototypes, no undefined members) for jsonb and for Klarna. */
function plain<T>(value: unknown): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function isJsonObjectText(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
