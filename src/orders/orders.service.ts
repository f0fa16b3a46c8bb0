import { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Clock } from '../common/clock/clock';
import { isUniqueViolation } from '../common/db/errors';
import { notFound, ProblemException, validationProblem } from '../common/errors/problem.exception';
import { sha256OfCanonical } from '../common/hashing/canonical-json';
import { newId } from '../common/ids';
import { decodeCursor, type Page, pageLimit, toPage } from '../common/pagination/pagination';
import { flattenValidationErrors } from '../common/validation/validation';
import type { AppConfig, OrdersConfig } from '../config/app-config';
import { APP_CONFIG } from '../core/core.module';
import { CustomerToken } from '../customer-tokens/customer-token.entity';
import { type ChargeableToken, CustomerTokensService } from '../customer-tokens/customer-tokens.service';
import type { KlarnaCredentials } from '../klarna/klarna-credentials';
import type { KlarnaTokenOrderRequest } from '../klarna/klarna.types';
import { MerchantsService } from '../merchants/merchants.service';
import type { OrderLineDto } from '../sessions/dto/order.dto';
import { checkKlarnaTokenOrder } from '../sessions/klarna-order-rules';
import { consentScopeViolations, describeViolations, violationErrors } from './consent-scope';
import { CreateTokenOrderDto, type OrderDto, type OrderQueryDto } from './dto/order.dto';
import {
  idempotencyKeyReused,
  klarnaIdempotencyKey,
  orderAnswer,
  type OrderView,
  type RenderedAnswer,
  requestInProgress,
  TOKEN_STATUS_BY_CODE,
  tokenNotActive,
  toOrderDto,
  viewOf,
} from './order-answers';
import { OrderAttempts, type Settled } from './order-attempts';
import { IdempotencyKey, Order } from './order.entity';

export interface TokenOrderInput {
  purchase_currency: string;
  order_amount: number;
  order_tax_amount: number;
  order_lines: OrderLineDto[];
  merchant_reference1?: string;
  merchant_reference2?: string;
  auto_capture?: boolean;
}

export type ChargeOutcome =
  | { kind: 'succeeded'; orderId: string; status: 'accepted' | 'pending'; klarnaOrderId: string }
  /** Klarna declined the payment (402). */
  | { kind: 'declined'; orderId: string; declineCode: string }
  /** 409 TOKEN_NOT_ACTIVE: refused before calling Klarna (orderId null) or by Klarna (an order recorded). */
  | { kind: 'token_inactive'; orderId: string | null; tokenStatus: string }
  /** 422 CONSENT_SCOPE_EXCEEDED; nothing recorded, nothing sent. */
  | { kind: 'consent_exceeded'; limit: string; detail: string }
  /** In flight or unknown: the completer will finish it; ask outcomeOf() later. */
  | { kind: 'in_progress'; orderId: string }
  /**
   * Any other final refusal. With orderId null nothing was recorded and nothing reached Klarna (validation,
   * KLARNA_UNAVAILABLE, KLARNA_RATE_LIMITED, …): the same key may be used again.
   */
  | { kind: 'rejected'; orderId: string | null; code: string; detail: string };

/** What one placement produced: the outcome for code, and the HTTP answer for the controller. */
export interface Placement {
  outcome: ChargeOutcome;
  /** A rendered answer (sent as is), or a problem for the global filter to render. */
  answer: RenderedAnswer | ProblemException;
  replayed: boolean;
}

export interface PlaceOptions {
  requestId: string;
  subscriptionId?: string;
}

const MAX_KEY_LENGTH = 255;

/**
 * Orders from customer tokens, exactly once per Idempotency-Key.
 *
 * The order row and the key are committed (status `unknown`, with a lease) BEFORE Klarna is called with a
 * Klarna-Idempotency-Key derived from merchant and key. Klarna's definite answer finalizes the order and
 * stores the exact answer for replays; no definite answer leaves it `unknown` for the completer, which
 * retries with the same Klarna key. Only when Klarna certainly saw nothing (breaker open, unreachable, 429,
 * credentials refused) is the key given back.
 */
@Injectable()
export class OrdersService {
  private readonly config: OrdersConfig;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly tokens: CustomerTokensService,
    private readonly merchants: MerchantsService,
    private readonly attempts: OrderAttempts,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.config = config.orders;
  }

  /** Places (or replays) the order for this idempotency key; never charges twice for one key. */
  async charge(
    merchantId: string,
    customerTokenId: string,
    idempotencyKey: string,
    input: TokenOrderInput,
    context?: { subscriptionId?: string },
  ): Promise<ChargeOutcome> {
    const keyProblem = idempotencyKeyProblem(idempotencyKey);
    if (keyProblem) return rejectedBy(keyProblem);
    const dto = plainToInstance(CreateTokenOrderDto, input);
    const errors = flattenValidationErrors(
      validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false } }),
    );
    if (errors.length > 0) return rejectedBy(validationProblem(errors));
    try {
      const placement = await this.place(merchantId, customerTokenId, idempotencyKey, input, {
        requestId: newId('req', this.clock.nowMs()),
        subscriptionId: context?.subscriptionId,
      });
      return placement.outcome;
    } catch (error) {
      if (error instanceof ProblemException) return rejectedBy(error);
      throw error;
    }
  }

  /** The order's current state (after the completer ran), for callers that got in_progress. */
  async outcomeOf(merchantId: string, orderId: string): Promise<ChargeOutcome> {
    const order = await this.em.fork().findOne(Order, { id: orderId, merchant: merchantId });
    if (!order) throw notFound('Order', orderId);
    return outcomeOf(viewOf(order));
  }

  /**
   * The core shared by the HTTP route and charge(). Throws ProblemException only for refusals before anything
   * is recorded (404, and configuration problems).
   */
  async place(
    merchantId: string,
    customerTokenId: string,
    idempotencyKey: string,
    input: TokenOrderInput,
    options: PlaceOptions,
  ): Promise<Placement> {
    const requestHash = sha256OfCanonical({ customer_token_id: customerTokenId, order: input });
    for (let round = 0; ; round++) {
      const em = this.em.fork();
      // The key and what a new order needs are read in parallel (a new order is the common case).
      const [existing, context] = await Promise.all([
        em.findOne(IdempotencyKey, { merchantId, key: idempotencyKey }),
        this.loadContext(merchantId, customerTokenId),
      ]);
      if (existing) return this.fromExisting(em, existing, requestHash);
      if (round >= 3) throw new Error('idempotency key kept changing while placing an order');
      const placed = await this.placeNew(
        em,
        context,
        merchantId,
        idempotencyKey,
        input,
        requestHash,
        options,
      );
      if (placed) return placed;
      // Another request claimed the key between the lookup and the insert: answer from its row.
    }
  }

  async list(merchantId: string, customerTokenId: string, query: OrderQueryDto): Promise<Page<OrderDto>> {
    const em = this.em.fork();
    const token = await em.count(CustomerToken, { id: customerTokenId, merchant: merchantId });
    if (token === 0) throw notFound('Customer token', customerTokenId);
    const limit = pageLimit(query);
    const before = decodeCursor(query.cursor);
    const rows = await em.find(
      Order,
      { merchant: merchantId, customerToken: customerTokenId, ...(before ? { id: { $lt: before } } : {}) },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
    return toPage(rows, limit, (o) => toOrderDto(viewOf(o)));
  }

  async get(merchantId: string, id: string): Promise<OrderDto> {
    const order = await this.em.fork().findOne(Order, { id, merchant: merchantId });
    if (!order) throw notFound('Order', id);
    return toOrderDto(viewOf(order));
  }

  private async fromExisting(
    em: EntityManager,
    key: IdempotencyKey,
    requestHash: string,
  ): Promise<Placement> {
    if (key.requestHash !== requestHash) {
      return {
        outcome: {
          kind: 'rejected',
          orderId: null,
          code: 'IDEMPOTENCY_KEY_REUSED',
          detail: idempotencyKeyReused().detail!,
        },
        answer: idempotencyKeyReused(),
        replayed: false,
      };
    }
    const order = await em.findOne(Order, { id: key.orderId });
    if (key.responseStatus != null && order) {
      return {
        outcome: outcomeOf(viewOf(order)),
        answer: {
          status: key.responseStatus,
          contentType: key.responseContentType!,
          body: key.responseBody!,
        },
        replayed: true,
      };
    }
    // In flight (no failure yet): ask again in a second; unknown: when the completer's next try is due.
    const waitMs =
      order?.lastError && order.nextAttemptAt ? order.nextAttemptAt.getTime() - this.clock.nowMs() : 1000;
    const retryAfter = Math.min(60, Math.max(1, Math.ceil(waitMs / 1000)));
    return {
      outcome: { kind: 'in_progress', orderId: key.orderId },
      answer: requestInProgress(key.orderId, retryAfter),
      replayed: false,
    };
  }

  /** The token (with consent and scope), the merchant's Klarna credentials and whether consent was withdrawn. */
  private async loadContext(merchantId: string, customerTokenId: string): Promise<OrderContext> {
    const [chargeable, credentials, withdrawn] = await Promise.allSettled([
      this.tokens.chargeable(merchantId, customerTokenId, this.em.fork()),
      this.merchants.klarnaCredentials(merchantId, this.em.fork()),
      this.em.fork().execute<{ withdrawn: boolean }[]>(
        `select exists (select 1 from consent_events e join customer_tokens t on t.consent_id = e.consent_id
                         where t.id = ? and t.merchant_id = ? and e.type = 'withdrawn') as withdrawn`,
        [customerTokenId, merchantId],
      ),
    ]);
    return {
      chargeable,
      credentials,
      withdrawn:
        withdrawn.status === 'fulfilled'
          ? { status: 'fulfilled', value: withdrawn.value[0].withdrawn }
          : withdrawn,
    };
  }

  /** Checks, commits the attempt, calls Klarna. Null when another request claimed the key first. */
  private async placeNew(
    em: EntityManager,
    context: OrderContext,
    merchantId: string,
    idempotencyKey: string,
    input: TokenOrderInput,
    requestHash: string,
    options: PlaceOptions,
  ): Promise<Placement | null> {
    const ruleErrors = checkKlarnaTokenOrder(input);
    if (ruleErrors.length > 0) return refused(validationProblem(ruleErrors));

    const chargeable = valueOf(context.chargeable);
    const { token, consent, scope } = chargeable;
    if (token.status !== 'active') {
      return {
        outcome: { kind: 'token_inactive', orderId: null, tokenStatus: token.status },
        answer: tokenNotActive(token.id, token.status),
        replayed: false,
      };
    }
    const violations = consentScopeViolations(input, scope, token.intendedUse, valueOf(context.withdrawn));
    if (violations.length > 0) {
      const detail = describeViolations(violations);
      return {
        outcome: { kind: 'consent_exceeded', limit: violations[0].limit, detail },
        answer: new ProblemException({
          status: 422,
          code: 'CONSENT_SCOPE_EXCEEDED',
          title: 'Unprocessable Entity',
          detail,
          errors: violationErrors(violations),
        }),
        replayed: false,
      };
    }
    const credentials = valueOf(context.credentials);

    const now = this.clock.now();
    const klarnaKey = klarnaIdempotencyKey(merchantId, idempotencyKey);
    const body = klarnaBody(input);
    const order: OrderView = {
      id: newId('ord', now.getTime()),
      merchantId,
      customerTokenId: token.id,
      consentId: consent.id,
      subscriptionId: options.subscriptionId ?? null,
      idempotencyKey,
      requestId: options.requestId,
      status: 'unknown',
      purchaseCurrency: body.purchase_currency,
      orderAmount: body.order_amount,
      orderTaxAmount: body.order_tax_amount,
      merchantReference1: body.merchant_reference1 ?? null,
      merchantReference2: body.merchant_reference2 ?? null,
      klarnaOrderId: null,
      fraudStatus: null,
      authorizedPaymentMethod: null,
      errorCode: null,
      errorMessage: null,
      klarnaCorrelationId: null,
      nextAttemptAt: new Date(now.getTime() + this.config.attemptLeaseMs),
      createdAt: now,
      completedAt: null,
    };
    // The attempt is durable before Klarna hears of it: if this commit fails, nothing is sent. One statement
    // (so one implicit transaction): the key, and the order only if the key was still free.
    let claimed: boolean;
    try {
      const inserted = await em.execute<{ affectedRows: number }>(
        `with claimed as (
           insert into idempotency_keys (merchant_id, key, request_hash, order_id, created_at, expires_at)
           values (?, ?, ?, ?, ?, ?) on conflict do nothing returning order_id)
         insert into orders (id, merchant_id, customer_token_id, consent_id, subscription_id, idempotency_key,
                             klarna_idempotency_key, request_id, status, purchase_currency, order_amount,
                             order_tax_amount, merchant_reference1, merchant_reference2, klarna_request, attempts,
                             next_attempt_at, created_at, updated_at)
         select order_id, ?, ?, ?, ?, ?, ?, ?, 'unknown', ?, ?, ?, ?, ?, ?::jsonb, 1, ?, ?, ? from claimed`,
        [
          merchantId,
          idempotencyKey,
          requestHash,
          order.id,
          now,
          new Date(now.getTime() + this.config.idempotencyRetentionMs),
          merchantId,
          order.customerTokenId,
          order.consentId,
          order.subscriptionId,
          idempotencyKey,
          klarnaKey,
          order.requestId,
          order.purchaseCurrency,
          order.orderAmount,
          order.orderTaxAmount,
          order.merchantReference1,
          order.merchantReference2,
          JSON.stringify(body),
          order.nextAttemptAt,
          now,
          now,
        ],
        'run',
      );
      claimed = inserted.affectedRows === 1;
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
    if (!claimed) return null;

    const settled = await this.attempts.run({
      order,
      attempt: 1,
      klarnaIdempotencyKey: klarnaKey,
      body,
      klarnaTokenId: chargeable.klarnaTokenId,
      credentials,
      origin: 'request',
    });
    return placementOf(settled);
  }
}

interface OrderContext {
  chargeable: PromiseSettledResult<ChargeableToken>;
  credentials: PromiseSettledResult<KlarnaCredentials>;
  withdrawn: PromiseSettledResult<boolean>;
}

/** The value, or the error it failed with (thrown where the check belongs in the order of checks). */
function valueOf<T>(result: PromiseSettledResult<T>): T {
  if (result.status === 'rejected') throw result.reason;
  return result.value;
}

function placementOf(settled: Settled): Placement {
  switch (settled.kind) {
    case 'final':
      return { outcome: outcomeOf(settled.order), answer: settled.answer, replayed: false };
    case 'unknown':
      return {
        outcome: { kind: 'in_progress', orderId: settled.order.id },
        answer: orderAnswer(settled.order, 202),
        replayed: false,
      };
    case 'released':
      return refused(settled.problem);
  }
}

/** The outcome an order stands for (the same whether just placed, replayed or read later). */
export function outcomeOf(v: OrderView): ChargeOutcome {
  switch (v.status) {
    case 'unknown':
      return { kind: 'in_progress', orderId: v.id };
    case 'accepted':
    case 'pending':
      return { kind: 'succeeded', orderId: v.id, status: v.status, klarnaOrderId: v.klarnaOrderId ?? '' };
    case 'declined':
      return { kind: 'declined', orderId: v.id, declineCode: v.errorCode ?? 'UNKNOWN' };
    case 'failed': {
      const tokenStatus = v.errorCode ? TOKEN_STATUS_BY_CODE[v.errorCode] : undefined;
      if (tokenStatus) return { kind: 'token_inactive', orderId: v.id, tokenStatus };
      return {
        kind: 'rejected',
        orderId: v.id,
        code: v.errorCode ?? 'KLARNA_REJECTED',
        detail: `Klarna refused order ${v.id}` + (v.errorMessage ? `: ${v.errorMessage}` : '.'),
      };
    }
  }
}

function refused(problem: ProblemException): Placement {
  return { outcome: rejectedBy(problem), answer: problem, replayed: false };
}

function rejectedBy(problem: ProblemException): ChargeOutcome {
  return { kind: 'rejected', orderId: null, code: problem.code, detail: problem.detail ?? problem.title };
}

/** A problem when the Idempotency-Key header value is unusable (missing, empty, too long, control chars). */
export function idempotencyKeyProblem(key: string | undefined): ProblemException | undefined {
  let message: string | undefined;
  if (key === undefined || key === '') message = 'header is required (1 to 255 characters)';
  else if (key.length > MAX_KEY_LENGTH) message = `must be at most ${MAX_KEY_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f]/.test(key)) message = 'must not contain control characters';
  if (!message) return undefined;
  return validationProblem(
    [{ field: 'Idempotency-Key', message }],
    `The Idempotency-Key header ${message.startsWith('header') ? 'is required (1 to 255 characters)' : message}.`,
  );
}

function klarnaBody(input: TokenOrderInput): KlarnaTokenOrderRequest {
  return {
    purchase_currency: input.purchase_currency.toUpperCase(),
    order_amount: input.order_amount,
    order_tax_amount: input.order_tax_amount,
    // Plain JSON: exactly what is stored and re-sent on every retry.
    order_lines: JSON.parse(JSON.stringify(input.order_lines)) as KlarnaTokenOrderRequest['order_lines'],
    ...(input.auto_capture !== undefined ? { auto_capture: input.auto_capture } : {}),
    ...(input.merchant_reference1 !== undefined ? { merchant_reference1: input.merchant_reference1 } : {}),
    ...(input.merchant_reference2 !== undefined ? { merchant_reference2: input.merchant_reference2 } : {}),
  };
}
