import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { ConfigService } from '@nestjs/config';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { canonicalJson } from '../common/hashing/canonical-json';
import { EnvelopeCrypto } from '../common/crypto/envelope-crypto';
import { conflict, ProblemException } from '../common/errors/problem.exception';
import { newId } from '../common/ids';
import type { AppConfig, PortalConfig } from '../config/app-config';
import { idempotencyKeyProblem } from '../common/idempotency/idempotency.problems';
import type { CreatePortalSessionDto, PortalSessionDto } from './dto/portal.dto';
import { Merchant } from '../merchants/merchant.entity';
import { PortalSession } from './portal-session.entity';
import { PortalSettingsService } from './portal-settings.service';
import { burnLink } from './portal.queries';

/** HMAC context of link signatures (a key of its own, derived from BLIND_INDEX_KEY). */
const LINK_CONTEXT = 'portal-link';
const LINK_TOKEN = /^(pts_[0-9A-Z]{26})\.([A-Za-z0-9_-]{43})$/;
const BROWSER_SECRET = /^[A-Za-z0-9_-]{43}$/;

export const sha256 = (value: string): string => createHash('sha256').update(value, 'utf8').digest('hex');

/** A portal browser session, as every page sees it. */
export interface PortalAccess {
  sessionId: string;
  merchantId: string;
  merchantCustomerId: string;
  locale: string | null;
  returnUrl: string | null;
  expiresAt: Date;
}

export interface CreatedPortalSession {
  dto: PortalSessionDto;
  replayed: boolean;
}

/** Why a link or a browser session was refused (the pages say it in the consumer's language). */
export class PortalRefused extends Error {
  constructor(
    readonly reason:
      'link_invalid' | 'link_used_or_expired' | 'session_missing' | 'disabled' | 'rate_limited' | 'failed',
    readonly status: number,
    /** The merchant, where the link or session named one (its name goes on the page). */
    readonly merchantId?: string,
    /** The link refused, where it was a real one (the refusal goes into the audit log under it). */
    readonly link?: Pick<PortalAccess, 'sessionId' | 'merchantId' | 'merchantCustomerId'>,
  ) {
    super(reason);
  }
}

/**
 * Portal links: a merchant creates one for one of its customers; the consumer opens it once within
 * PORTAL_LINK_TTL_MINUTES and gets a browser session (an HttpOnly cookie) for PORTAL_SESSION_TTL_MINUTES.
 *
 * The link's token is `<id>.<HMAC(id, merchant, customer, expiry)>`: forged or altered tokens fail the MAC, and
 * the database keeps only its SHA-256. Being derived from the row, it can be given again to a retry of the same
 * create request (Idempotency-Key) without ever being stored.
 */
@Injectable()
export class PortalLinksService {
  private readonly config: PortalConfig;
  private readonly publicUrl: string | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly crypto: EnvelopeCrypto,
    private readonly settings: PortalSettingsService,
    configService: ConfigService<AppConfig, true>,
  ) {
    this.config = configService.getOrThrow('portal', { infer: true });
    this.publicUrl = configService.getOrThrow('http', { infer: true }).publicUrl;
  }

  async create(
    merchantId: string,
    merchantCustomerId: string,
    input: CreatePortalSessionDto,
    idempotencyKey: string | undefined,
    requestBaseUrl: string,
  ): Promise<CreatedPortalSession> {
    if (idempotencyKey !== undefined) {
      const problem = idempotencyKeyProblem(idempotencyKey);
      if (problem) throw problem;
    }
    if (!(await this.settings.isEnabled(merchantId))) {
      throw conflict(
        'PORTAL_DISABLED',
        'The consumer portal is turned off for this merchant (PUT /v1/merchant/portal-settings).',
      );
    }
    const base = (this.publicUrl ?? requestBaseUrl).replace(/\/+$/, '');
    const requestSha256 = sha256(
      canonicalJson({
        merchant_customer_id: merchantCustomerId,
        return_url: input.return_url ?? null,
        locale: input.locale ?? null,
      }),
    );
    if (idempotencyKey !== undefined) {
      const earlier = await this.replay(merchantId, idempotencyKey, requestSha256, base);
      if (earlier) return earlier;
    }
    const now = this.clock.now();
    const id = newId('pts', now.getTime());
    const expiresAt = new Date(now.getTime() + this.config.linkTtlMs);
    const token = this.linkToken(id, merchantId, merchantCustomerId, expiresAt);
    const row: PortalSession = Object.assign(new PortalSession(), {
      id,
      merchant: this.em.getReference(Merchant, merchantId),
      merchantCustomerId,
      tokenSha256: sha256(token),
      locale: input.locale ? input.locale.slice(0, 2).toLowerCase() : null,
      returnUrl: input.return_url ?? null,
      expiresAt,
      idempotencyKey: idempotencyKey ?? null,
      requestSha256: idempotencyKey !== undefined ? requestSha256 : null,
      createdAt: now,
    });
    try {
      await this.em.insert(PortalSession, row);
    } catch (error) {
      // A concurrent request with the same key won the insert: answer as its replay.
      if (error instanceof UniqueConstraintViolationException && idempotencyKey !== undefined) {
        const earlier = await this.replay(merchantId, idempotencyKey, requestSha256, base);
        if (earlier) return earlier;
      }
      throw error;
    }
    return { dto: this.map(row, token, base), replayed: false };
  }

  /**
   * Opens a link: checks its MAC, burns it and starts a browser session. Returns the cookie secret (shown to
   * the browser once; stored as its SHA-256) and the session.
   */
  async open(token: string): Promise<{ secret: string; access: PortalAccess }> {
    const match = LINK_TOKEN.exec(token);
    if (!match) throw new PortalRefused('link_invalid', 404);
    const row = await this.em.fork().findOne(PortalSession, { tokenSha256: sha256(token) });
    if (!row || row.id !== match[1]) throw new PortalRefused('link_invalid', 404);
    const expected = this.linkToken(row.id, row.merchant.id, row.merchantCustomerId, row.expiresAt);
    if (!timingSafeEqual(Buffer.from(expected), Buffer.from(token)))
      throw new PortalRefused('link_invalid', 404);
    const link = this.access(row);
    if (!(await this.settings.isEnabled(row.merchant.id))) {
      throw new PortalRefused('disabled', 403, row.merchant.id, link);
    }
    const now = this.clock.now();
    const secret = randomBytes(32).toString('base64url');
    const browserExpiresAt = new Date(now.getTime() + this.config.sessionTtlMs);
    if (!(await burnLink(this.em, row.id, now, sha256(secret), browserExpiresAt))) {
      throw new PortalRefused('link_used_or_expired', 410, row.merchant.id, link);
    }
    return { secret, access: { ...link, expiresAt: browserExpiresAt } };
  }

  /** The browser session a cookie secret belongs to, or a refusal (missing, unknown, expired, portal off). */
  async authenticate(secret: string | undefined): Promise<PortalAccess> {
    if (!secret || !BROWSER_SECRET.test(secret)) throw new PortalRefused('session_missing', 401);
    const row = await this.em.fork().findOne(PortalSession, { browserSha256: sha256(secret) });
    if (!row?.browserExpiresAt || row.browserExpiresAt <= this.clock.now()) {
      throw new PortalRefused('session_missing', 401);
    }
    if (!(await this.settings.isEnabled(row.merchant.id))) {
      throw new PortalRefused('disabled', 403, row.merchant.id);
    }
    return { ...this.access(row), expiresAt: row.browserExpiresAt };
  }

  /** The CSRF token of a browser session: bound to its cookie secret, so another session's token fails. */
  csrfToken(secret: string): string {
    return this.crypto.blindIndex(secret, 'portal-csrf');
  }

  checkCsrf(secret: string, given: unknown): boolean {
    if (typeof given !== 'string' || !/^[0-9a-f]{64}$/.test(given)) return false;
    return timingSafeEqual(Buffer.from(this.csrfToken(secret)), Buffer.from(given));
  }

  private access(row: PortalSession): Omit<PortalAccess, 'expiresAt'> {
    return {
      sessionId: row.id,
      merchantId: row.merchant.id,
      merchantCustomerId: row.merchantCustomerId,
      locale: row.locale ?? null,
      returnUrl: row.returnUrl ?? null,
    };
  }

  private async replay(
    merchantId: string,
    idempotencyKey: string,
    requestSha256: string,
    base: string,
  ): Promise<CreatedPortalSession | null> {
    const row = await this.em.fork().findOne(PortalSession, { merchant: merchantId, idempotencyKey });
    if (!row) return null;
    if (row.requestSha256 !== requestSha256) {
      throw new ProblemException({
        status: 422,
        code: 'IDEMPOTENCY_KEY_REUSED',
        title: 'Unprocessable Entity',
        detail: 'This Idempotency-Key was used with a different request.',
      });
    }
    const token = this.linkToken(row.id, merchantId, row.merchantCustomerId, row.expiresAt);
    return { dto: this.map(row, token, base), replayed: true };
  }

  private linkToken(id: string, merchantId: string, merchantCustomerId: string, expiresAt: Date): string {
    const mac = this.crypto.blindIndex(
      canonicalJson({
        id,
        merchant_id: merchantId,
        merchant_customer_id: merchantCustomerId,
        exp: expiresAt.toISOString(),
      }),
      LINK_CONTEXT,
    );
    return `${id}.${Buffer.from(mac, 'hex').toString('base64url')}`;
  }

  private map(row: PortalSession, token: string, base: string): PortalSessionDto {
    return {
      id: row.id,
      url: `${base}/portal/open?token=${token}`,
      expires_at: row.expiresAt.toISOString(),
      merchant_customer_id: row.merchantCustomerId,
      locale: row.locale ?? null,
      return_url: row.returnUrl ?? null,
      created_at: row.createdAt.toISOString(),
    };
  }
}
