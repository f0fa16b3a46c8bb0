import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { notFound, validationProblem } from '../common/errors/problem.exception';
import { newId } from '../common/ids';
import { Merchant } from '../merchants/merchant.entity';
import { loadOwnedSession, requireOpenSession } from '../sessions/session-lookup';
import type { Session } from '../sessions/session.entity';
import { Consent, ConsentEvent, type ConsentEventType } from './consent.entity';
import type { ConsentDto, CreateConsentDto } from './dto/consent.dto';

/**
 * All writes to consents and consent_events go through here, and they only ever insert: the consent-audit
 * work makes this chain tamper-evident without touching callers.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
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
    const consent = this.em.create(Consent, {
      id: newId('con', this.clock.nowMs()),
      merchant: this.em.getReference(Merchant, merchantId),
      session,
      klarnaSessionId: session.klarnaSessionId,
      merchantCustomerId: session.merchantCustomerId ?? null,
      terms,
      termsVersion: terms.version,
      termsLocale: terms.locale,
      termsContentSha256: terms.contentSha256,
      accepted: true,
      acceptanceText: input.acceptance_text,
      ipAddress: input.ip_address,
      userAgent: input.user_agent,
      channel: input.channel,
      locale: input.locale,
      acceptedAt: now,
    });
    const granted = this.event(this.em, consent, 'granted', null);
    await this.em.flush();
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

  /** Appends an event; flushed with the caller's unit of work. */
  event(
    em: EntityManager,
    consent: Consent,
    type: ConsentEventType,
    customerTokenId: string | null,
  ): ConsentEvent {
    return em.create(ConsentEvent, {
      id: newId('cev', this.clock.nowMs()),
      consent,
      merchant: consent.merchant,
      type,
      customerTokenId,
      occurredAt: this.clock.now(),
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
        occurred_at: e.occurredAt.toISOString(),
      })),
      created_at: c.acceptedAt.toISOString(),
    };
  }
}
