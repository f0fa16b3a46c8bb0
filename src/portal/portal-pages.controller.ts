import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BrowserSession, Public } from '../common/auth/auth.decorator';
import { ProblemException } from '../common/errors/problem.exception';
import type { AppConfig, PortalConfig } from '../config/app-config';
import { type PortalAccess, PortalLinksService, PortalRefused } from './portal-links.service';
import { PORTAL_CSS, PORTAL_ICON, themeCss } from './portal.css';
import { pickLocale } from './portal.i18n';
import {
  confirmAllPage,
  confirmPage,
  errorPage,
  openingPage,
  overviewPage,
  receiptPage,
  Text,
  withdrawnPage,
} from './portal.pages';
import { type PortalClient, PortalService } from './portal.service';
import type { PortalBranding } from './portal-settings.service';

export const PORTAL_COOKIE = 'autopay_portal';
const REFERENCE = /^con_[0-9A-Z]{26}$/;
const USER_AGENT_MAX = 1000;

/** Headers of every portal response: no script, no framing, no referrer, nothing cached. */
const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'none'; style-src 'self'; img-src 'self' https:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

interface Ctx {
  request: FastifyRequest;
  reply: FastifyReply;
  access: PortalAccess;
  secret: string;
  text: Text;
  branding: PortalBranding;
  client: PortalClient;
}

function cookieOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === PORTAL_COOKIE) return rest.join('=');
  }
  return undefined;
}

/**
 * The consumer portal's pages (issue #18): server-rendered, no JavaScript, for the one customer at one merchant
 * that the browser session belongs to. Links come from `POST /v1/customers/{id}/portal-sessions`.
 */
@ApiExcludeController()
@Controller('portal')
@BrowserSession()
export class PortalPagesController {
  private readonly config: PortalConfig;

  constructor(
    private readonly links: PortalLinksService,
    private readonly portal: PortalService,
    configService: ConfigService<AppConfig, true>,
  ) {
    this.config = configService.getOrThrow('portal', { infer: true });
  }

  /** The link: burns it, sets the session cookie and moves on to the overview. */
  @Get('open')
  @Public()
  async open(
    @Query('token') token: string | undefined,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    try {
      await this.portal.throttle(request.ip);
      const { secret, access } = await this.links.open(typeof token === 'string' ? token : '');
      const cookie = [
        `${PORTAL_COOKIE}=${secret}`,
        'Path=/portal',
        'HttpOnly',
        'SameSite=Strict',
        `Max-Age=${Math.floor(this.config.sessionTtlMs / 1000)}`,
        ...(this.config.secureCookies ? ['Secure'] : []),
      ].join('; ');
      void reply.header('Set-Cookie', cookie);
      await this.portal.record(access, this.clientOf(request), 'portal.open', null, 200);
      const branding = await this.portal.branding(access.merchantId);
      const text = new Text(pickLocale(access.locale, request.headers['accept-language']), branding.name);
      await this.send(reply, 200, openingPage(text, branding));
    } catch (error) {
      // A real link refused (used, expired, portal off): an audit row under it, as for every portal action.
      if (error instanceof PortalRefused && error.link) {
        const { link } = error;
        await this.portal.record(
          link,
          this.clientOf(request),
          'portal.open_refused',
          link.sessionId,
          error.status,
        );
      }
      await this.refused(request, reply, error);
    }
  }

  @Get()
  overview(@Req() request: FastifyRequest, @Res() reply: FastifyReply, @Query('stopped') stopped?: string) {
    return this.page(request, reply, async (ctx) => {
      const view = await this.portal.overview(ctx.access);
      const count = Number(stopped);
      const notice = Number.isInteger(count) && count > 0 ? ctx.text.t('doneAll', { count }) : null;
      await this.portal.record(ctx.access, ctx.client, 'portal.view', null, 200);
      await this.send(reply, 200, overviewPage(ctx.text, view, ctx.access.returnUrl, notice));
    });
  }

  @Get('assets/portal.css')
  @Public()
  async stylesheet(@Res() reply: FastifyReply): Promise<void> {
    await this.send(reply, 200, PORTAL_CSS, 'text/css; charset=utf-8');
  }

  @Get('assets/icon.svg')
  @Public()
  async icon(@Res() reply: FastifyReply): Promise<void> {
    await this.send(reply, 200, PORTAL_ICON, 'image/svg+xml');
  }

  /** The merchant's accent colour (a stylesheet of its own: the CSP allows no inline style). */
  @Get('theme.css')
  @Public()
  async theme(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    let css = '';
    try {
      const access = await this.links.authenticate(cookieOf(request));
      css = themeCss((await this.portal.branding(access.merchantId)).accentColor);
    } catch {
      // No session: the default colours.
    }
    await this.send(reply, 200, css, 'text/css; charset=utf-8');
  }

  @Get('agreements/:reference/withdraw')
  confirm(@Param('reference') reference: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(request, reply, async (ctx) => {
      const agreement = await this.agreement(ctx, reference);
      if (!agreement) return;
      if (agreement.status === 'canceled') {
        await this.seeOther(reply, `/portal/agreements/${reference}/withdrawn`);
        return;
      }
      await this.portal.record(ctx.access, ctx.client, 'portal.withdraw_confirm', reference, 200);
      const csrf = this.links.csrfToken(ctx.secret);
      await this.send(reply, 200, confirmPage(ctx.text, ctx.branding, agreement, csrf, ctx.access.returnUrl));
    });
  }

  @Post('agreements/:reference/withdraw')
  withdraw(
    @Param('reference') reference: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.page(request, reply, async (ctx) => {
      if (!(await this.csrfHolds(ctx))) return;
      if (!REFERENCE.test(reference) || !(await this.portal.withdraw(ctx.access, reference, ctx.client))) {
        await this.notFound(ctx);
        return;
      }
      await this.seeOther(reply, `/portal/agreements/${reference}/withdrawn`);
    });
  }

  @Get('agreements/:reference/withdrawn')
  withdrawn(
    @Param('reference') reference: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.page(request, reply, async (ctx) => {
      const agreement = await this.agreement(ctx, reference);
      if (!agreement) return;
      await this.portal.record(ctx.access, ctx.client, 'portal.withdrawn_view', reference, 200);
      await this.send(reply, 200, withdrawnPage(ctx.text, ctx.branding, agreement, ctx.access.returnUrl));
    });
  }

  @Get('withdraw-all')
  confirmAll(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(request, reply, async (ctx) => {
      const view = await this.portal.overview(ctx.access);
      const live = view.agreements.filter((a) => a.status !== 'canceled').length;
      await this.portal.record(ctx.access, ctx.client, 'portal.withdraw_all_confirm', null, 200);
      const csrf = this.links.csrfToken(ctx.secret);
      await this.send(reply, 200, confirmAllPage(ctx.text, ctx.branding, live, csrf, ctx.access.returnUrl));
    });
  }

  @Post('withdraw-all')
  withdrawAll(@Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(request, reply, async (ctx) => {
      if (!(await this.csrfHolds(ctx))) return;
      const count = await this.portal.withdrawAll(ctx.access, ctx.client);
      await this.seeOther(reply, `/portal?stopped=${count}`);
    });
  }

  /** A human-readable copy of what the consumer agreed to, and when they withdrew. */
  @Get('agreements/:reference/receipt')
  receipt(@Param('reference') reference: string, @Req() request: FastifyRequest, @Res() reply: FastifyReply) {
    return this.page(request, reply, async (ctx) => {
      const agreement = await this.agreement(ctx, reference);
      if (!agreement) return;
      await this.portal.record(ctx.access, ctx.client, 'portal.receipt_view', reference, 200);
      const html = receiptPage(
        ctx.text,
        ctx.branding,
        agreement,
        ctx.access.merchantCustomerId,
        ctx.access.returnUrl,
      );
      await this.send(reply, 200, html);
    });
  }

  /** The signed consent receipt (compact JWS, verifiable against /.well-known/jwks.json). */
  @Get('agreements/:reference/receipt.jws')
  receiptJws(
    @Param('reference') reference: string,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    return this.page(request, reply, async (ctx) => {
      const jws = REFERENCE.test(reference) ? await this.portal.receipt(ctx.access, reference) : null;
      if (!jws) {
        await this.notFound(ctx);
        return;
      }
      await this.portal.record(ctx.access, ctx.client, 'portal.receipt_download', reference, 200);
      void reply.header('Content-Disposition', `attachment; filename="consent-receipt-${reference}.jws"`);
      await this.send(reply, 200, jws, 'application/jose; charset=utf-8');
    });
  }

  /** Authenticates the browser session, counts the request, and renders refusals as pages. */
  private async page(
    request: FastifyRequest,
    reply: FastifyReply,
    handle: (ctx: Ctx) => Promise<void>,
  ): Promise<void> {
    try {
      await this.portal.throttle(request.ip);
      const secret = cookieOf(request);
      const access = await this.links.authenticate(secret);
      await this.portal.throttle(request.ip, access.sessionId);
      const branding = await this.portal.branding(access.merchantId);
      const text = new Text(pickLocale(access.locale, request.headers['accept-language']), branding.name);
      await handle({
        request,
        reply,
        access,
        secret: secret!,
        text,
        branding,
        client: this.clientOf(request),
      });
    } catch (error) {
      await this.refused(request, reply, error);
    }
  }

  private async agreement(ctx: Ctx, reference: string) {
    const agreement = REFERENCE.test(reference)
      ? await this.portal.agreementByReference(ctx.access, reference)
      : null;
    if (!agreement) await this.notFound(ctx);
    return agreement;
  }

  private async csrfHolds(ctx: Ctx): Promise<boolean> {
    const body = ctx.request.body as Record<string, unknown> | undefined;
    if (this.links.checkCsrf(ctx.secret, body?.csrf)) return true;
    await this.portal.record(ctx.access, ctx.client, 'portal.csrf_refused', null, 403);
    await this.send(ctx.reply, 403, errorPage(ctx.text, ctx.branding, ctx.text.t('error.csrf')));
    return false;
  }

  private async notFound(ctx: Ctx): Promise<void> {
    await this.send(ctx.reply, 404, errorPage(ctx.text, ctx.branding, ctx.text.t('error.not_found')));
  }

  private async refused(request: FastifyRequest, reply: FastifyReply, error: unknown): Promise<void> {
    if (!(error instanceof PortalRefused)) {
      // Anything else (Klarna unreachable during a withdrawal, …): a page in the same frame, not a JSON problem.
      if (!(error instanceof ProblemException)) throw error;
      error = new PortalRefused('failed', error.getStatus());
    }
    if (!(error instanceof PortalRefused)) throw error;
    const branding: PortalBranding = error.merchantId
      ? await this.portal.branding(error.merchantId)
      : { name: 'Autopay', logoUrl: null, accentColor: null };
    const locale = pickLocale(null, request.headers['accept-language']);
    const merchantName = error.merchantId ? branding.name : new Text(locale, '').words.theMerchant;
    const text = new Text(locale, merchantName);
    if (error.status === 429) void reply.header('Retry-After', '60');
    await this.send(reply, error.status, errorPage(text, branding, text.t(`error.${error.reason}`)));
  }

  private clientOf(request: FastifyRequest): PortalClient {
    const agent = request.headers['user-agent'];
    return {
      ip: request.ip,
      userAgent: (typeof agent === 'string' ? agent : '').slice(0, USER_AGENT_MAX),
      requestId: String(request.id),
      route: request.routeOptions.url ?? request.url.split('?')[0],
      method: request.method,
    };
  }

  private async seeOther(reply: FastifyReply, location: string): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) void reply.header(name, value);
    await reply.status(303).header('Location', location).send();
  }

  private async send(
    reply: FastifyReply,
    status: number,
    body: string,
    type = 'text/html; charset=utf-8',
  ): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) void reply.header(name, value);
    await reply.status(status).header('Content-Type', type).send(body);
  }
}
