// Klarna request bodies for calling the emulator directly (EU/SEK): what a merchant would send to Klarna.

export function subscriptionLine(overrides: object = {}) {
  return {
    type: 'digital',
    name: 'Monthly plan',
    quantity: 1,
    unit_price: 1250,
    tax_rate: 2500,
    total_amount: 1250,
    total_tax_amount: 250,
    subscription: { name: 'Monthly plan', interval: 'MONTH', interval_count: 1 },
    ...overrides,
  };
}

export function buySession(overrides: object = {}) {
  return {
    intent: 'buy_and_tokenize',
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    order_amount: 1250,
    order_tax_amount: 250,
    order_lines: [subscriptionLine()],
    billing_address: { email: 'customer@email.se', country: 'SE', postal_code: '12345' },
    merchant_urls: { confirmation: 'https://merchant.example/confirm/{session.id}' },
    ...overrides,
  };
}

export function tokenizeSession(overrides: object = {}) {
  return {
    intent: 'tokenize',
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    order_amount: 0,
    order_tax_amount: 0,
    order_lines: [subscriptionLine({ unit_price: 0, total_amount: 0, total_tax_amount: 0 })],
    billing_address: { email: 'customer@email.se', country: 'SE' },
    ...overrides,
  };
}

export function orderBodyFor(session: ReturnType<typeof buySession>) {
  return {
    purchase_country: session.purchase_country,
    purchase_currency: session.purchase_currency,
    locale: session.locale,
    order_amount: session.order_amount,
    order_tax_amount: session.order_tax_amount,
    order_lines: session.order_lines,
    billing_address: session.billing_address,
  };
}

export function tokenRequest(overrides: object = {}) {
  return {
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    description: 'Monthly plan',
    intended_use: 'SUBSCRIPTION',
    ...overrides,
  };
}

export function tokenOrderBody(overrides: object = {}) {
  return {
    purchase_currency: 'SEK',
    order_amount: 1250,
    order_tax_amount: 250,
    order_lines: [subscriptionLine()],
    merchant_reference1: 'INV-1',
    ...overrides,
  };
}
