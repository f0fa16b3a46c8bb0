import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { EnvelopeCrypto } from '../../common/crypto/envelope-crypto';
import { ENCRYPTED_COLUMNS } from '../../common/crypto/encrypted-columns';
import { conflict, notFound } from '../../common/errors/problem.exception';
import { EventsService } from '../../events/events.service';
import { newId } from '../../common/ids';
import type { KlarnaCredentials } from '../../klarna/klarna-credentials';
import { KlarnaClient } from '../../klarna/klarna.client';
import { KlarnaApiError } from '../../klarna/klarna.errors';
import { Merchant } from '../../merchants/merchant.entity';
import { MerchantsService } from '../../merchants/merchants.service';
import { loadOwnedSession, requireOpenSession } from './session-lookup';
import type { Session } from './session.entity';
import { Authorization, type AuthorizationStatus } from './authorization.entity';
import type { AuthorizationDto } from './dto/authorization.dto';

/** Klarna guarantees an authorization for 60 minutes. */
export const AUTHORIZATION_TTL_MS = 60 * 60 * 1000;

@Injectable()
export class AuthorizationsService {
  private readonly logger = new Logger(AuthorizationsService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly crypto: EnvelopeCrypto,
    private readonly klarna: KlarnaClient,
    private readonly merchants: MerchantsService,
    private readonly events: EventsService,
  ) {}

  /** Outbox events for authorizations that stop being usable, in the transaction that says so. */
  async emitReleased(
    tx: EntityManager,
    merchantId: string,
    authorizations: { id: string; sessionId: string }[],
    reason: 'released' | 'superseded' | 'stale' | 'abandoned',
  ): Promise<void> {
    for (const a of authorizations) {
      await this.events.emit(tx, {
        merchantId,
        type: 'authorization.released',
        data: { authorization_id: a.id, session_id: a.sessionId, reason },
      });
    }
  }

  /**
   * Records the consumer's authorize result. Earlier authorizations of the session that are still live are
   * superseded: released at Klarna, so that only one can ever be exchanged.
   */
  async record(merchantId: string, sessionId: string, token: string): Promise<AuthorizationDto> {
    const session = await loadOwnedSession(this.em, merchantId, sessionId);
    const now = this.clock.now();
    requireOpenSession(session, now);
    const earlier = await this.em.find(
      Authorization,
      { session, status: { $in: ['unverified', 'stale'] }, releasedAt: null },
      { populate: ['tokenEnc'] },
    );
    const id = newId('aut', this.clock.nowMs());
    const authorization = this.em.create(Authorization, {
      id,
      merchant: this.em.getReference(Merchant, merchantId),
      session,
      tokenEnc: this.crypto.encrypt(token, ENCRYPTED_COLUMNS.authorizationToken.aad(id)),
      // Not `valid`: nothing checked it yet (see AuthorizationStatus).
      status: 'unverified',
      sessionFingerprint: session.fingerprint,
      receivedAt: now,
      expiresAt: new Date(now.getTime() + AUTHORIZATION_TTL_MS),
    });
    for (const old of earlier) {
      if (old.status === 'unverified') old.status = 'released';
      old.releasedAt = now;
    }
    await this.em.transactional(async (tx) => {
      await tx.flush();
      const released = earlier.map((a) => ({ id: a.id, sessionId: session.id }));
      await this.emitReleased(tx, merchantId, released, 'superseded');
    });
    await this.releaseAtKlarna(merchantId, earlier);
    return this.map(authorization, now);
  }

  async release(merchantId: string, id: string): Promise<AuthorizationDto> {
    const authorization = await this.em.findOne(
      Authorization,
      { id, merchant: merchantId },
      { populate: ['tokenEnc'] },
    );
    if (!authorization) throw notFound('Authorization', id);
    const now = this.clock.now();
    if (authorization.status === 'consumed') {
      throw conflict(
        'AUTHORIZATION_CONSUMED',
        `Authorization ${id} was already exchanged for a customer token.`,
      );
    }
    if (!authorization.releasedAt && this.effectiveStatus(authorization, now) !== 'expired') {
      // Klarna first: if it fails, nothing here claims the authorization is gone.
      const credentials = await this.merchants.klarnaCredentials(merchantId, this.em);
      await this.releaseOne(credentials, authorization);
      if (authorization.status === 'unverified') authorization.status = 'released';
      authorization.releasedAt = now;
      await this.em.transactional(async (tx) => {
        await tx.flush();
        const released = [{ id: authorization.id, sessionId: authorization.session.id }];
        await this.emitReleased(tx, merchantId, released, 'released');
      });
    }
    return this.map(authorization, now);
  }

  /** The latest authorization recorded for the session, or null. */
  async current(session: Session, em: EntityManager = this.em): Promise<Authorization | null> {
    return em.findOne(Authorization, { session }, { orderBy: { id: 'desc' }, populate: ['tokenEnc'] });
  }

  /**
   * After the session's data changed: every live authorization given for other data becomes stale and is
   * released at Klarna (it no longer covers the order).
   */
  async markStale(merchantId: string, session: Session): Promise<void> {
    const live = await this.em.find(
      Authorization,
      { session, status: 'unverified', sessionFingerprint: { $ne: session.fingerprint } },
      { populate: ['tokenEnc'] },
    );
    if (live.length === 0) return;
    const now = this.clock.now();
    for (const authorization of live) {
      authorization.status = 'stale';
      authorization.releasedAt = now;
    }
    await this.em.transactional(async (tx) => {
      await tx.flush();
      const released = live.map((a) => ({ id: a.id, sessionId: session.id }));
      await this.emitReleased(tx, merchantId, released, 'stale');
    });
    await this.releaseAtKlarna(merchantId, live);
  }

  decryptToken(authorization: Authorization): string {
    return this.crypto.decrypt(
      authorization.tokenEnc,
      ENCRYPTED_COLUMNS.authorizationToken.aad(authorization.id),
    );
  }

  /** The status a caller sees: `unverified` turns into `expired` or `stale` without a write. */
  effectiveStatus(authorization: Authorization, now: Date, fingerprint?: string): AuthorizationStatus {
    if (authorization.status !== 'unverified') return authorization.status;
    if (authorization.expiresAt <= now) return 'expired';
    if (fingerprint !== undefined && fingerprint !== authorization.sessionFingerprint) return 'stale';
    return 'unverified';
  }

  map(a: Authorization, now: Date = this.clock.now()): AuthorizationDto {
    return {
      id: a.id,
      session_id: a.session.id,
      status: this.effectiveStatus(a, now),
      expires_at: a.expiresAt.toISOString(),
      released_at: a.releasedAt?.toISOString() ?? null,
      created_at: a.receivedAt.toISOString(),
    };
  }

  /** Best effort: a release that fails only means Klarna keeps the authorization until its 60 minutes end. */
  async releaseAtKlarna(merchantId: string, authorizations: Authorization[]): Promise<void> {
    if (authorizations.length === 0) return;
    let credentials: KlarnaCredentials;
    try {
      credentials = await this.merchants.klarnaCredentials(merchantId, this.em.fork());
    } catch (error) {
      this.logger.warn({ event: 'authorization_release_failed', merchant_id: merchantId, err: error });
      return;
    }
    for (const authorization of authorizations) {
      try {
        await this.releaseOne(credentials, authorization);
      } catch (error) {
        this.logger.warn({
          event: 'authorization_release_failed',
          authorization_id: authorization.id,
          code: (error as { code?: string }).code,
        });
      }
    }
  }

  /** Releases at Klarna; Klarna's 404 means it is gone already (expired or released), which is the goal. */
  async releaseOne(credentials: KlarnaCredentials, authorization: Authorization): Promise<void> {
    try {
      await this.klarna.releaseAuthorization(credentials, this.decryptToken(authorization));
    } catch (error) {
      if (error instanceof KlarnaApiError && error.httpStatus === 404) return;
      throw error;
    }
  }
}
