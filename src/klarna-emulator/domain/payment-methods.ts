/**
 * What the emulator offers per session and what an authorization with each category turns into. Categories are
 * Klarna's documented identifiers (REFERENCE §8); the token/order payment-method mapping is the emulator's own.
 */
const ASSET = 'https://x.klarnacdn.net/payment-method/assets/badges/generic/klarna.svg';

export interface PaymentMethodCategory {
  identifier: string;
  name: string;
  asset_urls: { descriptive: string; standard: string };
}

const category = (identifier: string, name: string): PaymentMethodCategory => ({
  identifier,
  name,
  asset_urls: { descriptive: ASSET, standard: ASSET },
});

const KLARNA = category('klarna', 'Pay with Klarna');
const PAY_LATER = category('pay_later', 'Pay later');
const PAY_NOW = category('pay_now', 'Pay now');
const PAY_OVER_TIME = category('pay_over_time', 'Financing');

/** Every category the emulator knows, for the SDK stub's labels. */
export const PAYMENT_METHOD_CATEGORIES = [KLARNA, PAY_LATER, PAY_NOW, PAY_OVER_TIME];

/**
 * Markets where the emulator offers Pay now (direct debit / bank transfer): Klarna's European markets. In the
 * card-based markets (US, CA, MX, AU, NZ) Klarna's pay-now is a card payment, which the emulator does not model.
 * The emulator's choice: Klarna publishes no table (REFERENCE §8, UNCONFIRMED).
 */
const PAY_NOW_COUNTRIES = new Set([
  'AT',
  'BE',
  'CH',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GB',
  'GR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'NL',
  'NO',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
]);

/**
 * The smallest order (minor units) for which financing is offered; about 35 EUR in each currency. The emulator's
 * choice: Klarna's real limits depend on market, contract and the consumer (UNCONFIRMED).
 */
export const FINANCING_MINIMUM: Readonly<Record<string, number>> = {
  SEK: 35_000,
  NOK: 35_000,
  DKK: 25_000,
  CZK: 90_000,
  HUF: 1_400_000,
  PLN: 15_000,
  RON: 17_500,
  MXN: 70_000,
};
const DEFAULT_FINANCING_MINIMUM = 3_500;

export interface OfferContext {
  intent: 'buy' | 'tokenize' | 'buy_and_tokenize';
  /** After "the billing country overrides the purchase country". */
  country: string;
  currency: string;
  orderAmount: number;
}

/**
 * What a session offers, following Klarna's guide: "the intent specified in the session will determine which
 * payment methods will be available for that session, depending on the country of the purchase and the amount
 * of the basket" (shared/seed, automatic-payments guide). The rules themselves are the emulator's (UNCONFIRMED):
 * - `klarna` ("Pay with Klarna", the recommended single category) and `pay_later` are always offered;
 * - `pay_now` only in the markets of {@link PAY_NOW_COUNTRIES};
 * - `pay_over_time` (financing) only to `buy`, and only from {@link FINANCING_MINIMUM}: a token for later
 *   charges (`tokenize`, `buy_and_tokenize`) cannot be a fixed instalment plan of an amount not yet known.
 */
export function categoriesFor(context: OfferContext): PaymentMethodCategory[] {
  const offered = [KLARNA, PAY_LATER];
  if (PAY_NOW_COUNTRIES.has(context.country)) offered.push(PAY_NOW);
  const minimum = FINANCING_MINIMUM[context.currency] ?? DEFAULT_FINANCING_MINIMUM;
  if (context.intent === 'buy' && context.orderAmount >= minimum) offered.push(PAY_OVER_TIME);
  return offered;
}

interface PaymentMethod {
  tokenType: string;
  order: { type: string; number_of_days?: number; number_of_installments?: number };
}

const METHODS: Record<string, PaymentMethod> = {
  klarna: { tokenType: 'INVOICE', order: { type: 'invoice', number_of_days: 30 } },
  pay_later: { tokenType: 'INVOICE', order: { type: 'invoice', number_of_days: 30 } },
  pay_now: { tokenType: 'DIRECT_DEBIT', order: { type: 'direct_debit' } },
  pay_over_time: {
    tokenType: 'FIXED_SUM_CREDIT',
    order: { type: 'fixed_sum_credit', number_of_installments: 12 },
  },
};

export function isOfferedCategory(category: string, context: OfferContext): boolean {
  return categoriesFor(context).some((offered) => offered.identifier === category);
}

export function paymentMethodOf(category: string): PaymentMethod {
  return METHODS[category] ?? METHODS.klarna;
}

export function paymentMethodOfTokenType(tokenType: string): PaymentMethod['order'] {
  const method = Object.values(METHODS).find((m) => m.tokenType === tokenType) ?? METHODS.klarna;
  return method.order;
}
