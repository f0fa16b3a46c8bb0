/*
 * The order lines the API's request examples share: one German market throughout (EUR, de-DE, 19 % VAT), so that
 * the terms, the session, the consent and every charge of the examples fit together in one real sign-up.
 */

/**
 * A monthly plan at 10.00 EUR incl. 1.60 VAT (Klarna's rounding of 1000 − 1000 / 1.19). The `subscription` it
 * belongs to is what terms for SUBSCRIPTION use require on every charge.
 */
export const EXAMPLE_PAID_LINE = {
  type: 'digital',
  reference: 'plan-m',
  name: 'Monthly plan',
  quantity: 1,
  unit_price: 1000,
  tax_rate: 1900,
  total_amount: 1000,
  total_tax_amount: 160,
  subscription: { name: 'Monthly plan', interval: 'MONTH', interval_count: 1 },
};

/** The same plan at sign-up: nothing charged now. */
export const EXAMPLE_SIGNUP_LINE = {
  ...EXAMPLE_PAID_LINE,
  unit_price: 0,
  total_amount: 0,
  total_tax_amount: 0,
};

/** Extra merchant data: the customer's account at the merchant, as Klarna's risk assessment wants it. */
export const EXAMPLE_EMD = { customer_account_info: [{ unique_account_identifier: 'cust-4711' }] };
