import { ConfigService } from '@nestjs/config';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { Clock } from '../../common/clock/clock';
import { isUniqueViolation } from '../../common/database/errors';
import { notFound, ProblemException, validationProblem } from '../../common/errors/problem.exception';
import { sha256OfCanonical } from '../../common/hashing/canonical-json';
import {
  idempotencyKeyProblem,
  idempotencyKeyReused,
  outcomeUnknown,
  requestInProgress,
} from '../../common/idempotency/idempotency.problems';
import { newId } from '../../common/ids';
import { decodeCursor, type Page, pageLimit, toPage } from '../../common/pagination/pagination';
import { flattenValidationErrors } from '../../common/validation/validation';
import type { AppConfig, OrdersConfig } from '../../config/app-config';
import { CustomerToken, VISIBLE_TOKEN_STATUSES } from '../../signup/customer-tokens/customer-token.entity';
import { CustomerTokensService } from '../../signup/customer-tokens/customer-tokens.service';
import type { KlarnaTokenOrderRequest } from '../../klarna/klarna.types';
import { MerchantsService } from '../../merchants/merchants.service';
import type { OrderLineDto } from '../../klarna/order/klarna-order.dto';
import { checkKlarnaTokenOrder } from '../../klarna/order/klarna-order-rules';
import { consentScopeExceeded, consentScopeViolations } from './consent-scope';
import { CreateTokenOrderDto, type OrderDto, type OrderQueryDto } from './dto/order.dto';
import {
  klarnaIdempotencyKey,
  NO_KLARNA_ANSWER,
  orderAnswer,
  type OrderView,
  type RenderedAnswer,
  TOKEN_STATUS_BY_CODE,
  tokenNotActive,
  toOrderDto,
  viewOf,
} from './order-answers';
import { type AttemptTarget, OrderAttempts, type Settled } from './order-attempts';
import {
  claimTokenOrders,
  type ClaimRow,
  GAVE_UP,
  type CredentialColumns,
  lookUpPlacement,
  type PlaceRow,
} from './orders.queries';
import { Order } from './order.entity';
import type { IntendedUse, TermsScope } from '../../signup/terms/terms.entity';

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
   * Klarna's answer never came and the completer stopped asking (after 20 h, inside Klarna's
   * 24 h idempotency window): nothing more is sent for this key, and whether Klarna placed the order must be
   * reconciled by hand.
   */
  | { kind: 'unresolved'; orderId: string }
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

/** One order of {@link OrdersService.chargeMany}. */
export interface ChargeRequest {
  merchantId: string;
  customerTokenId: string;
  idempotencyKey: string;
  input: TokenOrderInput;
  subscriptionId?: string;
}

export interface PlaceOptions {
  requestId: string;
  subscriptionId?: string;
}

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
  /**
   * What never changes about a token once it exists (merchant, consent, the scope copied from the terms), by
   * token id, so that a repeat charge of a known token needs no lookup before its claim. What can change (status,
   * withdrawal, credentials) is never cached: the claim checks it in SQL.
   */
  private readonly tokenFacts = new Map<string, TokenFacts>();

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly tokens: CustomerTokensService,
    private readonly merchants: MerchantsService,
    private readonly attempts: OrderAttempts,
    config: ConfigService<AppConfig, true>,
  ) {
    this.config = config.getOrThrow('orders', { infer: true });
  }

  /** Places (or replays) the order for this idempotency key; never charges twice for one key. */
  async charge(
    merchantId: string,
    customerTokenId: string,
    idempotencyKey: string,
    input: TokenOrderInput,
    context?: { subscriptionId?: string },
  ): Promise<ChargeOutcome> {
    const [result] = await this.chargeMany([
      { merchantId, customerTokenId, idempotencyKey, input, subscriptionId: context?.subscriptionId },
    ]);
    if (result.status === 'rejected') throw result.reason;
    return result.value;
  }

  /**
   * {@link charge} for many orders at once (a subscription run's chunk), each exactly as on its own: the common
   * case (a known token, an order within its consent, a fresh key) claims all of its keys in one statement, calls
   * Klarna side by side and records the definite answers in one statement; the others take the full path one by
   * one. Per order its outcome, or the error that left it to be tried again.
   */
  async chargeMany(charges: ChargeRequest[]): Promise<PromiseSettledResult<ChargeOutcome>[]> {
    const results = new Array<Promise<ChargeOutcome>>(charges.length);
    const common: { index: number; request: NewOrderRequest; facts: TokenFacts }[] = [];
    for (const [index, charge] of charges.entries()) {
      const problem = this.inputProblem(charge);
      if (problem) {
        results[index] = Promise.resolve(rejectedBy(problem));
        continue;
      }
      const request = this.newRequest(charge, newId('req', this.clock.nowMs()));
      const known = this.tokenFacts.get(charge.customerTokenId);
      if (known && known.merchantId === charge.merchantId && passesChecks(charge.input, known)) {
        common.push({ index, request, facts: known });
      } else {
        results[index] = outcomeOfPlacement(this.placeRequest(request, 1));
      }
    }
    const placed = this.claimAndChargeMany(common);
    for (const [i, { index, request }] of common.entries()) {
      // Not claimed by the batch (the key was taken, or the token changed): the full path answers.
      results[index] = outcomeOfPlacement(
        placed.then((all) => {
          const one = all[i];
          if (one && 'refusal' in one) throw one.refusal;
          return one ?? this.placeRequest(request, 1);
        }),
      );
    }
    return Promise.allSettled(results);
  }

  /**
   * The refusal of an order's idempotency key or body before anything is looked up, or null. A subscription's
   * order is not validated again on every cycle: it passed the same rules (SubscriptionOrderDto, with this DTO's
   * OrderLineDto and no looser bounds) when the subscription was created (no route changes it), and only the
   * charger builds its cycles' orders from it; Klarna's own rules and the consent's scope are still checked on
   * every charge.
   * Validating it again cost 5.5% of a subscription run's CPU (issue #16).
   */
  private inputProblem({ idempotencyKey, input, subscriptionId }: ChargeRequest): ProblemException | null {
    const keyProblem = idempotencyKeyProblem(idempotencyKey);
    if (keyProblem) return keyProblem;
    if (subscriptionId !== undefined) return null;
    const dto = plainToInstance(CreateTokenOrderDto, input);
    const errors = flattenValidationErrors(
      validateSync(dto, { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false } }),
    );
    return errors.length > 0 ? validationProblem(errors) : null;
  }

  /** The order's current state (after the completer ran), for callers that got in_progress. */
  async outcomeOf(merchantId: string, orderId: string): Promise<ChargeOutcome> {
    const order = await this.em.fork().findOne(Order, { id: orderId, merchant: merchantId });
    if (!order) throw notFound('Order', orderId);
    if (order.status === 'unknown' && order.lastError === GAVE_UP) return { kind: 'unresolved', orderId };
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
    return this.placeRequest(
      this.newRequest(
        { merchantId, customerTokenId, idempotencyKey, input, subscriptionId: options.subscriptionId },
        options.requestId,
      ),
      0,
    );
  }

  private newRequest(charge: ChargeRequest, requestId: string): NewOrderRequest {
    const { merchantId, customerTokenId, idempotencyKey, input, subscriptionId } = charge;
    return {
      merchantId,
      customerTokenId,
      idempotencyKey,
      input,
      requestHash: sha256OfCanonical({ customer_token_id: customerTokenId, order: input }),
      options: { requestId, subscriptionId },
    };
  }

  /** From round `firstRound` on (1: the common case was tried already, by a batch). */
  private async placeRequest(request: NewOrderRequest, firstRound: number): Promise<Placement> {
    const { merchantId, customerTokenId, idempotencyKey, input, requestHash } = request;
    for (let round = firstRound; ; round++) {
      // The common case first: a token seen before, an order within its consent, a fresh key. Then the claim
      // is the only statement before Klarna is called (it re-checks in SQL what can change: the token's status,
      // the consent's withdrawal, the credentials). Anything else takes the full lookup, which has every answer.
      const known = round === 0 ? this.tokenFacts.get(customerTokenId) : undefined;
      if (known && known.merchantId === merchantId && passesChecks(input, known)) {
        const placed = await this.claimAndCharge(request, known);
        if (placed) return placed;
        continue;
      }
      // The key and what a new order needs, in one statement.
      const row = await this.lookUp(merchantId, customerTokenId, idempotencyKey);
      if (row.key_request_hash !== null) return this.fromExisting(row, requestHash);
      if (round >= 4) throw new Error('idempotency key kept changing while placing an order');
      const checked = this.check(row, request);
      if ('answer' in checked) return checked;
      const placed = await this.claimAndCharge(request, checked);
      if (placed) return placed;
      // Another request claimed the key between the lookup and the claim (or the token changed): look again.
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

  private fromExisting(row: PlaceRow, requestHash: string): Placement {
    if (row.key_request_hash !== requestHash) {
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
    const orderId = row.key_order_id!;
    if (row.key_response_status != null && row.order_status !== null) {
      return {
        outcome: outcomeOf({
          id: orderId,
          status: row.order_status,
          klarnaOrderId: row.order_klarna_order_id,
          errorCode: row.order_error_code,
          errorMessage: row.order_error_message,
        }),
        answer: {
          status: row.key_response_status,
          contentType: row.key_response_content_type!,
          body: row.key_response_body!,
        },
        replayed: true,
      };
    }
    if (row.order_status === 'unknown' && row.order_last_error === GAVE_UP) {
      return {
        outcome: { kind: 'unresolved', orderId },
        answer: outcomeUnknown(`order ${orderId}`),
        replayed: false,
      };
    }
    // In flight (no failure yet): ask again in a second; unknown: when the completer's next try is due.
    const waitMs =
      row.order_last_error && row.order_next_attempt_at
        ? new Date(row.order_next_attempt_at).getTime() - this.clock.nowMs()
        : 1000;
    const retryAfter = Math.min(60, Math.max(1, Math.ceil(waitMs / 1000)));
    return {
      outcome: { kind: 'in_progress', orderId },
      answer: requestInProgress(retryAfter, `order ${orderId}, its outcome at Klarna not known yet`),
      replayed: false,
    };
  }

  /**
   * The idempotency key (with its order) and everything a new order needs: the token with its consent and
   * scope, whether that consent was withdrawn, and the merchant's Klarna credentials. One statement, because
   * this runs on every order; always one row (the token columns are null for an unknown or foreign token).
   */
  private async lookUp(
    merchantId: string,
    customerTokenId: string,
    idempotencyKey: string,
  ): Promise<PlaceRow> {
    return lookUpPlacement(this.em, merchantId, customerTokenId, idempotencyKey, VISIBLE_TOKEN_STATUSES);
  }

  /**
   * The checks of a new order against the looked-up row, in the order merchants see them: Klarna's rules, the
   * token (404, not active), the consent's scope, the credentials. The token's lasting facts when all pass.
   */
  private check(row: PlaceRow, request: NewOrderRequest): TokenFacts | Placement {
    const { input, merchantId, customerTokenId } = request;
    const ruleErrors = checkKlarnaTokenOrder(input);
    if (ruleErrors.length > 0) return refused(validationProblem(ruleErrors));

    if (row.token_id === null) throw notFound('Customer token', customerTokenId);
    const facts: TokenFacts = {
      merchantId,
      intendedUse: row.token_intended_use!,
      scope: row.token_scope!,
      consentId: row.token_consent_id!,
      termsAutoCapture: row.terms_auto_capture,
    };
    this.rememberFacts(customerTokenId, facts);
    const status = row.token_status!;
    if (status !== 'active') {
      return {
        outcome: { kind: 'token_inactive', orderId: null, tokenStatus: status },
        answer: tokenNotActive(customerTokenId, status),
        replayed: false,
      };
    }
    const violations = consentScopeViolations(input, facts.scope, facts.intendedUse, row.withdrawn);
    if (violations.length > 0) {
      const answer = consentScopeExceeded(violations);
      return {
        outcome: { kind: 'consent_exceeded', limit: violations[0].limit, detail: answer.detail! },
        answer,
        replayed: false,
      };
    }
    if (row.merchant_id === null) throw notFound('Merchant', merchantId);
    // 409 KLARNA_NOT_CONFIGURED before anything is recorded.
    this.merchants.klarnaCredentialsOf(merchantId, credentialColumns(row));
    return facts;
  }

  /**
   * Commits the attempt, then calls Klarna. The claim is one statement (so one transaction): the key, and the
   * order only if the key was still free AND the token is still active, its consent not withdrawn and the
   * merchant's credentials set; it returns what the call needs. Null when it claimed nothing: the caller looks
   * up why (the key taken by another request, or the token changed) and answers from that.
   */
  private async claimAndCharge(request: NewOrderRequest, facts: TokenFacts): Promise<Placement | null> {
    const [placed] = await this.claimAndChargeMany([{ request, facts }]);
    if (placed && 'refusal' in placed) throw placed.refusal;
    return placed;
  }

  /**
   * {@link claimAndCharge} for many orders: one claim statement, the Klarna calls side by side, one statement
   * recording their answers. Per order its placement, null when it was not claimed, or the refusal that gave its
   * claim back (its credentials or token could not be read). Throws (for all) when the claim itself failed.
   */
  private async claimAndChargeMany(
    items: { request: NewOrderRequest; facts: TokenFacts }[],
  ): Promise<(Placement | null | { refusal: unknown })[]> {
    if (items.length === 0) return [];
    const now = this.clock.now();
    // Kept for a span of real time, also for a charge on a test clock (whose "now" may lie years away).
    const keyExpiresAt = new Date(this.clock.wallNow().getTime() + this.config.idempotencyRetentionMs);
    const attempts = items.map(({ request, facts }) => {
      const { merchantId, customerTokenId, idempotencyKey, input, options } = request;
      const body = klarnaBody(input, facts.termsAutoCapture);
      const order: OrderView = {
        id: newId('ord', now.getTime()),
        merchantId,
        customerTokenId,
        consentId: facts.consentId,
        subscriptionId: options.subscriptionId ?? null,
        idempotencyKey,
        requestId: options.requestId,
        status: 'unknown',
        purchaseCurrency: body.purchase_currency,
        orderAmount: body.order_amount,
        orderTaxAmount: body.order_tax_amount,
        merchantReference1: body.merchant_reference1 ?? null,
        merchantReference2: body.merchant_reference2 ?? null,
        ...NO_KLARNA_ANSWER,
        nextAttemptAt: new Date(now.getTime() + this.config.attemptLeaseMs),
        createdAt: now,
        completedAt: null,
      };
      return { order, body, klarnaKey: klarnaIdempotencyKey(merchantId, idempotencyKey), request };
    });
    // The attempts are durable before Klarna hears of them: if this commit fails, nothing is sent.
    let claimed: Map<string, ClaimRow>;
    try {
      const rows = await claimTokenOrders(
        this.em,
        attempts.map(({ order, body, klarnaKey, request }) => ({
          orderId: order.id,
          merchantId: order.merchantId,
          idempotencyKey: order.idempotencyKey,
          requestHash: request.requestHash,
          keyExpiresAt,
          customerTokenId: order.customerTokenId,
          consentId: order.consentId,
          subscriptionId: order.subscriptionId,
          klarnaIdempotencyKey: klarnaKey,
          requestId: order.requestId,
          currency: order.purchaseCurrency,
          amount: order.orderAmount,
          taxAmount: order.orderTaxAmount,
          merchantReference1: order.merchantReference1,
          merchantReference2: order.merchantReference2,
          klarnaRequest: JSON.stringify(body),
          nextAttemptAt: order.nextAttemptAt!,
        })),
        now,
      );
      claimed = new Map(rows.map((row) => [row.order_id, row]));
    } catch (error) {
      // Another request's key (or order id) collided: nothing was claimed, each is looked up again.
      if (isUniqueViolation(error)) return items.map(() => null);
      throw error;
    }

    const targets: AttemptTarget[] = [];
    const refusals = new Map<string, unknown>();
    for (const { order, body, klarnaKey } of attempts) {
      const row = claimed.get(order.id);
      if (!row) continue;
      try {
        targets.push({
          order,
          attempt: 1,
          klarnaIdempotencyKey: klarnaKey,
          body,
          credentials: this.merchants.klarnaCredentialsOf(order.merchantId, credentialColumns(row)),
          klarnaTokenId: this.tokens.decryptKlarnaTokenId(order.customerTokenId, row.klarna_token_enc),
          origin: 'request',
        });
      } catch (error) {
        // Nothing was sent: give the key back rather than leave an attempt the completer cannot make either.
        await this.attempts.release({ orderId: order.id, attempt: 1 });
        refusals.set(order.id, error);
      }
    }
    const settled = await this.attempts.runMany(targets);
    const byOrder = new Map(targets.map((target, i) => [target.order.id, settled[i]]));
    return attempts.map(({ order }) => {
      if (refusals.has(order.id)) return { refusal: refusals.get(order.id) };
      const one = byOrder.get(order.id);
      return one ? placementOf(one) : null;
    });
  }

  /** Bounded: a token's facts are a few hundred bytes; the oldest go first. */
  private rememberFacts(customerTokenId: string, facts: TokenFacts): void {
    this.tokenFacts.delete(customerTokenId);
    this.tokenFacts.set(customerTokenId, facts);
    if (this.tokenFacts.size > TOKEN_FACTS_CACHED) {
      this.tokenFacts.delete(this.tokenFacts.keys().next().value!);
    }
  }
}

const TOKEN_FACTS_CACHED = 10_000;

interface TokenFacts {
  merchantId: string;
  intendedUse: IntendedUse;
  scope: TermsScope;
  consentId: string;
  /** The consented terms version's capture policy: published versions never change, so it is a lasting fact. */
  termsAutoCapture: boolean | null;
}

interface NewOrderRequest {
  merchantId: string;
  customerTokenId: string;
  idempotencyKey: string;
  input: TokenOrderInput;
  requestHash: string;
  options: PlaceOptions;
}

const credentialColumns = (row: CredentialColumns) => ({
  klarnaUsername: row.klarna_username,
  klarnaPasswordEnc: row.klarna_password_enc,
  klarnaRegion: row.klarna_region,
  klarnaEnvironment: row.klarna_environment,
  klarnaBaseUrl: row.klarna_base_url,
});

/** The checks that need no database: Klarna's token-order rules and the consent's scope (bar withdrawal). */
function passesChecks(input: TokenOrderInput, facts: TokenFacts): boolean {
  return (
    checkKlarnaTokenOrder(input).length === 0 &&
    consentScopeViolations(input, facts.scope, facts.intendedUse, false).length === 0
  );
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
export function outcomeOf(
  v: Pick<OrderView, 'id' | 'status' | 'klarnaOrderId' | 'errorCode' | 'errorMessage'>,
): ChargeOutcome {
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

/** The outcome of a placement; a refusal before anything was recorded (a ProblemException) is `rejected`. */
async function outcomeOfPlacement(placement: Promise<Placement>): Promise<ChargeOutcome> {
  try {
    return (await placement).outcome;
  } catch (error) {
    if (error instanceof ProblemException) return rejectedBy(error);
    throw error;
  }
}

function refused(problem: ProblemException): Placement {
  return { outcome: rejectedBy(problem), answer: problem, replayed: false };
}

function rejectedBy(problem: ProblemException): ChargeOutcome {
  return { kind: 'rejected', orderId: null, code: problem.code, detail: problem.detail ?? problem.title };
}

/**
 * The capture policy's default (docs/money.md): a token order is captured when it is placed, unless the order, its
 * subscription or the terms version of the token's consent says `auto_capture: false` (first one set wins). Autopay's charges are subscription cycles and on-demand charges of
 * digital services, delivered when charged; an authorization left uncaptured is money silently never collected
 * once Klarna lets it expire (28 days).
 */
export const DEFAULT_AUTO_CAPTURE = true;

/**
 * `input.auto_capture` is the order request's, or for a subscription cycle the subscription's (the charger passes
 * it only when set); the terms version's comes next.
 */
function klarnaBody(input: TokenOrderInput, termsAutoCapture: boolean | null): KlarnaTokenOrderRequest {
  return {
    purchase_currency: input.purchase_currency.toUpperCase(),
    order_amount: input.order_amount,
    order_tax_amount: input.order_tax_amount,
    // Plain JSON: exactly what is stored and re-sent on every retry.
    order_lines: JSON.parse(JSON.stringify(input.order_lines)) as KlarnaTokenOrderRequest['order_lines'],
    auto_capture: input.auto_capture ?? termsAutoCapture ?? DEFAULT_AUTO_CAPTURE,
    ...(input.merchant_reference1 !== undefined ? { merchant_reference1: input.merchant_reference1 } : {}),
    ...(input.merchant_reference2 !== undefined ? { merchant_reference2: input.merchant_reference2 } : {}),
  };
}
