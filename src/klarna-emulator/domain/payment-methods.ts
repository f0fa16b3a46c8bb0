/**
 * What the emulator offers per session and what an authorization with each category turns into. Categories are
 * Klarna's documented identifiers (REFERENCE §8); the token/order payment-method mapping is the emulator's own.
 */
const ASSET = 'https://x.klarnacdn.net/payment-method/assets/badges/generic/klarna.svg';

export const PAYMENT_METHOD_CATEGORIES = [
  { identifier: 'klarna', name: 'Pay with Klarna', asset_urls: { descriptive: ASSET, standard: ASSET } },
  { identifier: 'pay_later', name: 'Pay later', asset_urls: { descriptive: ASSET, standard: ASSET } },
  { identifier: 'pay_now', name: 'Pay now', asset_urls: { descriptive: ASSET, standard: ASSET } },
  { identifier: 'pay_over_time', name: 'Financing', asset_urls: { descriptive: ASSET, standard: ASSET } },
];

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

export function isOfferedCategory(category: string): boolean {
  return category in METHODS;
}

export function paymentMethodOf(category: string): PaymentMethod {
  return METHODS[category] ?? METHODS.klarna;
}

export function paymentMethodOfTokenType(tokenType: string): PaymentMethod['order'] {
  const method = Object.values(METHODS).find((m) => m.tokenType === tokenType) ?? METHODS.klarna;
  return method.order;
}
