import type { FieldError } from '../../common/errors/problem.exception';

/*
 * Klarna's order rules (REFERENCE §10), checked before Klarna is called so that the merchant hears about every
 * bad field at once instead of Klarna's first one. Deliberately written here and not shared with the emulator:
 * the emulator is the independent check that catches mistakes in this file.
 */

export interface RuleOrderLine {
  type?: string;
  quantity: number;
  unit_price: number;
  tax_rate?: number;
  total_amount: number;
  total_discount_amount?: number;
  total_tax_amount?: number;
  merchant_data?: string;
}

export interface RuleOrder {
  intent: 'buy' | 'tokenize' | 'buy_and_tokenize';
  purchase_country: string;
  purchase_currency: string;
  order_amount: number;
  order_tax_amount?: number;
  order_lines: RuleOrderLine[];
  billing_address?: { country?: string };
}

/** Currency each Klarna market settles in (REFERENCE §10.8; Klarna publishes no complete matrix). */
const MARKET_CURRENCY: Readonly<Record<string, string>> = {
  US: 'USD',
  CA: 'CAD',
  MX: 'MXN',
  GB: 'GBP',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  CH: 'CHF',
  PL: 'PLN',
  CZ: 'CZK',
  HU: 'HUF',
  RO: 'RON',
  AU: 'AUD',
  NZ: 'NZD',
  ...Object.fromEntries(
    [
      'AT',
      'BE',
      'DE',
      'EE',
      'ES',
      'FI',
      'FR',
      'GR',
      'IE',
      'IT',
      'LT',
      'LU',
      'LV',
      'NL',
      'PT',
      'SI',
      'SK',
    ].map((c) => [c, 'EUR']),
  ),
};

/** Lines that take money off: their amounts are ≤ 0 (and their tax negative). */
const NEGATIVE_TYPES = new Set(['discount', 'gift_card', 'store_credit']);

export function marketCurrency(country: string): string | undefined {
  return MARKET_CURRENCY[country.toUpperCase()];
}

/** An order charged to a customer token (REFERENCE §7.3): no country, and the Customer Token API's limits. */
export interface RuleTokenOrder {
  purchase_currency: string;
  order_amount: number;
  order_tax_amount: number;
  order_lines: RuleOrderLine[];
}

/** Customer Token API line limits (REFERENCE §3.3), tighter than the Payments API's that the DTO enforces. */
const TOKEN_ORDER_MAX_AMOUNT = 100_000_000;
const TOKEN_ORDER_MAX_MERCHANT_DATA = 255;

/** Every violation, with the JSON path of the field Klarna would name. */
export function checkKlarnaOrder(order: RuleOrder): FieldError[] {
  const errors = checkLinesAndSums(order);
  if (order.order_amount === sumOf(order.order_lines, (line) => line.total_amount)) {
    if (order.intent !== 'tokenize' && order.order_amount < 1) {
      errors.push({ field: 'order_amount', message: `must be at least 1 for intent ${order.intent}` });
    }
  }

  const billingCountry = order.billing_address?.country;
  const country = billingCountry ?? order.purchase_country;
  const currency = marketCurrency(country);
  if (!currency) {
    errors.push({
      field: billingCountry ? 'billing_address.country' : 'purchase_country',
      message: 'is not a Klarna market',
    });
  } else if (currency !== order.purchase_currency.toUpperCase()) {
    errors.push({ field: 'purchase_currency', message: `must be ${currency} for ${country.toUpperCase()}` });
  }
  return errors;
}

/**
 * The token-order mode: the same line arithmetic and sums as sessions, plus the Customer Token API's limits
 * (amounts within ±100 000 000 per line, `merchant_data` ≤ 255) and `order_amount` ≥ 1 (REFERENCE §7.3).
 */
export function checkKlarnaTokenOrder(order: RuleTokenOrder): FieldError[] {
  const errors: FieldError[] = [];
  order.order_lines.forEach((line, i) => {
    const at = (field: string) => `order_lines[${i}].${field}`;
    for (const field of [
      'unit_price',
      'total_amount',
      'total_discount_amount',
      'total_tax_amount',
    ] as const) {
      const value = line[field];
      if (value !== undefined && Math.abs(value) > TOKEN_ORDER_MAX_AMOUNT) {
        errors.push({
          field: at(field),
          message: `must be within ±${TOKEN_ORDER_MAX_AMOUNT} for token orders`,
        });
      }
    }
    if (line.merchant_data !== undefined && line.merchant_data.length > TOKEN_ORDER_MAX_MERCHANT_DATA) {
      errors.push({
        field: at('merchant_data'),
        message: `must be at most ${TOKEN_ORDER_MAX_MERCHANT_DATA} characters for token orders`,
      });
    }
  });
  errors.push(...checkLinesAndSums(order));
  if (order.order_amount < 1 && !errors.some((e) => e.field === 'order_amount')) {
    errors.push({ field: 'order_amount', message: 'must be at least 1 for a token order' });
  }
  return errors;
}

const sumOf = (lines: RuleOrderLine[], pick: (line: RuleOrderLine) => number): number =>
  lines.reduce((total, line) => total + pick(line), 0);

/** Line totals, tax and signs, and the order sums: the rules sessions and token orders share. */
function checkLinesAndSums(order: {
  order_amount: number;
  order_tax_amount?: number;
  order_lines: RuleOrderLine[];
}): FieldError[] {
  const errors: FieldError[] = [];
  const salesTaxStyle = order.order_lines.some((line) => line.type === 'sales_tax');

  order.order_lines.forEach((line, i) => {
    const at = (field: string) => `order_lines[${i}].${field}`;
    const expectedTotal = line.quantity * line.unit_price - (line.total_discount_amount ?? 0);
    if (line.total_amount !== expectedTotal) {
      errors.push({
        field: at('total_amount'),
        message: `must equal quantity × unit_price − total_discount_amount (${expectedTotal})`,
      });
    }
    const negative = NEGATIVE_TYPES.has(line.type ?? 'physical');
    if (negative ? line.total_amount > 0 : line.total_amount < 0) {
      errors.push({
        field: at('total_amount'),
        message: negative ? `must be ≤ 0 for a ${line.type} line` : 'must be ≥ 0',
      });
    }
    if (salesTaxStyle) {
      if (line.type !== 'sales_tax' && (line.tax_rate ?? 0) !== 0) {
        errors.push({ field: at('tax_rate'), message: 'must be 0 when tax is sent as a sales_tax line' });
      }
    } else if (!taxWithinOne(line.total_amount, line.tax_rate ?? 0, line.total_tax_amount ?? 0)) {
      errors.push({
        field: at('total_tax_amount'),
        message: 'must be within ±1 of total_amount − total_amount × 10000 / (10000 + tax_rate)',
      });
    }
  });

  const sum = (pick: (line: RuleOrderLine) => number) => sumOf(order.order_lines, pick);
  const totalAmount = sum((line) => line.total_amount);
  const totalTax = salesTaxStyle
    ? sum((line) => (line.type === 'sales_tax' ? line.total_amount : 0))
    : sum((line) => line.total_tax_amount ?? 0);
  if (order.order_amount !== totalAmount) {
    errors.push({
      field: 'order_amount',
      message: `must equal the sum of order_lines total_amount (${totalAmount})`,
    });
  }
  if ((order.order_tax_amount ?? 0) !== totalTax) {
    errors.push({
      field: 'order_tax_amount',
      message: salesTaxStyle
        ? `must equal the sum of the sales_tax lines (${totalTax})`
        : `must equal the sum of order_lines total_tax_amount (${totalTax})`,
    });
  }
  return errors;
}

/**
 * |tax − total × rate / (10000 + rate)| ≤ 1, in integers: multiply through by (10000 + rate) so that no
 * rounding decides the outcome.
 */
function taxWithinOne(total: number, rate: number, tax: number): boolean {
  const denominator = 10000 + rate;
  return Math.abs(tax * denominator - total * rate) <= denominator;
}

const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** International (+49…, 0049…) or national (0171…) notation; plain numeric ids not starting with 0 pass. */
const PHONE_LIKE = /^(?:\+|0)[\d\s()./-]+$/;

/** Customer ids travel to logs and reports, so they must not be contact details. */
export function customerIdProblem(value: string): string | undefined {
  const trimmed = value.trim();
  if (EMAIL_LIKE.test(trimmed)) return 'must not be an e-mail address';
  const digits = trimmed.replace(/\D/g, '').length;
  if (PHONE_LIKE.test(trimmed) && digits >= 7 && digits <= 15) return 'must not be a phone number';
  return undefined;
}
