import {
  validateCapture,
  validateCreateOrder,
  validateCustomerTokenCreation,
  validateRefund,
  validateSession,
  validateTokenOrder,
} from './klarna-rules';
import { BadValue, Json } from './primitives';

/** The bad path a rule set reports, or null when the body passes. */
function badPath(rules: (o: Json) => unknown, body: Json): string | null {
  try {
    rules(body);
    return null;
  } catch (error) {
    if (error instanceof BadValue) return error.path;
    throw error;
  }
}

/** A line with Klarna's tax formula applied (rounded), so only the mutated field is wrong. */
function line(total: number, taxRate = 2500, overrides: Json = {}): Json {
  return {
    type: total < 0 ? 'discount' : 'physical',
    name: 'Item',
    quantity: 1,
    unit_price: total,
    tax_rate: taxRate,
    total_amount: total,
    total_tax_amount: Math.round(total - (total * 10000) / (10000 + taxRate)),
    ...overrides,
  };
}

function session(overrides: Json = {}): Json {
  return {
    intent: 'buy',
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    order_amount: 1250,
    order_tax_amount: 250,
    order_lines: [line(1250)],
    ...overrides,
  };
}

function us(lines: Json[], orderAmount: number, orderTax: number): Json {
  return session({
    purchase_country: 'US',
    purchase_currency: 'USD',
    locale: 'en-US',
    order_lines: lines,
    order_amount: orderAmount,
    order_tax_amount: orderTax,
  });
}

const long = (n: number) => 'x'.repeat(n);
const untaxed = (total: number, overrides: Json = {}) =>
  line(total, 0, { tax_rate: undefined, total_tax_amount: undefined, ...overrides });
const salesTax = (total: number) => ({
  type: 'sales_tax',
  name: 'Sales Tax',
  quantity: 1,
  unit_price: total,
  total_amount: total,
});
const subscription = (s: Json) => session({ order_lines: [line(1250, 2500, { subscription: s })] });

describe('Klarna validation rules: sessions', () => {
  it.each<[string, Json, string | null]>([
    ['an EU-style session', session(), null],
    [
      'a zero-amount tokenize session',
      session({ intent: 'tokenize', order_amount: 0, order_tax_amount: 0, order_lines: [line(0)] }),
      null,
    ],
    [
      'buy_and_tokenize with order_amount 0',
      session({ intent: 'buy_and_tokenize', order_amount: 0, order_tax_amount: 0, order_lines: [line(0)] }),
      'order_amount',
    ],
    [
      'buy with order_amount 0',
      session({ order_amount: 0, order_tax_amount: 0, order_lines: [line(0)] }),
      'order_amount',
    ],
    ['an unknown intent', session({ intent: 'subscribe' }), 'intent'],
    [
      'tax within +1 of the formula',
      session({ order_lines: [line(1250, 2500, { total_tax_amount: 251 })], order_tax_amount: 251 }),
      null,
    ],
    [
      'tax within -1 of the formula',
      session({ order_lines: [line(1250, 2500, { total_tax_amount: 249 })], order_tax_amount: 249 }),
      null,
    ],
    [
      'tax 2 off the formula',
      session({ order_lines: [line(1250, 2500, { total_tax_amount: 252 })], order_tax_amount: 252 }),
      'order_lines[0].total_tax_amount',
    ],
    [
      'a line without tax_rate carrying tax',
      session({ order_lines: [line(1250, 0, { tax_rate: undefined, total_tax_amount: 250 })] }),
      'order_lines[0].total_tax_amount',
    ],
    [
      'quantity × unit price − discount',
      session({
        order_lines: [line(2500, 2500, { quantity: 3, unit_price: 1000, total_discount_amount: 500 })],
        order_amount: 2500,
        order_tax_amount: 500,
      }),
      null,
    ],
    [
      'a total that ignores the discount',
      session({
        order_lines: [line(3000, 2500, { quantity: 3, unit_price: 1000, total_discount_amount: 500 })],
        order_amount: 3000,
        order_tax_amount: 600,
      }),
      'order_lines[0].total_amount',
    ],
    [
      'a negative total_discount_amount',
      session({ order_lines: [line(1250, 2500, { unit_price: 1000, total_discount_amount: -250 })] }),
      'order_lines[0].total_discount_amount',
    ],
    [
      'a discount line with negative amount and tax',
      session({ order_lines: [line(10000), line(-1000)], order_amount: 9000, order_tax_amount: 1800 }),
      null,
    ],
    [
      'a discount line with positive tax',
      session({
        order_lines: [line(10000), line(-1000, 2500, { total_tax_amount: 200 })],
        order_amount: 9000,
        order_tax_amount: 2200,
      }),
      'order_lines[1].total_tax_amount',
    ],
    [
      'a discount line with a positive price',
      session({
        order_lines: [line(10000), line(1000, 2500, { type: 'discount' })],
        order_amount: 11000,
        order_tax_amount: 2200,
      }),
      'order_lines[1].unit_price',
    ],
    [
      'a physical line with a negative price',
      session({
        order_lines: [line(-1000, 2500, { type: 'physical' })],
        order_amount: -1000,
        order_tax_amount: 0,
      }),
      'order_lines[0].unit_price',
    ],
    ['order_amount ≠ Σ line totals', session({ order_amount: 1251 }), 'order_amount'],
    ['order_tax_amount ≠ Σ line taxes', session({ order_tax_amount: 251 }), 'order_tax_amount'],
    [
      'a missing order_tax_amount on taxed lines',
      session({ order_tax_amount: undefined }),
      'order_tax_amount',
    ],
    ['a null order_tax_amount', session({ order_tax_amount: null }), 'order_tax_amount'],
    ['US sales tax as a separate line', us([untaxed(20000), salesTax(1000)], 21000, 1000), null],
    [
      'US sales tax with the tax not in order_tax_amount',
      us([untaxed(20000), salesTax(1000)], 21000, 0),
      'order_tax_amount',
    ],
    [
      'US sales tax with order_amount missing the tax',
      us([untaxed(20000), salesTax(1000)], 20000, 1000),
      'order_amount',
    ],
    [
      'US sales tax mixed with a taxed line',
      us([line(20000, 1000), salesTax(1000)], 21000, 2818),
      'order_lines[0].tax_rate',
    ],
    ['no order lines', session({ order_lines: [], order_amount: 0 }), 'order_lines'],
    [
      '1000 order lines',
      session({
        order_lines: Array.from({ length: 1000 }, () => line(10)),
        order_amount: 10000,
        order_tax_amount: 2000,
      }),
      null,
    ],
    [
      '1001 order lines',
      session({
        order_lines: Array.from({ length: 1001 }, () => line(10)),
        order_amount: 10010,
        order_tax_amount: 2002,
      }),
      'order_lines',
    ],
    ['order_lines that is not an array', session({ order_lines: line(1250) }), 'order_lines'],
    ['an empty line name', session({ order_lines: [line(1250, 2500, { name: '' })] }), 'order_lines[0].name'],
    ['a 255-character line name', session({ order_lines: [line(1250, 2500, { name: long(255) })] }), null],
    [
      'a 256-character line name',
      session({ order_lines: [line(1250, 2500, { name: long(256) })] }),
      'order_lines[0].name',
    ],
    [
      'a missing line name',
      session({ order_lines: [line(1250, 2500, { name: undefined })] }),
      'order_lines[0].name',
    ],
    [
      'an 8-character quantity_unit',
      session({ order_lines: [line(1250, 2500, { quantity_unit: long(8) })] }),
      null,
    ],
    [
      'a 9-character quantity_unit',
      session({ order_lines: [line(1250, 2500, { quantity_unit: long(9) })] }),
      'order_lines[0].quantity_unit',
    ],
    [
      'an empty quantity_unit',
      session({ order_lines: [line(1250, 2500, { quantity_unit: '' })] }),
      'order_lines[0].quantity_unit',
    ],
    [
      'a negative quantity',
      session({ order_lines: [line(1250, 2500, { quantity: -1 })] }),
      'order_lines[0].quantity',
    ],
    [
      'a fractional quantity',
      session({ order_lines: [line(1250, 2500, { quantity: 1.5 })] }),
      'order_lines[0].quantity',
    ],
    [
      'an amount given as a string',
      session({ order_lines: [line(1250, 2500, { unit_price: '1250' })] }),
      'order_lines[0].unit_price',
    ],
    [
      'a unit price of 200 000 000',
      session({ order_lines: [line(200_000_000, 0)], order_amount: 200_000_000, order_tax_amount: 0 }),
      null,
    ],
    [
      'a unit price above 200 000 000',
      session({ order_lines: [line(200_000_001, 0)], order_amount: 200_000_001, order_tax_amount: 0 }),
      'order_lines[0].unit_price',
    ],
    ['a tax rate above 10000', session({ order_lines: [line(1250, 10001)] }), 'order_lines[0].tax_rate'],
    [
      'an unknown line type',
      session({ order_lines: [line(1250, 2500, { type: 'fee' })] }),
      'order_lines[0].type',
    ],
    [
      'a 256-character reference',
      session({ order_lines: [line(1250, 2500, { reference: long(256) })] }),
      'order_lines[0].reference',
    ],
    [
      'a 1025-character line merchant_data',
      session({ order_lines: [line(1250, 2500, { merchant_data: long(1025) })] }),
      'order_lines[0].merchant_data',
    ],
    [
      'a 1025-character image_url',
      session({ order_lines: [line(1250, 2500, { image_url: long(1025) })] }),
      'order_lines[0].image_url',
    ],
    [
      'a 71-character brand',
      session({ order_lines: [line(1250, 2500, { product_identifiers: { brand: long(71) } })] }),
      'order_lines[0].product_identifiers.brand',
    ],
    ['a valid subscription', subscription({ name: 'Plan', interval: 'MONTH', interval_count: 1 }), null],
    [
      'a subscription without a name',
      subscription({ interval: 'MONTH', interval_count: 1 }),
      'order_lines[0].subscription.name',
    ],
    [
      'a subscription with interval QUARTER',
      subscription({ name: 'Plan', interval: 'QUARTER', interval_count: 1 }),
      'order_lines[0].subscription.interval',
    ],
    [
      'a subscription with interval_count 0',
      subscription({ name: 'Plan', interval: 'YEAR', interval_count: 0 }),
      'order_lines[0].subscription.interval_count',
    ],
    [
      'a subscription that is not an object',
      subscription('monthly' as unknown as Json),
      'order_lines[0].subscription',
    ],
  ])('%s → %s', (_, body, expected) => {
    expect(badPath(validateSession, body)).toBe(expected);
  });

  it.each<[string, Json, string | null]>([
    ['a lower-case locale', session({ locale: 'en-se' }), null],
    ['a locale with an underscore', session({ locale: 'sv_SE' }), 'locale'],
    ['a three-letter country', session({ purchase_country: 'SWE' }), 'purchase_country'],
    ['a missing country', session({ purchase_country: undefined }), 'purchase_country'],
    ['a four-letter currency', session({ purchase_currency: 'SEKK' }), 'purchase_currency'],
    ['a missing currency', session({ purchase_currency: undefined }), 'purchase_currency'],
    ['SE with EUR', session({ purchase_currency: 'EUR' }), 'purchase_currency'],
    ['DE with EUR', session({ purchase_country: 'DE', purchase_currency: 'EUR', locale: 'de-DE' }), null],
    ['FI with EUR in lower case', session({ purchase_country: 'fi', purchase_currency: 'eur' }), null],
    ['GB with GBP', session({ purchase_country: 'GB', purchase_currency: 'GBP' }), null],
    ['US with EUR', session({ purchase_country: 'US', purchase_currency: 'EUR' }), 'purchase_currency'],
    [
      'a country outside the market table',
      session({ purchase_country: 'JP', purchase_currency: 'JPY' }),
      'purchase_country',
    ],
    [
      'a billing country that overrides the purchase country',
      session({ purchase_currency: 'NOK', billing_address: { country: 'NO' } }),
      null,
    ],
    [
      'a billing country whose currency differs',
      session({ billing_address: { country: 'NO' } }),
      'purchase_currency',
    ],
    [
      'a billing country outside the market table',
      session({ billing_address: { country: 'JP' } }),
      'billing_address.country',
    ],
    ['a 99-character given name', session({ billing_address: { given_name: long(99) } }), null],
    [
      'a 100-character given name',
      session({ billing_address: { given_name: long(100) } }),
      'billing_address.given_name',
    ],
    [
      'a 100-character street address',
      session({ shipping_address: { street_address: long(100) } }),
      'shipping_address.street_address',
    ],
    [
      'an 11-character postal code',
      session({ billing_address: { postal_code: long(11) } }),
      'billing_address.postal_code',
    ],
    ['a 21-character title', session({ billing_address: { title: long(21) } }), 'billing_address.title'],
    [
      'a three-letter billing country',
      session({ billing_address: { country: 'SWE' } }),
      'billing_address.country',
    ],
    ['an address that is not an object', session({ billing_address: 'Main St 1' }), 'billing_address'],
    [
      'a 256-character merchant_reference1',
      session({ merchant_reference1: long(256) }),
      'merchant_reference1',
    ],
    [
      'a 256-character merchant_reference2',
      session({ merchant_reference2: long(256) }),
      'merchant_reference2',
    ],
    ['a 6001-character merchant_data', session({ merchant_data: long(6001) }), 'merchant_data'],
    ['a 2000-character confirmation URL', session({ merchant_urls: { confirmation: long(2000) } }), null],
    [
      'a 2001-character confirmation URL',
      session({ merchant_urls: { confirmation: long(2001) } }),
      'merchant_urls.confirmation',
    ],
    [
      'a 2001-character authorization callback URL',
      session({ merchant_urls: { authorization: long(2001) } }),
      'merchant_urls.authorization',
    ],
    [
      'a date of birth in another format',
      session({ customer: { date_of_birth: '10-07-1970' } }),
      'customer.date_of_birth',
    ],
    ['an unknown customer type', session({ customer: { type: 'company' } }), 'customer.type'],
    [
      'a last_four_ssn of three digits',
      session({ customer: { last_four_ssn: '123' } }),
      'customer.last_four_ssn',
    ],
    [
      'an EMD attachment',
      session({
        attachment: {
          content_type: 'application/vnd.klarna.internal.emd-v2+json',
          body: '{"subscription":[]}',
        },
      }),
      null,
    ],
    [
      'an attachment body that is not JSON',
      session({ attachment: { content_type: 'application/vnd.klarna.internal.emd-v2+json', body: '{nope' } }),
      'attachment.body',
    ],
    [
      'an attachment without content_type',
      session({ attachment: { body: '{}' } }),
      'attachment.content_type',
    ],
    ['a colour that is not #rrggbb', session({ options: { color_border: 'red' } }), 'options.color_border'],
    ['an unknown acquiring channel', session({ acquiring_channel: 'PHONE' }), 'acquiring_channel'],
  ])('%s → %s', (_, body, expected) => {
    expect(badPath(validateSession, body)).toBe(expected);
  });
});

describe('Klarna validation rules: orders and tokens', () => {
  const tokenOrder = (overrides: Json = {}): Json => ({
    purchase_currency: 'SEK',
    order_amount: 1250,
    order_tax_amount: 250,
    order_lines: [line(1250)],
    ...overrides,
  });

  it.each<[string, Json, string | null]>([
    ['a token order', tokenOrder(), null],
    ['a token order with locale (accepted, ignored)', tokenOrder({ locale: 'sv-SE' }), null],
    [
      'a token order of 0',
      tokenOrder({ order_amount: 0, order_tax_amount: 0, order_lines: [line(0)] }),
      'order_amount',
    ],
    [
      'a token order without order_tax_amount',
      tokenOrder({ order_tax_amount: undefined }),
      'order_tax_amount',
    ],
    [
      'a token order line of 100 000 000',
      tokenOrder({ order_lines: [line(100_000_000, 0)], order_amount: 100_000_000, order_tax_amount: 0 }),
      null,
    ],
    [
      'a token order line above 100 000 000',
      tokenOrder({ order_lines: [line(100_000_001, 0)], order_amount: 100_000_001, order_tax_amount: 0 }),
      'order_lines[0].unit_price',
    ],
    [
      'a 256-character line merchant_data',
      tokenOrder({ order_lines: [line(1250, 2500, { merchant_data: long(256) })] }),
      'order_lines[0].merchant_data',
    ],
    [
      'a 256-character reference (token spec allows 256)',
      tokenOrder({ order_lines: [line(1250, 2500, { reference: long(256) })] }),
      null,
    ],
    [
      'merchant_urls without confirmation',
      tokenOrder({ merchant_urls: { push: 'https://m.example' } }),
      'merchant_urls.confirmation',
    ],
    [
      'a shipping phone shorter than 5',
      tokenOrder({ shipping_address: { phone: '1234' } }),
      'shipping_address.phone',
    ],
    ['a token order tax mismatch', tokenOrder({ order_tax_amount: 0 }), 'order_tax_amount'],
    ['a token order with auto_capture "yes"', tokenOrder({ auto_capture: 'yes' }), 'auto_capture'],
  ])('%s → %s', (_, body, expected) => {
    expect(badPath(validateTokenOrder, body)).toBe(expected);
  });

  it.each<[string, Json, string | null]>([
    ['an order', session({ intent: undefined, auto_capture: true }), null],
    [
      'an order of 0',
      session({ intent: undefined, order_amount: 0, order_tax_amount: 0, order_lines: [line(0)] }),
      'order_amount',
    ],
    [
      'an order with auto_capture "true"',
      session({ intent: undefined, auto_capture: 'true' }),
      'auto_capture',
    ],
  ])('create order: %s → %s', (_, body, expected) => {
    expect(badPath(validateCreateOrder, body)).toBe(expected);
  });

  const tokenRequest = (overrides: Json = {}): Json => ({
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    description: 'Monthly plan',
    intended_use: 'SUBSCRIPTION',
    ...overrides,
  });

  it.each<[string, Json, string | null]>([
    ['a token request', tokenRequest(), null],
    ['an empty description', tokenRequest({ description: '' }), 'description'],
    ['a 256-character description', tokenRequest({ description: long(256) }), 'description'],
    ['intended_use ON_DEMAND', tokenRequest({ intended_use: 'ON_DEMAND' }), 'intended_use'],
    ['no locale', tokenRequest({ locale: undefined }), 'locale'],
    [
      'a currency that does not fit the country',
      tokenRequest({ purchase_currency: 'DKK' }),
      'purchase_currency',
    ],
  ])('customer token: %s → %s', (_, body, expected) => {
    expect(badPath(validateCustomerTokenCreation, body)).toBe(expected);
  });
});

describe('Order Management bodies', () => {
  it.each<[string, Json, string | null]>([
    ['a plain capture', { captured_amount: 100 }, null],
    [
      'a capture with lines, description, reference and shipping info',
      {
        captured_amount: 1250,
        description: 'Shipped',
        reference: 'cap-1',
        order_lines: [
          line(1250),
          line(-100, 2500, { type: 'discount' }),
          { ...line(0, 0), type: 'return_fee' },
        ],
        shipping_info: [{ shipping_company: 'DHL US', shipping_method: 'Home', tracking_number: '123' }],
      },
      null,
    ],
    ['no amount', { description: 'x' }, 'captured_amount'],
    ['amount 0', { captured_amount: 0 }, 'captured_amount'],
    ['amount above the maximum', { captured_amount: 200_000_001 }, 'captured_amount'],
    ['a fractional amount', { captured_amount: 1.5 }, 'captured_amount'],
    ['a long description', { captured_amount: 1, description: 'd'.repeat(256) }, 'description'],
    [
      'a line total that does not add up',
      { captured_amount: 1, order_lines: [line(100, 0, { total_amount: 99 })] },
      'order_lines[0].total_amount',
    ],
    [
      'an unknown line type',
      { captured_amount: 1, order_lines: [line(100, 0, { type: 'fee' })] },
      'order_lines[0].type',
    ],
    [
      'an unknown shipping method',
      { captured_amount: 1, shipping_info: [{ shipping_method: 'Drone' }] },
      'shipping_info[0].shipping_method',
    ],
  ])('capture: %s → %s', (_, body, path) => {
    expect(badPath(validateCapture, body)).toBe(path);
  });

  it.each<[string, Json, string | null]>([
    ['a plain refund', { refunded_amount: 1 }, null],
    ['with lines', { refunded_amount: 1250, order_lines: [line(1250)], description: 'Returned' }, null],
    ['no amount', {}, 'refunded_amount'],
    ['a negative amount', { refunded_amount: -5 }, 'refunded_amount'],
    ['a long reference', { refunded_amount: 1, reference: 'r'.repeat(256) }, 'reference'],
    ['lines that are not an array', { refunded_amount: 1, order_lines: {} }, 'order_lines'],
  ])('refund: %s → %s', (_, body, path) => {
    expect(badPath(validateRefund, body)).toBe(path);
  });
});
