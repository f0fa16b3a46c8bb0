import { Injectable } from '@nestjs/common';
import { EmulatorClock } from '../core/clock';
import { KlarnaError } from '../core/klarna-error';
import type { MerchantContext } from '../core/request-context';
import { EmulatorState, TokenRecord, TokenStatus } from '../core/state';
import { validateTokenOrder } from '../validation/klarna-rules';
import { fail, isObject, oneOf } from '../validation/primitives';
import { IdempotencyService } from './idempotency.service';
import { OrderManagementService } from './order-management.service';
import { paymentMethodOfTokenType } from './payment-methods';
import { RedirectsService } from './redirects.service';
import { upper, validated } from './validated';

/** Token-order outcomes a test can force, with the HTTP status Klarna answers them with (REFERENCE §7.3). */
export const FORCEABLE_ERRORS: Readonly<Record<string, number>> = {
  PAYMENT_METHOD_FAILED: 403,
  TOKEN_SUSPENDED: 403,
  TOKEN_CANCELLED: 403,
  TOKEN_FORBIDDEN: 403,
  UNAVAILABLE_PAYMENT_METHOD: 403,
  PAYMENT_METHOD_CURRENCY_MISMATCH: 403,
  BAD_REQUEST: 400,
  INTERNAL_SERVER_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};
/** Not an error: the order is created with `fraud_status: PENDING`. */
export const FORCE_FRAUD_PENDING = 'FRAUD_PENDING';

const ERROR_MESSAGES: Record<string, string> = {
  PAYMENT_METHOD_FAILED: 'The purchase was declined',
  TOKEN_SUSPENDED: 'The customer token is suspended',
  TOKEN_CANCELLED: 'The customer token is cancelled',
  TOKEN_FORBIDDEN: 'The customer token may not be used by this merchant',
  UNAVAILABLE_PAYMENT_METHOD: 'The payment method of the customer token is no longer available',
  PAYMENT_METHOD_CURRENCY_MISMATCH: 'The payment method is not available in the order currency',
  BAD_REQUEST: 'Bad request',
  INTERNAL_SERVER_ERROR: 'Internal server error',
  SERVICE_UNAVAILABLE: 'Service temporarily unavailable',
};

function tokenError(errorCode: string): KlarnaError {
  return new KlarnaError(FORCEABLE_ERRORS[errorCode] ?? 403, errorCode, [
    ERROR_MESSAGES[errorCode] ?? errorCode,
  ]);
}

export interface TokenView {
  token_id: string;
  status: TokenStatus;
  session_id: string;
  purchase_currency: string;
  payment_method_type: string;
  username: string;
  created_at: string;
}

@Injectable()
export class TokensService {
  constructor(
    private readonly state: EmulatorState,
    private readonly clock: EmulatorClock,
    private readonly orders: OrderManagementService,
    private readonly redirects: RedirectsService,
    private readonly idempotency: IdempotencyService,
  ) {}

  read(mid: string, tokenId: string) {
    const token = this.find(mid, tokenId);
    if (!token) throw KlarnaError.notFound('Invalid customer-token ID');
    return {
      status: token.status,
      payment_method_type: token.paymentMethodType,
      ...(token.paymentMethodType === 'DIRECT_DEBIT'
        ? { direct_debit: { masked_number: '**********1234' } }
        : {}),
    };
  }

  /** Cancelling is irreversible; cancelling a cancelled token is accepted again (UNCONFIRMED, see docs). */
  cancel(mid: string, tokenId: string, input: unknown): void {
    const token = this.find(mid, tokenId);
    if (!token) throw KlarnaError.notFound('Invalid token ID');
    validated(input, (o) => oneOf(o, 'status', '', ['CANCELLED'], true));
    token.status = 'CANCELLED';
  }

  /**
   * Charge a token. With a `Klarna-Idempotency-Key` the first executed answer (200, or a 403 decline) is kept for
   * 24 h per MID and replayed verbatim, whatever body the repeat carries. Handlers run synchronously on one event
   * loop, so concurrent duplicates are serialised and can never create two orders.
   */
  createOrder(
    merchant: MerchantContext,
    tokenId: string,
    input: unknown,
    idempotencyKey: string | undefined,
  ) {
    const { mid, origin } = merchant;
    const key = idempotencyKey ? `${mid}\n${idempotencyKey}` : undefined;
    return this.idempotency.run(key, merchant.correlationId, () => ({
      status: 200,
      body: this.placeOrder(mid, tokenId, input, idempotencyKey ?? null, origin),
    })).body;
  }

  setStatus(tokenId: string, input: unknown): TokenView {
    const token = this.state.tokens.get(tokenId);
    if (!token) throw KlarnaError.notFound('Invalid token ID');
    const { result: status } = validated(input, (o) =>
      oneOf<TokenStatus>(o, 'status', '', ['ACTIVE', 'SUSPENDED', 'CANCELLED'], true)!,
    );
    // A cancelled token stays cancelled at Klarna; the control refuses to revive it.
    if (token.status === 'CANCELLED' && status !== 'CANCELLED') throw KlarnaError.badValue('status');
    token.status = status;
    return this.view(token);
  }

  forceNextOrders(tokenId: string, input: unknown) {
    const token = this.state.tokens.get(tokenId);
    if (!token) throw KlarnaError.notFound('Invalid token ID');
    const { result } = validated(input, (o) => {
      const errorCode = oneOf(
        o,
        'error_code',
        '',
        [...Object.keys(FORCEABLE_ERRORS), FORCE_FRAUD_PENDING],
        true,
      )!;
      const count = o.count ?? 1;
      if (typeof count !== 'number' || !Number.isSafeInteger(count) || count < 1) fail('count');
      return { errorCode, remaining: count };
    });
    token.forcedOutcomes.push(result);
    return { token_id: token.tokenId, forced_outcomes: token.forcedOutcomes.map((f) => ({ ...f })) };
  }

  list(sessionId: string | undefined): TokenView[] {
    const tokens =
      sessionId === undefined
        ? [...this.state.tokens.values()]
        : (this.state.tokensBySession.get(sessionId) ?? []);
    return tokens.map((token) => this.view(token));
  }

  private placeOrder(
    mid: string,
    tokenId: string,
    input: unknown,
    idempotencyKey: string | null,
    origin: string,
  ) {
    const token = this.find(mid, tokenId);
    if (!token) throw KlarnaError.notFound('Token not found', 'TOKEN_NOT_FOUND');
    const { body } = validated(input, validateTokenOrder);
    if (token.status === 'CANCELLED') throw tokenError('TOKEN_CANCELLED');
    if (token.status === 'SUSPENDED') throw tokenError('TOKEN_SUSPENDED');
    if (upper(body.purchase_currency) !== token.purchaseCurrency)
      throw tokenError('PAYMENT_METHOD_CURRENCY_MISMATCH');
    const forced = this.consumeForcedOutcome(token);
    if (forced !== undefined && forced !== FORCE_FRAUD_PENDING) throw tokenError(forced);

    const fraudStatus = forced === FORCE_FRAUD_PENDING ? 'PENDING' : 'ACCEPTED';
    const order = this.orders.place(
      {
        token_id: token.tokenId,
        authorization_token: null,
        idempotency_key: idempotencyKey,
        username: mid,
        order_amount: body.order_amount as number,
        purchase_currency: token.purchaseCurrency,
        merchant_reference1: (body.merchant_reference1 as string | undefined) ?? null,
        merchant_reference2: (body.merchant_reference2 as string | undefined) ?? null,
      },
      {
        body,
        purchaseCountry: token.purchaseCountry,
        fraudStatus,
        paymentMethodType: token.paymentMethodType,
      },
    );
    const urls = isObject(body.merchant_urls) ? body.merchant_urls : {};
    const confirmation = typeof urls.confirmation === 'string' ? urls.confirmation : undefined;
    return {
      order_id: order.order_id,
      redirect_url: this.redirects.create(origin, confirmation, token.sessionId, order.order_id),
      fraud_status: fraudStatus,
      authorized_payment_method: paymentMethodOfTokenType(token.paymentMethodType),
    };
  }

  private consumeForcedOutcome(token: TokenRecord): string | undefined {
    const next = token.forcedOutcomes[0];
    if (!next) return undefined;
    next.remaining -= 1;
    if (next.remaining <= 0) token.forcedOutcomes.shift();
    return next.errorCode;
  }

  /** Tokens belong to the MID that created them; another MID's token does not exist. */
  private find(mid: string, tokenId: string): TokenRecord | undefined {
    const token = this.state.tokens.get(tokenId);
    return token && token.mid === mid ? token : undefined;
  }

  private view(token: TokenRecord): TokenView {
    return {
      token_id: token.tokenId,
      status: token.status,
      session_id: token.sessionId,
      purchase_currency: token.purchaseCurrency,
      payment_method_type: token.paymentMethodType,
      username: token.mid,
      created_at: new Date(token.createdAt).toISOString(),
    };
  }
}
