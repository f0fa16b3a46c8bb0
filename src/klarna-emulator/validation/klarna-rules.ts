import { MARKET_CURRENCIES } from './markets';
import { at, bool, fail, int, isObject, Json, obj, oneOf, str, stringArray } from './primitives';

/** Limits that differ between the Payments API `order_line` and the Customer Token API one (REFERENCE §3.3). */
interface Dialect {
  amountMax: number;
  referenceMax: number;
  lineMerchantDataMax: number;
  taxRateMax: number | undefined;
  phoneMin: number;
  subscriptionNameMax: number;
}

const PAYMENTS: Dialect = {
  amountMax: 200_000_000,
  referenceMax: 255,
  lineMerchantDataMax: 1024,
  taxRateMax: 10_000,
  phoneMin: 0,
  subscriptionNameMax: 255,
};

const CUSTOMER_TOKEN: Dialect = {
  amountMax: 100_000_000,
  referenceMax: 256,
  lineMerchantDataMax: 255,
  taxRateMax: undefined,
  phoneMin: 5,
  subscriptionNameMax: Number.MAX_SAFE_INTEGER,
};

export const INTENTS = ['buy', 'tokenize', 'buy_and_tokenize'] as const;
export type Intent = (typeof INTENTS)[number];

const LINE_TYPES = [
  'physical',
  'discount',
  'shipping_fee',
  'sales_tax',
  'digital',
  'gift_card',
  'store_credit',
  'surcharge',
] as const;
/** Line types that reduce the order and therefore carry negative amounts (and negative tax). */
const NEGATIVE_LINE_TYPES: readonly string[] = ['discount', 'gift_card', 'store_credit'];

const COUNTRY = /^[A-Za-z]{2}$/;
const CURRENCY = /^[A-Za-z]{3}$/;
const LOCALE = /^[A-Za-z]{2}(?:-[A-Za-z]{2})*$/;
const COLOR = /^#[A-Fa-f0-9]{6}$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const ENTITY_TYPES = [
  'LIMITED_COMPANY',
  'PUBLIC_LIMITED_COMPANY',
  'ENTREPRENEURIAL_COMPANY',
  'LIMITED_PARTNERSHIP_LIMITED_COMPANY',
  'LIMITED_PARTNERSHIP',
  'GENERAL_PARTNERSHIP',
  'REGISTERED_SOLE_TRADER',
  'SOLE_TRADER',
  'CIVIL_LAW_PARTNERSHIP',
  'PUBLIC_INSTITUTION',
  'OTHER',
] as const;

const ADDRESS_TEXT_FIELDS = [
  'attention',
  'city',
  'email',
  'family_name',
  'given_name',
  'organization_name',
  'region',
  'street_address',
  'street_address2',
];

export function validateAddress(o: Json, key: string, d: Dialect = PAYMENTS): void {
  const address = obj(o, key, '');
  if (!address) return;
  for (const field of ADDRESS_TEXT_FIELDS) str(address, field, key, { max: 99 });
  str(address, 'phone', key, { min: d.phoneMin, max: 99 });
  str(address, 'postal_code', key, { max: 10 });
  str(address, 'title', key, { max: 20 });
  str(address, 'country', key, { max: 2, pattern: COUNTRY });
}

export function validateCustomer(o: Json): void {
  const customer = obj(o, 'customer', '');
  if (!customer) return;
  str(customer, 'date_of_birth', 'customer', { max: 10, pattern: DATE });
  str(customer, 'gender', 'customer', { max: 255 });
  str(customer, 'last_four_ssn', 'customer', { max: 9, pattern: /^([0-9]{4}|[0-9]{9})$/ });
  str(customer, 'type', 'customer', { max: 12, pattern: /^(person|organization)$/ });
  oneOf(customer, 'organization_entity_type', 'customer', ENTITY_TYPES);
  for (const field of ['national_identification_number', 'title', 'vat_id', 'organization_registration_id']) {
    str(customer, field, 'customer', { max: 255 });
  }
}

function validateAttachment(o: Json): void {
  const attachment = obj(o, 'attachment', '');
  if (!attachment) return;
  str(attachment, 'content_type', 'attachment', { max: 255, required: true });
  const body = str(attachment, 'body', 'attachment', { max: 100_000, required: true })!;
  // Klarna reports a malformed EMD body as BAD_VALUE attachment.* (REFERENCE §9); the body is JSON in a string.
  try {
    if (!isObject(JSON.parse(body))) fail('attachment.body');
  } catch {
    fail('attachment.body');
  }
}

function validateMerchantUrls(o: Json, keys: readonly string[], required: readonly string[]): void {
  const urls = obj(o, 'merchant_urls', '');
  if (!urls) return;
  for (const key of keys) str(urls, key, 'merchant_urls', { max: 2000, required: required.includes(key) });
}

function validateOptions(o: Json): void {
  const options = obj(o, 'options', '');
  if (!options) return;
  for (const key of ['color_border', 'color_border_selected', 'color_details', 'color_text']) {
    str(options, key, 'options', { max: 7, pattern: COLOR });
  }
  str(options, 'radius_border', 'options', { max: 255 });
}

function validateLine(
  line: unknown,
  path: string,
  d: Dialect,
): { total: number; tax: number; salesTax: boolean } {
  if (!isObject(line)) fail(path);
  const type = oneOf(line, 'type', path, LINE_TYPES) ?? 'physical';
  str(line, 'name', path, { min: 1, max: 255, required: true });
  str(line, 'reference', path, { max: d.referenceMax });
  str(line, 'quantity_unit', path, { min: 1, max: 8 });
  str(line, 'merchant_data', path, { max: d.lineMerchantDataMax });
  str(line, 'image_url', path, { max: 1024 });
  str(line, 'product_url', path, { max: 1024 });
  const negative = NEGATIVE_LINE_TYPES.includes(type);
  const amountBounds = { min: negative ? -d.amountMax : 0, max: negative ? 0 : d.amountMax, required: true };
  const quantity = int(line, 'quantity', path, { min: 0, required: true })!;
  const unitPrice = int(line, 'unit_price', path, amountBounds)!;
  const total = int(line, 'total_amount', path, amountBounds)!;
  const discount = int(line, 'total_discount_amount', path, { min: 0 }) ?? 0;
  const taxRate = int(line, 'tax_rate', path, { min: 0, max: d.taxRateMax }) ?? 0;
  const tax = int(line, 'total_tax_amount', path) ?? 0;
  if (quantity * unitPrice - discount !== total) fail(at(path, 'total_amount'));
  const salesTax = type === 'sales_tax';
  if (!salesTax) {
    // Klarna's formula, computed exactly; the ±1 tolerance absorbs whichever way the merchant rounded.
    const expected = total - (total * 10_000) / (10_000 + taxRate);
    if (Math.abs(tax - expected) > 1) fail(at(path, 'total_tax_amount'));
  }
  const productIds = obj(line, 'product_identifiers', path);
  if (productIds) {
    const base = at(path, 'product_identifiers');
    const limits: Record<string, number> = {
      brand: 70,
      category_path: 750,
      global_trade_item_number: 50,
      manufacturer_part_number: 70,
      color: 64,
      size: 64,
    };
    for (const [key, max] of Object.entries(limits)) str(productIds, key, base, { max });
  }
  const subscription = obj(line, 'subscription', path);
  if (subscription) {
    const base = at(path, 'subscription');
    str(subscription, 'name', base, { min: 1, max: d.subscriptionNameMax, required: true });
    oneOf(subscription, 'interval', base, ['DAY', 'WEEK', 'MONTH', 'YEAR'], true);
    int(subscription, 'interval_count', base, { min: 1, required: true });
  }
  return { total, tax: salesTax ? total : tax, salesTax };
}

/**
 * Order lines and the order-level sums (REFERENCE §10): `order_amount` = Σ line totals and `order_tax_amount` =
 * Σ line taxes, exactly. US style: a `sales_tax` line carries the tax; then no other line may carry a tax rate.
 */
function validateLinesAndTotals(o: Json, d: Dialect, minOrderAmount: number): void {
  const lines = o.order_lines;
  if (lines === undefined || !Array.isArray(lines) || lines.length < 1 || lines.length > 1000)
    fail('order_lines');
  const results = lines.map((line, i) => validateLine(line, `order_lines[${i}]`, d));
  const orderAmount = int(o, 'order_amount', '', { min: minOrderAmount, required: true })!;
  const orderTax = int(o, 'order_tax_amount', '', { min: 0 }) ?? 0;
  let sumTotal = 0;
  let sumTax = 0;
  const usStyle = results.some((r) => r.salesTax);
  results.forEach((r, i) => {
    const line = lines[i] as Json;
    if (usStyle && !r.salesTax && ((line.tax_rate as number | undefined) ?? 0) !== 0) {
      fail(`order_lines[${i}].tax_rate`);
    }
    sumTotal += r.total;
    sumTax += r.tax;
  });
  if (orderAmount !== sumTotal) fail('order_amount');
  if (orderTax !== sumTax) fail('order_tax_amount');
}

/** The billing country overrides the purchase country (spec); the currency must be the market's. */
function validateMarket(o: Json): void {
  const billing = isObject(o.billing_address) ? o.billing_address : undefined;
  const billingCountry = typeof billing?.country === 'string' ? billing.country : undefined;
  const country = (billingCountry ?? (o.purchase_country as string)).toUpperCase();
  const expected = MARKET_CURRENCIES[country];
  if (!expected) fail(billingCountry ? 'billing_address.country' : 'purchase_country');
  if ((o.purchase_currency as string).toUpperCase() !== expected) fail('purchase_currency');
}

function validatePurchase(o: Json, minOrderAmount: number): void {
  str(o, 'purchase_country', '', { max: 2, pattern: COUNTRY, required: true });
  str(o, 'purchase_currency', '', { max: 3, pattern: CURRENCY, required: true });
  str(o, 'locale', '', { max: 255, pattern: LOCALE });
  validateLinesAndTotals(o, PAYMENTS, minOrderAmount);
  validateAddress(o, 'billing_address');
  validateAddress(o, 'shipping_address');
  validateCustomer(o);
  str(o, 'merchant_reference1', '', { max: 255 });
  str(o, 'merchant_reference2', '', { max: 255 });
  str(o, 'merchant_data', '', { max: 6000 });
  validateMerchantUrls(o, ['confirmation', 'notification', 'push', 'authorization'], []);
  stringArray(o, 'custom_payment_method_ids', '');
  validateAttachment(o);
  validateMarket(o);
}

/**
 * A whole session (create, or the merged result of an update). `buy` and `buy_and_tokenize` need something to
 * charge (krokedil refuses buy_and_tokenize at 0, REFERENCE §6.1); only `tokenize` may be zero-amount.
 */
export function validateSession(o: Json): Intent {
  const intent = oneOf(o, 'intent', '', INTENTS) ?? 'buy';
  oneOf(o, 'acquiring_channel', '', ['ECOMMERCE', 'IN_STORE', 'TELESALES']);
  str(o, 'design', '', { max: 255 });
  validateOptions(o);
  validatePurchase(o, intent === 'tokenize' ? 0 : 1);
  return intent;
}

export function validateCreateOrder(o: Json): void {
  bool(o, 'auto_capture', '');
  validatePurchase(o, 1);
}

export function validateCustomerTokenCreation(o: Json): void {
  str(o, 'purchase_country', '', { max: 2, pattern: COUNTRY, required: true });
  str(o, 'purchase_currency', '', { max: 3, pattern: CURRENCY, required: true });
  str(o, 'locale', '', { max: 255, pattern: LOCALE, required: true });
  str(o, 'description', '', { min: 1, max: 255, required: true });
  oneOf(o, 'intended_use', '', ['SUBSCRIPTION'], true);
  validateAddress(o, 'billing_address');
  validateCustomer(o);
  validateMarket(o);
}

export function validateTokenOrder(o: Json): void {
  str(o, 'purchase_currency', '', { max: 3, pattern: CURRENCY, required: true });
  // Not in the schema but sent in Klarna's own examples (REFERENCE §7.3): accepted, format-checked, ignored.
  str(o, 'locale', '', { max: 255, pattern: LOCALE });
  if (o.order_tax_amount === undefined) fail('order_tax_amount');
  validateLinesAndTotals(o, CUSTOMER_TOKEN, 1);
  bool(o, 'auto_capture', '');
  str(o, 'merchant_reference1', '', { max: 255 });
  str(o, 'merchant_reference2', '', { max: 255 });
  str(o, 'merchant_data', '', { max: 6000 });
  validateMerchantUrls(o, ['confirmation', 'push'], ['confirmation']);
  validateAddress(o, 'shipping_address', CUSTOMER_TOKEN);
  validateAttachment(o);
}

// ---- Order Management (order-management-v1.yml) -------------------------------------------------------------

const OM_AMOUNT_MAX = 200_000_000;
const SHIPPING_METHOD =
  /^(PickUpStore|Home|BoxReg|BoxUnreg|PickUpPoint|Own|Postal|DHLPackstation|Digital|Undefined|PickUpWarehouse|ClickCollect|PalletDelivery)$/;

/** OM's `order_line`: the Payments line with OM's limits and the `return_fee` type. */
function validateOmLine(line: unknown, path: string): void {
  if (!isObject(line)) fail(path);
  const type = oneOf(line, 'type', path, [...LINE_TYPES, 'return_fee']) ?? 'physical';
  str(line, 'name', path, { min: 1, max: 255, required: true });
  str(line, 'reference', path, { max: 255 });
  str(line, 'quantity_unit', path, { max: 10 });
  str(line, 'merchant_data', path, { max: 1024 });
  str(line, 'image_url', path, { max: 1024 });
  str(line, 'product_url', path, { max: 1024 });
  const negative = NEGATIVE_LINE_TYPES.includes(type);
  const bounds = {
    min: negative ? -OM_AMOUNT_MAX : 0,
    max: negative ? 0 : OM_AMOUNT_MAX,
    required: true,
  };
  const quantity = int(line, 'quantity', path, { min: 0, required: true })!;
  const unitPrice = int(line, 'unit_price', path, bounds)!;
  const total = int(line, 'total_amount', path, bounds)!;
  const discount = int(line, 'total_discount_amount', path, { min: 0, max: OM_AMOUNT_MAX }) ?? 0;
  int(line, 'tax_rate', path, { min: 0, max: 10_000 });
  int(line, 'total_tax_amount', path, { min: -OM_AMOUNT_MAX, max: OM_AMOUNT_MAX });
  if (quantity * unitPrice - discount !== total) fail(at(path, 'total_amount'));
  const subscription = obj(line, 'subscription', path);
  if (subscription) {
    const base = at(path, 'subscription');
    str(subscription, 'name', base, { min: 1, max: 255, required: true });
    oneOf(subscription, 'interval', base, ['DAY', 'WEEK', 'MONTH', 'YEAR'], true);
    int(subscription, 'interval_count', base, { min: 1, required: true });
  }
}

function validateOmLines(o: Json): void {
  const lines = o.order_lines;
  if (lines === undefined) return;
  if (!Array.isArray(lines) || lines.length > 1000) fail('order_lines');
  lines.forEach((line, i) => validateOmLine(line, `order_lines[${i}]`));
}

function validateShippingInfo(o: Json): void {
  const infos = o.shipping_info;
  if (infos === undefined) return;
  if (!Array.isArray(infos) || infos.length > 500) fail('shipping_info');
  infos.forEach((info, i) => {
    const path = `shipping_info[${i}]`;
    if (!isObject(info)) fail(path);
    for (const key of [
      'shipping_company',
      'tracking_number',
      'return_shipping_company',
      'return_tracking_number',
    ])
      str(info, key, path, { max: 100 });
    for (const key of ['tracking_uri', 'return_tracking_uri']) str(info, key, path, { max: 1024 });
    str(info, 'shipping_method', path, { max: 255, pattern: SHIPPING_METHOD });
  });
}

/**
 * `CaptureObject`. The spec allows `captured_amount` 0; the emulator refuses it (a capture of nothing is a
 * caller's mistake, and a stored `Capture` has `captured_amount` ≥ 1).
 */
export function validateCapture(o: Json): number {
  const amount = int(o, 'captured_amount', '', { min: 1, max: OM_AMOUNT_MAX, required: true })!;
  str(o, 'description', '', { max: 255 });
  str(o, 'reference', '', { max: 255 });
  int(o, 'shipping_delay', '', { min: 0 });
  validateOmLines(o);
  validateShippingInfo(o);
  return amount;
}

/** `RefundObject`; like a capture, a refund of 0 is refused. */
export function validateRefund(o: Json): number {
  const amount = int(o, 'refunded_amount', '', { min: 1, max: OM_AMOUNT_MAX, required: true })!;
  str(o, 'description', '', { max: 255 });
  str(o, 'reference', '', { max: 255 });
  validateOmLines(o);
  return amount;
}
