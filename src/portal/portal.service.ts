import { EntityManager } from '@mikro-orm/postgresql';
import { HttpException, Injectable, Logger } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { type ThrottlerStorage, InjectThrottlerStorage } from '@nestjs/throttler';
import { Clock } from '../common/clock/clock';
import type { AppConfig, PortalConfig } from '../config/app-config';
import { AuditService } from '../evidence/audit/audit.service';
import { OrdersService } from '../charging/orders/orders.service';
import type { OrderDto } from '../charging/orders/dto/order.dto';
import { SubscriptionsService } from '../charging/subscriptions/subscriptions.service';
import type { SubscriptionResponseDto } from '../charging/subscriptions/dto/subscription.dto';
import { ConsentAuditService } from '../signup/consents/admin/consent-audit.service';
import type { AdminConsentDetailDto } from '../signup/consents/admin/dto/admin-consent.dto';
import { CustomerTokensService } from '../signup/customer-tokens/customer-tokens.service';
import type { CustomerTokenDto } from '../signup/customer-tokens/dto/customer-token.dto';
import { type PortalAccess, PortalRefused } from './portal-links.service';
import { type PortalBranding, PortalSettingsService } from './portal-settings.service';
import { lockTokenForWithdrawal } from './portal.queries';

/** How many of an agreement's last charges the page lists. */
const LAST_CHARGES = 5;
/** A customer's agreements at one merchant the page lists (newest first). */
const MAX_AGREEMENTS = 100;

/** One automatic-payment agreement as the consumer sees it: no Klarna ids, no internal ids but the reference. */
export interface PortalAgreement {
  /** The consent id: the reference on receipts and in the merchant's and auditors' records. */
  reference: string;
  status: 'active' | 'suspended' | 'canceled';
  termsTitle: string;
  termsBody: string;
  termsVersion: number;
  termsLocale: string;
  acceptanceText: string;
  acceptedAt: string;
  withdrawnAt: string | null;
  withdrawnInPortal: boolean;
  intendedUse: string;
  limits: { currency: string; maxOrderAmount: number; interval: string | null; intervalCount: number | null };
  description: string;
  subscriptions: {
    name: string;
    status: string;
    nextChargeAt: string | null;
    amount: number;
    currency: string;
  }[];
  charges: { createdAt: string; amount: number; currency: string; status: string }[];
}

export interface PortalOverview {
  branding: PortalBranding;
  agreements: PortalAgreement[];
}

/** Who acted in the portal, as the browser showed itself. */
export interface PortalClient {
  ip: string;
  userAgent: string;
  requestId: string;
  route: string;
  method: string;
}

/**
 * What the consumer portal reads and does, always for one customer at one merchant (the browser session's):
 * every lookup starts from that customer's own tokens, so another customer's reference finds nothing.
 */
@Injectable()
export class PortalService {
  private readonly logger = new Logger(PortalService.name);
  private readonly config: PortalConfig;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly tokens: CustomerTokensService,
    private readonly consents: ConsentAuditService,
    private readonly subscriptions: SubscriptionsService,
    private readonly orders: OrdersService,
    private readonly settings: PortalSettingsService,
    private readonly audit: AuditService,
    @InjectThrottlerStorage() private readonly throttler: ThrottlerStorage,
    configService: ConfigService<AppConfig, true>,
  ) {
    this.config = configService.getOrThrow('portal', { infer: true });
  }

  /** Counts a request per browser session (when there is one) and per client address; refuses past the limit. */
  async throttle(ip: string, sessionId?: string): Promise<void> {
    const keys = [`portal:ip:${ip}`, ...(sessionId ? [`portal:session:${sessionId}`] : [])];
    for (const key of keys) {
      const hit = await this.throttler.increment(key, 60_000, this.config.ratePerMinute, 0, 'portal');
      if (hit.totalHits > this.config.ratePerMinute) throw new PortalRefused('rate_limited', 429);
    }
  }

  branding(merchantId: string): Promise<PortalBranding> {
    return this.settings.branding(merchantId);
  }

  async overview(access: PortalAccess): Promise<PortalOverview> {
    const [branding, tokens] = await Promise.all([
      this.settings.branding(access.merchantId),
      this.customerTokens(access),
    ]);
    const agreements: PortalAgreement[] = [];
    for (const token of tokens) agreements.push(await this.agreement(access, token));
    return { branding, agreements };
  }

  /** One of this customer's agreements by its reference, or null (also for anyone else's). */
  async agreementByReference(access: PortalAccess, reference: string): Promise<PortalAgreement | null> {
    const token = (await this.customerTokens(access)).find((t) => t.consent_id === reference);
    return token ? this.agreement(access, token) : null;
  }

  /**
   * Withdraws the consent and cancels the token through the same service call as a merchant-side cancel (Klarna
   * first, then the chain event with the consumer's evidence, the events and webhooks), then ends the token's
   * live subscriptions. Returns false when the reference is not one of this customer's agreements.
   */
  async withdraw(access: PortalAccess, reference: string, client: PortalClient): Promise<boolean> {
    const token = (await this.customerTokens(access)).find((t) => t.consent_id === reference);
    if (!token) return false;
    await this.recorded(access, client, 'portal.withdraw', reference, {}, () =>
      this.withdrawToken(access, token, client),
    );
    return true;
  }

  /** Withdraws every agreement still in force; returns how many. */
  async withdrawAll(access: PortalAccess, client: PortalClient): Promise<number> {
    const live = (await this.customerTokens(access)).filter((t) => t.status !== 'canceled');
    await this.recorded(access, client, 'portal.withdraw_all', null, { withdrawn: live.length }, async () => {
      for (const token of live) await this.withdrawToken(access, token, client);
    });
    return live.length;
  }

  /** Runs an action and writes its audit row, also when it fails (Klarna unreachable): with the status shown. */
  private async recorded(
    access: PortalAccess,
    client: PortalClient,
    action: string,
    targetId: string | null,
    extra: Record<string, unknown>,
    run: () => Promise<void>,
  ): Promise<void> {
    try {
      await run();
    } catch (error) {
      const status = error instanceof HttpException ? error.getStatus() : 500;
      await this.record(access, client, action, targetId, status, extra);
      throw error;
    }
    await this.record(access, client, action, targetId, 200, extra);
  }

  /** The signed consent receipt (compact JWS), for one of this customer's agreements, or null. */
  async receipt(access: PortalAccess, reference: string): Promise<string | null> {
    const token = (await this.customerTokens(access)).find((t) => t.consent_id === reference);
    if (!token) return null;
    return (await this.consents.receipt(reference)).receipt;
  }

  /** An audit-log row for a portal action: the actor is the portal session, never the consumer's IP. */
  async record(
    access: Pick<PortalAccess, 'sessionId' | 'merchantId' | 'merchantCustomerId'>,
    client: Pick<PortalClient, 'requestId' | 'route' | 'method'>,
    action: string,
    targetId: string | null,
    status: number,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    await this.audit.record(this.em.fork(), {
      actorKeyId: access.sessionId,
      actorRole: 'consumer',
      action,
      method: client.method,
      route: client.route,
      targetId,
      params: { merchant_id: access.merchantId, merchant_customer_id: access.merchantCustomerId, ...extra },
      status,
      requestId: client.requestId,
    });
  }

  private async withdrawToken(access: PortalAccess, token: CustomerTokenDto, client: PortalClient) {
    await this.em.fork().transactional(async (lock) => {
      if ((await lockTokenForWithdrawal(lock, token.id)) === 'canceled') return;
      await this.tokens.cancel(access.merchantId, token.id, {
        channel: 'portal',
        ipAddress: client.ip,
        userAgent: client.userAgent,
      });
    });
    const subs = await this.subscriptions.list(access.merchantId, {
      customer_token_id: token.id,
      limit: 100,
    });
    for (const sub of subs.data) {
      if (sub.status !== 'canceled') {
        await this.subscriptions.cancel(access.merchantId, sub.id, 'consent_withdrawn');
      }
    }
  }

  private async customerTokens(access: PortalAccess): Promise<CustomerTokenDto[]> {
    const page = await this.tokens.list(access.merchantId, {
      merchant_customer_id: access.merchantCustomerId,
      limit: MAX_AGREEMENTS,
    });
    // The token list filters by merchant and customer already; this keeps that promise visible here too.
    return page.data.filter((t) => t.merchant_customer_id === access.merchantCustomerId);
  }

  private async agreement(access: PortalAccess, token: CustomerTokenDto): Promise<PortalAgreement> {
    const [consent, subs, charges] = await Promise.all([
      this.consents.get(token.consent_id),
      this.subscriptions.list(access.merchantId, { customer_token_id: token.id, limit: 100 }),
      this.orders.list(access.merchantId, token.id, { limit: LAST_CHARGES }),
    ]);
    if (
      consent.merchant_id !== access.merchantId ||
      consent.merchant_customer_id !== access.merchantCustomerId
    ) {
      // Cannot happen while tokens and consents agree; never show a record that is not this customer's.
      throw new Error('portal: consent of another customer');
    }
    return this.toAgreement(token, consent, subs.data, charges.data);
  }

  private toAgreement(
    token: CustomerTokenDto,
    consent: AdminConsentDetailDto,
    subs: SubscriptionResponseDto[],
    charges: OrderDto[],
  ): PortalAgreement {
    const withdrawn = consent.events.find((e) => e.type === 'withdrawn');
    return {
      reference: consent.id,
      status: token.status,
      termsTitle: consent.terms.title,
      termsBody: consent.terms.body,
      termsVersion: consent.terms_version,
      termsLocale: consent.terms_locale,
      acceptanceText: consent.acceptance_text,
      acceptedAt: consent.accepted_at,
      withdrawnAt: withdrawn?.occurred_at ?? null,
      withdrawnInPortal: withdrawn?.channel === 'portal',
      intendedUse: token.intended_use,
      limits: {
        currency: token.scope.currency,
        maxOrderAmount: token.scope.max_order_amount,
        interval: token.scope.interval ?? null,
        intervalCount: token.scope.interval_count ?? null,
      },
      description: token.description,
      subscriptions: subs.map((s) => ({
        name: s.description ?? s.order.order_lines[0]?.name ?? '',
        status: s.status,
        nextChargeAt: s.status === 'canceled' ? null : s.next_charge_at,
        amount: s.order.order_amount,
        currency: s.order.purchase_currency,
      })),
      charges: charges.map((o) => ({
        createdAt: o.created_at,
        amount: o.order_amount,
        currency: o.purchase_currency,
        status: o.status,
      })),
    };
  }
}
