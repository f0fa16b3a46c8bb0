import type { BodyExample } from '../common/openapi/body-examples';
import { EXAMPLE_EMD, EXAMPLE_PAID_LINE, EXAMPLE_SIGNUP_LINE } from '../klarna/order/klarna-order.examples';

/*
 * Request examples of the sign-up, in the order a merchant sends them; each refers to what the one before it
 * created (`trm_…`, `ses_…`): replace those ids with yours.
 */

const SCOPE = { currency: 'EUR', max_order_amount: 5000, interval: 'MONTH', interval_count: 1 };

export const CREATE_TERMS_EXAMPLES: Record<string, BodyExample> = {
  subscription: {
    summary: 'Terms for a monthly plan',
    value: {
      key: 'citybikes-monthly',
      locale: 'de-DE',
      title: 'Automatische monatliche Zahlungen',
      body: 'Citybikes belastet Ihr Klarna-Konto einmal im Monat mit höchstens 50,00 EUR, bis Sie kündigen.',
      intended_use: 'SUBSCRIPTION',
      scope: SCOPE,
    },
  },
};

export const UPDATE_TERMS_EXAMPLES: Record<string, BodyExample> = {
  title: {
    summary: 'A better title, before publishing',
    value: { title: 'Monatliche Zahlungen für Citybikes' },
  },
};

const SESSION = {
  merchant_customer_id: 'cust-4711',
  terms_id: 'trm_01JD3X9R0S4V8W2Y6Z1A3B5C7D',
  purchase_country: 'DE',
  purchase_currency: 'EUR',
  locale: 'de-DE',
  merchant_reference1: 'signup-4711',
  extra_merchant_data: EXAMPLE_EMD,
};

export const CREATE_SESSION_EXAMPLES: Record<string, BodyExample> = {
  tokenize: {
    summary: 'Sign-up only: a token, nothing charged now',
    value: {
      intent: 'tokenize',
      ...SESSION,
      order_amount: 0,
      order_tax_amount: 0,
      order_lines: [EXAMPLE_SIGNUP_LINE],
    },
  },
  buy_and_tokenize: {
    summary: 'First month paid now, and a token for the next ones',
    value: {
      intent: 'buy_and_tokenize',
      ...SESSION,
      order_amount: 1000,
      order_tax_amount: 160,
      order_lines: [EXAMPLE_PAID_LINE],
    },
  },
};

export const UPDATE_SESSION_EXAMPLES: Record<string, BodyExample> = {
  cart: {
    summary: 'The consumer changed the cart before authorizing',
    value: {
      order_amount: 0,
      order_tax_amount: 0,
      order_lines: [{ ...EXAMPLE_SIGNUP_LINE, name: 'Monthly plan, first month free' }],
    },
  },
};

export const CREATE_CONSENT_EXAMPLES: Record<string, BodyExample> = {
  web: {
    summary: 'Accepted on the checkout page',
    value: {
      terms_id: 'trm_01JD3X9R0S4V8W2Y6Z1A3B5C7D',
      accepted: true,
      acceptance_text: 'Ich stimme zu, dass Citybikes mein Klarna-Konto monatlich belastet.',
      ip_address: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
      channel: 'web',
      locale: 'de-DE',
    },
  },
};

export const CREATE_AUTHORIZATION_EXAMPLES: Record<string, BodyExample> = {
  token: {
    summary: "What Klarna's authorize() callback gave the checkout page",
    value: { authorization_token: 'b4bd3423-24e3-4d4b-8d4f-6d3f1e8a0e8d' },
  },
};

export const CREATE_CUSTOMER_TOKEN_EXAMPLES: Record<string, BodyExample> = {
  session: {
    summary: 'The token of an authorized session',
    value: { session_id: 'ses_01JD3X9R0S4V8W2Y6Z1A3B5C7D', description: 'Citybikes monthly plan' },
  },
};
