import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { EnvelopeCrypto } from '../../common/crypto/envelope-crypto';
import { ENCRYPTED_COLUMNS } from '../../common/crypto/encrypted-columns';
import { notFound } from '../../common/errors/problem.exception';
import { decodeCursor, type Page, pageLimit, toPage } from '../../common/pagination/pagination';
import { Consent } from '../consents/consent.entity';
import { ConsentsService, type ConsumerEvidence } from '../consents/consents.service';
import { KlarnaClient } from '../../klarna/klarna.client';
import { MerchantsService } from '../../merchants/merchants.service';
import type { TermsScope } from '../terms/terms.entity';
import { CreateCustomerToken, KLARNA_TOKEN_INDEX_CONTEXT } from './create-customer-token.use-case';
import { CustomerToken, type CustomerTokenStatus, VISIBLE_TOKEN_STATUSES } from './customer-token.entity';
import type {
  CustomerTokenDto,
  CustomerTokenQueryDto,
  CreateCustomerTokenDto,
} from './dto/customer-token.dto';
import { EventsService } from '../../events/events.service';
import { tokenEventData } from './customer-token.events';
import { TokenStopHooks } from './token-stop-hooks';

/** What charging a token needs (for the orders and subscriptions modules). */
export interface ChargeableToken {
  token: CustomerToken;
  /** Klarna's token id, decrypted: pass it to KlarnaClient only, never log or return it. */
  klarnaTokenId: string;
  consent: Consent;
  scope: TermsScope;
}

const KLARNA_STATUS: Record<string, CustomerTokenStatus> = {
  ACTIVE: 'active',
  SUSPENDED: 'suspended',
  CANCELLED: 'canceled',
};

@Injectable()
export class CustomerTokensService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly crypto: EnvelopeCrypto,
    private readonly klarna: KlarnaClient,
    private readonly merchants: MerchantsService,
    private readonly consents: ConsentsService,
    private readonly createToken: CreateCustomerToken,
    private readonly events: EventsService,
    private readonly stopHooks: TokenStopHooks,
  ) {}

  async create(merchantId: string, input: CreateCustomerTokenDto): Promise<CustomerTokenDto> {
    const token = await this.createToken.execute({
      merchantId,
      sessionId: input.session_id,
      description: input.description,
    });
    return this.map(token);
  }

  async list(merchantId: string, query: CustomerTokenQueryDto): Promise<Page<CustomerTokenDto>> {
    const limit = pageLimit(query);
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      CustomerToken,
      {
        merchant: merchantId,
        status: query.status ?? { $in: VISIBLE_TOKEN_STATUSES },
        ...(query.merchant_customer_id !== undefined
          ? { merchantCustomerId: query.merchant_customer_id }
          : {}),
        ...(before ? { id: { $lt: before } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
    return toPage(rows, limit, (t) => this.map(t));
  }

  async get(merchantId: string, id: string, refresh = false): Promise<CustomerTokenDto> {
    const token = await this.load(merchantId, id);
    if (refresh) await this.refresh(token);
    return this.map(token);
  }

  /**
   * Cancels at Klarna (irreversible), then records it and the consent withdrawal. `evidence`: the consumer did it
   * (in the portal); the withdrawal event carries their channel, IP address and user agent.
   */
  async cancel(merchantId: string, id: string, evidence?: ConsumerEvidence): Promise<CustomerTokenDto> {
    const token = await this.load(merchantId, id);
    if (token.status !== 'canceled') {
      const credentials = await this.merchants.klarnaCredentials(merchantId, this.em);
      await this.klarna.cancelCustomerToken(credentials, this.klarnaTokenId(token));
      await this.em.transactional((tx) => this.markCanceled(token, tx, evidence));
    }
    return this.map(token);
  }

  /**
   * The token with its Klarna id, consent and scope, for charging. 404 for another merchant's token or one
   * that never became active.
   */
  async chargeable(merchantId: string, id: string, em: EntityManager = this.em): Promise<ChargeableToken> {
    const token = await this.load(merchantId, id, em);
    const consent = await token.consent.loadOrFail();
    return { token, klarnaTokenId: this.klarnaTokenId(token), consent, scope: token.scope };
  }

  /** Finds our token by Klarna's id via the blind index (for reconciliation), or null. */
  async findByKlarnaTokenId(
    klarnaTokenId: string,
    em: EntityManager = this.em,
  ): Promise<CustomerToken | null> {
    return em.findOne(CustomerToken, {
      klarnaTokenIndex: this.crypto.blindIndex(klarnaTokenId, KLARNA_TOKEN_INDEX_CONTEXT),
    });
  }

  private async refresh(token: CustomerToken): Promise<void> {
    const read = await this.readAtKlarna(token, this.em);
    await this.em.transactional((tx) => this.applyKlarnaStatus(token, read, tx));
  }

  /**
   * Klarna's view of the token (`ACTIVE`/`SUSPENDED`/`CANCELLED`), read without changing anything here, so that
   * callers can apply it in a short transaction afterwards. The token needs `klarnaTokenEnc` loaded.
   */
  async readAtKlarna(
    token: CustomerToken,
    em: EntityManager = this.em,
  ): Promise<{ status: string; paymentMethodType?: string }> {
    const credentials = await this.merchants.klarnaCredentials(token.merchant.id, em);
    const { data } = await this.klarna.readCustomerToken(credentials, this.klarnaTokenId(token));
    return { status: String(data.status), paymentMethodType: data.payment_method_type };
  }

  /**
   * The one place a Klarna token status is applied (a read at Klarna, or a refused charge): stamps
   * `statusCheckedAt`; a suspension goes through `markSuspended`, a cancellation through `markCanceled` (each
   * emits its event once and the cancellation withdraws the consent once). Canceled is final: a stale read never
   * brings a token back; a suspended one active again runs the TokenStopHooks' `activeAgain` (its subscriptions
   * resume). `em` must be in a transaction; returns the status before and after.
   */
  async applyKlarnaStatus(
    token: CustomerToken,
    read: { status: string; paymentMethodType?: string },
    em: EntityManager,
  ): Promise<{ previous: CustomerTokenStatus; current: CustomerTokenStatus }> {
    const previous = token.status;
    const status = KLARNA_STATUS[read.status.toUpperCase()];
    const now = this.clock.now();
    token.paymentMethodType = read.paymentMethodType ?? token.paymentMethodType ?? null;
    token.statusCheckedAt = now;
    if (status === 'canceled') {
      await this.markCanceled(token, em);
    } else if (status === 'suspended') {
      await this.markSuspended(token, em);
    } else if (status && token.status !== 'canceled' && token.status !== status) {
      token.status = status;
      token.updatedAt = now;
      if (status === 'active' && previous === 'suspended') {
        await em.flush();
        await this.stopHooks.activeAgain(em, token.id);
      }
    }
    await em.flush();
    return { previous, current: token.status };
  }

  /**
   * Records a cancellation Klarna already knows about (by us, the consumer or Klarna) and the consent
   * withdrawal that goes with it, once, and stops what charges the token (TokenStopHooks: its subscriptions are
   * canceled) in the same transaction. `evidence` means the consumer withdrew the consent. `token` must be
   * managed by `em`.
   */
  async markCanceled(
    token: CustomerToken,
    em: EntityManager = this.em,
    evidence?: ConsumerEvidence,
  ): Promise<void> {
    if (token.status === 'canceled') return;
    const now = this.clock.now();
    token.status = 'canceled';
    token.canceledAt = now;
    token.updatedAt = now;
    const consent = await token.consent.loadOrFail();
    await em.transactional(async (tx) => {
      // The token row first (its lock before any subscription's, as in every path that stops a token).
      await tx.flush();
      const withdrawn = await this.consents.event(tx, consent, 'withdrawn', {
        customerTokenId: token.id,
        evidence,
      });
      await this.events.emit(tx, {
        merchantId: token.merchant.id,
        type: 'consent.withdrawn',
        data: {
          id: consent.id,
          customer_token_id: token.id,
          merchant_customer_id: consent.merchantCustomerId ?? null,
          channel: withdrawn.channel ?? null,
          withdrawn_at: withdrawn.occurredAt.toISOString(),
        },
      });
      await this.events.emit(tx, {
        merchantId: token.merchant.id,
        type: 'customer_token.canceled',
        data: tokenEventData(token),
      });
      await this.stopHooks.stopped(tx, token.id, evidence ? 'consent_withdrawn' : 'token_canceled');
    });
  }

  /**
   * Records that Klarna suspended the token, once (it may become active again; see `?refresh=true`), and halts
   * what charges it (TokenStopHooks) in the same transaction.
   */
  async markSuspended(token: CustomerToken, em: EntityManager = this.em): Promise<void> {
    if (token.status !== 'active') return;
    token.status = 'suspended';
    token.statusCheckedAt = this.clock.now();
    token.updatedAt = this.clock.now();
    await em.transactional(async (tx) => {
      await tx.flush();
      await this.events.emit(tx, {
        merchantId: token.merchant.id,
        type: 'customer_token.suspended',
        data: tokenEventData(token),
      });
      await this.stopHooks.stopped(tx, token.id, 'token_suspended');
    });
  }

  private klarnaTokenId(token: CustomerToken): string {
    return this.decryptKlarnaTokenId(token.id, token.klarnaTokenEnc!);
  }

  /** Klarna's token id from the stored ciphertext (bound to our token id), for callers that read the row. */
  decryptKlarnaTokenId(tokenId: string, klarnaTokenEnc: string): string {
    return this.crypto.decrypt(klarnaTokenEnc, ENCRYPTED_COLUMNS.customerTokenKlarnaId.aad(tokenId));
  }

  private async load(merchantId: string, id: string, em: EntityManager = this.em): Promise<CustomerToken> {
    const token = await em.findOne(
      CustomerToken,
      { id, merchant: merchantId, status: { $in: VISIBLE_TOKEN_STATUSES } },
      { populate: ['klarnaTokenEnc'] },
    );
    if (!token) throw notFound('Customer token', id);
    return token;
  }

  private map(t: CustomerToken): CustomerTokenDto {
    return {
      id: t.id,
      status: t.status as CustomerTokenDto['status'],
      merchant_customer_id: t.merchantCustomerId,
      session_id: t.session.id,
      consent_id: t.consent.id,
      intended_use: t.intendedUse,
      scope: { ...t.scope },
      description: t.description,
      purchase_country: t.purchaseCountry,
      purchase_currency: t.purchaseCurrency,
      payment_method_type: t.paymentMethodType ?? null,
      initial_order: t.initialOrder
        ? { ...t.initialOrder, redirect_url: t.initialOrder.redirect_url ?? null }
        : null,
      redirect_url: t.redirectUrl ?? null,
      created_at: t.createdAt.toISOString(),
      canceled_at: t.canceledAt?.toISOString() ?? null,
    };
  }
}
