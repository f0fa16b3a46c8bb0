import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Authorization } from '../sessions/authorization.entity';
import { AuthorizationsService } from '../sessions/authorizations.service';
import { Clock } from '../../common/clock/clock';
import { EnvelopeCrypto } from '../../common/crypto/envelope-crypto';
import { ENCRYPTED_COLUMNS } from '../../common/crypto/encrypted-columns';
import { isUniqueViolation } from '../../common/database/errors';
import { conflict, ProblemException } from '../../common/errors/problem.exception';
import { newId } from '../../common/ids';
import { ConsentsService } from '../consents/consents.service';
import type { KlarnaCredentials } from '../../klarna/klarna-credentials';
import { KlarnaClient } from '../../klarna/klarna.client';
import { KlarnaApiError, KlarnaUnknownOutcomeError } from '../../klarna/klarna.errors';
import { Merchant } from '../../merchants/merchant.entity';
import { MerchantsService } from '../../merchants/merchants.service';
import { loadOwnedSession, requireOpenSession } from '../sessions/session-lookup';
import { Session } from '../sessions/session.entity';
import type { Terms } from '../terms/terms.entity';
import { CustomerToken, type InitialOrder } from './customer-token.entity';
import { EventsService } from '../../events/events.service';
import { tokenEventData } from './customer-token.events';

export interface CreateCustomerTokenCommand {
  merchantId: string;
  sessionId: string;
  description?: string;
}

/** A pending row older than this belongs to a request that died mid-call: its outcome is unknown. */
const PENDING_LEASE_MS = 5 * 60 * 1000;
export const KLARNA_TOKEN_INDEX_CONTEXT = 'klarna-customer-token';

/**
 * Exchanges a session's authorization for a customer token (and, for buy_and_tokenize, the first order).
 *
 * Idempotent per session: a `customer_tokens` row (unique per session) is committed in state `pending`
 * together with the authorization turning `consumed`, BEFORE Klarna is called. A repeat finds the row and
 * answers from it, so Klarna's create-token (and create-order) run at most once per authorization, whatever
 * the network does:
 * - success → `active` (the same token is returned to every repeat);
 * - Klarna certainly did nothing (it refused, or could not be reached) and no order was placed → the row is
 *   removed and the authorization freed, so the merchant may try again;
 * - Klarna may have acted (timeout, lost answer) → `unknown`: never retried with that authorization, since
 *   Klarna has no way to look a token up by session and a second call could create a second token.
 */
@Injectable()
export class CreateCustomerToken {
  private readonly logger = new Logger(CreateCustomerToken.name);

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly crypto: EnvelopeCrypto,
    private readonly klarna: KlarnaClient,
    private readonly merchants: MerchantsService,
    private readonly authorizations: AuthorizationsService,
    private readonly consents: ConsentsService,
    private readonly events: EventsService,
  ) {}

  async execute(command: CreateCustomerTokenCommand): Promise<CustomerToken> {
    const em = this.em.fork();
    const session = await loadOwnedSession(em, command.merchantId, command.sessionId);
    const existing = await em.findOne(CustomerToken, { session });
    if (existing) return this.answerFrom(em, existing);
    if (session.intent === 'buy') {
      throw conflict(
        'INTENT_NOT_TOKENIZABLE',
        `Session ${session.id} has intent buy; it cannot produce a token.`,
      );
    }
    const now = this.clock.now();
    requireOpenSession(session, now);
    const authorization = await this.authorizations.current(session, em);
    this.requireUsable(authorization, session, now);
    const consent = await this.consents.latestForSession(session, em);
    if (!consent) {
      throw conflict(
        'CONSENT_REQUIRED',
        `Record the consumer's consent to terms ${session.terms?.id ?? ''} with POST /v1/sessions/${session.id}/consents first.`,
      );
    }
    const terms = await session.terms!.loadOrFail();
    const row = await this.claim(em, session, authorization!, consent.id, terms, command);
    if (!row) return this.execute(command);
    return this.exchange(session, authorization!, row);
  }

  private requireUsable(authorization: Authorization | null, session: Session, now: Date): void {
    const status =
      authorization && this.authorizations.effectiveStatus(authorization, now, session.fingerprint);
    if (status === 'unverified') return;
    if (status === 'stale') {
      throw conflict(
        'REAUTHORIZATION_REQUIRED',
        'The session changed after the consumer authorized; the consumer must authorize again and the new ' +
          `authorization be recorded with POST /v1/sessions/${session.id}/authorizations.`,
      );
    }
    if (status === 'expired') {
      throw conflict(
        'AUTHORIZATION_EXPIRED',
        'The authorization is older than 60 minutes; the consumer must authorize again.',
      );
    }
    if (status === 'refused') {
      throw conflict(
        'AUTHORIZATION_UNKNOWN_TO_KLARNA',
        'Klarna did not know the recorded authorization token when it was used; the consumer must authorize ' +
          `again and the new authorization be recorded with POST /v1/sessions/${session.id}/authorizations.`,
      );
    }
    throw conflict(
      'AUTHORIZATION_REQUIRED',
      `Session ${session.id} has no valid authorization (none recorded, declined, or released). Record the ` +
        'result of a successful Klarna.Payments.authorize() first.',
    );
  }

  /** Commits the pending row and consumes the authorization in one transaction; null if another request won. */
  private async claim(
    em: EntityManager,
    session: Session,
    authorization: Authorization,
    consentId: string,
    terms: Terms,
    command: CreateCustomerTokenCommand,
  ): Promise<CustomerToken | null> {
    const now = this.clock.now();
    try {
      return await em.transactional(async (tx) => {
        const consumed = await tx.nativeUpdate(
          Authorization,
          { id: authorization.id, status: 'unverified' },
          { status: 'consumed', consumedAt: now },
        );
        if (consumed !== 1) throw new RaceLost();
        const order = session.orderData;
        return tx.create(CustomerToken, {
          id: newId('ctok', this.clock.nowMs()),
          merchant: tx.getReference(Merchant, command.merchantId),
          session: tx.getReference(Session, session.id),
          consent: consentId,
          authorization: authorization.id,
          merchantCustomerId: session.merchantCustomerId ?? '',
          intendedUse: terms.intendedUse,
          scope: terms.scope,
          description: (command.description ?? terms.title).slice(0, 255),
          status: 'pending',
          purchaseCountry: order.purchase_country.toUpperCase(),
          purchaseCurrency: order.purchase_currency.toUpperCase(),
          locale: order.locale,
          createdAt: now,
          updatedAt: now,
        });
      });
    } catch (error) {
      if (error instanceof RaceLost || isUniqueViolation(error)) return null;
      throw error;
    }
  }

  private async exchange(
    session: Session,
    authorization: Authorization,
    row: CustomerToken,
  ): Promise<CustomerToken> {
    const em = this.em.fork();
    const merchantId = session.merchant.id;
    const credentials = await this.merchants.klarnaCredentials(merchantId, em);
    const authorizationToken = this.authorizations.decryptToken(authorization);
    const order = session.orderData;
    let initialOrder: InitialOrder | null = null;

    // REFERENCE §6.1: for buy_and_tokenize, the order first, then the token, with the same authorization.
    if (session.intent === 'buy_and_tokenize') {
      try {
        const { data } = await this.klarna.createOrder(credentials, authorizationToken, {
          purchase_country: order.purchase_country,
          purchase_currency: order.purchase_currency,
          locale: order.locale,
          order_amount: order.order_amount,
          order_tax_amount: order.order_tax_amount ?? 0,
          order_lines: order.order_lines,
          ...(order.merchant_reference1 ? { merchant_reference1: order.merchant_reference1 } : {}),
          ...(order.merchant_reference2 ? { merchant_reference2: order.merchant_reference2 } : {}),
          ...(order.merchant_urls ? { merchant_urls: order.merchant_urls } : {}),
        });
        initialOrder = {
          id: newId('ord', this.clock.nowMs()),
          klarna_order_id: data.order_id,
          fraud_status: data.fraud_status ?? null,
          order_amount: order.order_amount,
          purchase_currency: order.purchase_currency.toUpperCase(),
          created_at: this.clock.now().toISOString(),
          redirect_url: nonEmpty(data.redirect_url),
        };
        await em.nativeUpdate(CustomerToken, { id: row.id }, { initialOrder, updatedAt: this.clock.now() });
      } catch (error) {
        throw await this.failed(em, row, authorization, error, false);
      }
    }

    let klarnaTokenId: string;
    let redirectUrl: string | null = null;
    try {
      const { data } = await this.klarna.createCustomerToken(credentials, authorizationToken, {
        purchase_country: order.purchase_country,
        purchase_currency: order.purchase_currency,
        locale: order.locale,
        description: row.description,
        // Klarna documents only SUBSCRIPTION; ON_DEMAND terms are recorded on our side (see README).
        intended_use: 'SUBSCRIPTION',
      });
      klarnaTokenId = data.token_id;
      redirectUrl = nonEmpty(data.redirect_url);
    } catch (error) {
      throw await this.failed(em, row, authorization, error, initialOrder !== null);
    }

    const token = await em.transactional(async (tx) => {
      const saved = await tx.findOneOrFail(CustomerToken, { id: row.id });
      const now = this.clock.now();
      saved.klarnaTokenEnc = this.crypto.encrypt(
        klarnaTokenId,
        ENCRYPTED_COLUMNS.customerTokenKlarnaId.aad(saved.id),
      );
      saved.klarnaTokenIndex = this.crypto.blindIndex(klarnaTokenId, KLARNA_TOKEN_INDEX_CONTEXT);
      saved.status = 'active';
      saved.redirectUrl = redirectUrl;
      saved.activatedAt = now;
      saved.updatedAt = now;
      await tx.nativeUpdate(
        Session,
        { id: session.id },
        { status: 'completed', completedAt: now, updatedAt: now },
      );
      await this.consents.event(tx, await saved.consent.loadOrFail(), 'linked_to_token', {
        customerTokenId: saved.id,
        authorizationId: authorization.id,
      });
      await this.events.emit(tx, {
        merchantId: saved.merchant.id,
        type: 'customer_token.created',
        data: tokenEventData(saved),
      });
      return saved;
    });
    await this.readPaymentMethod(em, credentials, token, klarnaTokenId);
    return token;
  }

  /** Decides what a failed Klarna call leaves behind (see the class comment); returns the error to throw. */
  private async failed(
    em: EntityManager,
    row: CustomerToken,
    authorization: Authorization,
    error: unknown,
    orderPlaced: boolean,
  ): Promise<unknown> {
    const now = this.clock.now();
    const code = (error as { code?: string }).code ?? 'INTERNAL_ERROR';
    const certainlyNotDone =
      error instanceof ProblemException && !(error instanceof KlarnaUnknownOutcomeError);
    if (!certainlyNotDone) {
      await em.nativeUpdate(
        CustomerToken,
        { id: row.id },
        { status: 'unknown', failureCode: code, updatedAt: now },
      );
      this.logger.warn({ event: 'customer_token_outcome_unknown', customer_token_id: row.id, code });
      return error;
    }
    if (orderPlaced) {
      await em.nativeUpdate(
        CustomerToken,
        { id: row.id },
        { status: 'failed', failureCode: code, updatedAt: now },
      );
      return error;
    }
    // Klarna's 404 ("Invalid authorization token") is the only check an authorization ever gets. Past our 60
    // minutes that is expiry; within them, and never released by us, Klarna simply does not know the token.
    const notKnown = error instanceof KlarnaApiError && error.httpStatus === 404 ? error : undefined;
    const expired = notKnown !== undefined && authorization.expiresAt <= now;
    const status = expired ? 'expired' : notKnown ? 'refused' : 'unverified';
    await em.transactional(async (tx) => {
      await tx.nativeDelete(CustomerToken, { id: row.id, status: 'pending' });
      await tx.nativeUpdate(Authorization, { id: authorization.id }, { status, consumedAt: null });
    });
    if (expired) {
      return conflict(
        'AUTHORIZATION_EXPIRED',
        'Klarna no longer knows the authorization, now older than 60 minutes; the consumer must authorize again.',
      );
    }
    if (notKnown) return unknownToKlarna(notKnown, authorization, now);
    return error;
  }

  private async answerFrom(em: EntityManager, row: CustomerToken): Promise<CustomerToken> {
    if (row.status === 'pending' && this.clock.nowMs() - row.updatedAt.getTime() > PENDING_LEASE_MS) {
      row.status = 'unknown';
      row.failureCode = 'ABANDONED';
      row.updatedAt = this.clock.now();
      await em.flush();
    }
    switch (row.status) {
      case 'pending':
        throw new ProblemException({
          status: 409,
          code: 'TOKEN_CREATION_IN_PROGRESS',
          title: 'Conflict',
          detail: 'A customer token is being created for this session; retry shortly.',
          headers: { 'Retry-After': '2' },
        });
      case 'unknown':
        throw conflict(
          'TOKEN_OUTCOME_UNKNOWN',
          'An earlier attempt for this session got no answer from Klarna, which may have created a token. It is ' +
            'not retried (that could create a second token); sign the consumer up with a new session.',
        );
      case 'failed':
        throw conflict(
          'TOKEN_CREATION_FAILED',
          `Klarna refused the customer token after the first order was placed (${row.failureCode ?? 'unknown'}).`,
        );
      default:
        return row;
    }
  }

  /** Best effort: the token exists either way; the payment method type is a nicety for the merchant. */
  private async readPaymentMethod(
    em: EntityManager,
    credentials: KlarnaCredentials,
    token: CustomerToken,
    klarnaTokenId: string,
  ): Promise<void> {
    try {
      const { data } = await this.klarna.readCustomerToken(credentials, klarnaTokenId);
      token.paymentMethodType = data.payment_method_type ?? null;
      await em.nativeUpdate(CustomerToken, { id: token.id }, { paymentMethodType: token.paymentMethodType });
    } catch (error) {
      this.logger.warn({
        event: 'customer_token_read_failed',
        customer_token_id: token.id,
        code: (error as { code?: string }).code,
      });
    }
  }
}

class RaceLost extends Error {}

/** Klarna refused a token we hold within its 60 minutes and never released: it does not know it. */
function unknownToKlarna(error: KlarnaApiError, authorization: Authorization, now: Date): ProblemException {
  const minutes = Math.floor((now.getTime() - authorization.receivedAt.getTime()) / 60_000);
  const said = [error.errorCode, ...error.messages].join(': ');
  return new ProblemException({
    status: 409,
    code: 'AUTHORIZATION_UNKNOWN_TO_KLARNA',
    title: 'Conflict',
    detail:
      `Klarna does not know this authorization token (${error.operation} answered ${error.httpStatus} ${said}). ` +
      `It was recorded ${minutes} min ago and not released, so it is not our expiry: it was not issued to this ` +
      "merchant's Klarna account (a mistyped, test or other merchant's token) or the consumer authorized long " +
      'before it was recorded. The consumer must authorize again.',
    upstream: { error_code: error.errorCode, correlation_id: error.correlationId },
  });
}

function nonEmpty(value: string | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
