import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { notFound, validationProblem } from '../../common/errors/problem.exception';
import { newId } from '../../common/ids';
import { Merchant } from '../../merchants/merchant.entity';
import { loadOwnedSession, requireOpenSession } from '../sessions/session-lookup';
import type { Session } from '../sessions/session.entity';
import { ChainService } from './chain/chain.service';
import { chainFieldsOf, type ConsentEventRow, type ConsentRow } from './chain/consent-chain-fields';
import { Consent, ConsentEvent, type ConsentEventType } from './consent.entity';
import type { ConsentDto, CreateConsentDto } from './dto/consent.dto';

/** References an event carries: the token (linked_to_token, withdrawn) and the authorization exchanged for it. */
export interface ConsentEventRefs {
  customerTokenId?: string | null;
  authorizationId?: string | null;
  /** The consumer's own evidence, where the consumer acted (a withdrawal in the portal). */
  evidence?: ConsumerEvidence;
}

/** Who did it, as the browser showed itself: hashed into the chain with the event. */
export interface ConsumerEvidence {
  channel: 'portal';
  ipAddress: string;
  userAgent: string;
}

/**
 * All writes to consents and consent_events go through here. They only ever insert (PostgreSQL refuses
 * anything else), and each insert takes the next link of the merchant's hash chain in its own transaction.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly chain: ChainService,
  ) {}

  async create(merchantId: string, sessionId: string, input: CreateConsentDto): Promise<ConsentDto> {
    const session = await loadOwnedSession(this.em, merchantId, sessionId);
    const now = this.clock.now();
    requireOpenSession(session, now);
    const terms = session.terms ? await session.terms.load() : null;
    if (!terms || terms.id !== input.terms_id) {
      throw validationProblem([
        { field: 'terms_id', message: 'is not the terms version shown in this session' },
      ]);
    }
    if (terms.locale.toLowerCase() !== input.locale.toLowerCase()) {
      throw validationProblem([
        { field: 'locale', message: `must be ${terms.locale}, the locale of the terms` },
      ]);
    }
    const row: ConsentRow = {
      id: newId('con', this.clock.nowMs()),
      merchant_id: merchantId,
      session_id: session.id,
      klarna_session_id: session.klarnaSessionId,
      merchant_customer_id: session.merchantCustomerId ?? null,
      terms_id: terms.id,
      terms_version: terms.version,
      terms_locale: terms.locale,
      terms_content_sha256: terms.contentSha256,
      accepted: true,
      acceptance_text: input.acceptance_text,
      ip_address: input.ip_address,
      user_agent: input.user_agent,
      channel: input.channel,
      locale: input.locale,
      accepted_at: now,
    };
    const { consent, granted } = await this.em.transactional(async (tx) => {
      const link = await this.chain.append(tx, merchantId, chainFieldsOf({ record_type: 'consent', ...row }));
      const created = tx.create(Consent, {
        id: row.id,
        merchant: tx.getReference(Merchant, merchantId),
        session: session.id,
        klarnaSessionId: row.klarna_session_id,
        merchantCustomerId: row.merchant_customer_id,
        terms: terms.id,
        termsVersion: row.terms_version,
        termsLocale: row.terms_locale,
        termsContentSha256: row.terms_content_sha256,
        accepted: row.accepted,
        acceptanceText: row.acceptance_text,
        ipAddress: row.ip_address,
        userAgent: row.user_agent,
        channel: input.channel,
        locale: row.locale,
        acceptedAt: row.accepted_at,
        seq: link.seq,
        prevHash: link.prevHash,
        hash: link.hash,
      });
      return { consent: created, granted: await this.event(tx, created, 'granted') };
    });
    return this.map(consent, [granted]);
  }

  async get(merchantId: string, id: string): Promise<ConsentDto> {
    const consent = await this.em.findOne(Consent, { id, merchant: merchantId });
    if (!consent) throw notFound('Consent', id);
    const events = await this.em.find(ConsentEvent, { consent }, { orderBy: { id: 'asc' } });
    return this.map(consent, events);
  }

  /** The latest consent in this session to the session's terms, or null. */
  async latestForSession(session: Session, em: EntityManager = this.em): Promise<Consent | null> {
    if (!session.terms) return null;
    return em.findOne(Consent, { session, terms: session.terms.id }, { orderBy: { id: 'desc' } });
  }

  /**
   * Appends an event to the consent and to its merchant's chain. `em` must be inside the transaction that
   * inserts it (the chain head stays locked until it ends); the row is flushed with that unit of work.
   */
  async event(
    em: EntityManager,
    consent: Consent,
    type: ConsentEventType,
    refs: ConsentEventRefs = {},
  ): Promise<ConsentEvent> {
    const row: ConsentEventRow = {
      id: newId('cev', this.clock.nowMs()),
      consent_id: consent.id,
      merchant_id: consent.merchant.id,
      type,
      customer_token_id: refs.customerTokenId ?? null,
      authorization_id: refs.authorizationId ?? null,
      occurred_at: this.clock.now(),
      ...(refs.evidence
        ? {
            channel: refs.evidence.channel,
            ip_address: refs.evidence.ipAddress,
            user_agent: refs.evidence.userAgent,
          }
        : {}),
    };
    const link = await this.chain.append(
      em,
      row.merchant_id,
      chainFieldsOf({ record_type: 'consent_event', ...row }),
    );
    return em.create(ConsentEvent, {
      id: row.id,
      consent: consent.id,
      merchant: row.merchant_id,
      type,
      customerTokenId: row.customer_token_id,
      authorizationId: row.authorization_id,
      channel: row.channel ?? null,
      ipAddress: row.ip_address ?? null,
      userAgent: row.user_agent ?? null,
      occurredAt: row.occurred_at,
      seq: link.seq,
      prevHash: link.prevHash,
      hash: link.hash,
    });
  }

  private map(c: Consent, events: ConsentEvent[]): ConsentDto {
    return {
      id: c.id,
      session_id: c.session.id,
      merchant_customer_id: c.merchantCustomerId ?? null,
      terms_id: c.terms.id,
      terms_version: c.termsVersion,
      terms_locale: c.termsLocale,
      terms_content_sha256: c.termsContentSha256,
      accepted: c.accepted,
      acceptance_text: c.acceptanceText,
      ip_address: c.ipAddress,
      user_agent: c.userAgent,
      channel: c.channel,
      locale: c.locale,
      accepted_at: c.acceptedAt.toISOString(),
      events: events.map((e) => ({
        type: e.type,
        customer_token_id: e.customerTokenId ?? null,
        authorization_id: e.authorizationId ?? null,
        occurred_at: e.occurredAt.toISOString(),
      })),
      created_at: c.acceptedAt.toISOString(),
    };
  }
}
