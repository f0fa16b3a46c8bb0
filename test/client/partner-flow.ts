/*
 * The whole sign-up and a charge as a partner writes them with @autopay/client: no hand-typed request or
 * response, so a call that compiles is a call the spec allows (the types are regenerated from openapi/openapi.json
 * and `npm run typecheck` checks they are current). Imports nothing else of the project.
 */
import type { AutopayClient, Schema } from '@autopay/client';

export const TERMS: Schema<'CreateTermsDto'> = {
  key: 'client-test',
  locale: 'sv-SE',
  title: 'Automatic monthly payments',
  body: 'We charge your Klarna account once a month until you cancel.',
  intended_use: 'SUBSCRIPTION',
  scope: { currency: 'SEK', max_order_amount: 5000, interval: 'MONTH', interval_count: 1 },
};

const FREE_TRIAL_LINE: Schema<'OrderLineDto'> = {
  type: 'digital',
  reference: 'plan-m',
  name: 'Free trial',
  quantity: 1,
  unit_price: 0,
  tax_rate: 2500,
  total_amount: 0,
  total_tax_amount: 0,
  subscription: { name: 'Monthly plan', interval: 'MONTH', interval_count: 1 },
};

export function sessionBody(termsId: string, merchantCustomerId: string): Schema<'CreateSessionDto'> {
  return {
    intent: 'tokenize',
    merchant_customer_id: merchantCustomerId,
    terms_id: termsId,
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    order_amount: 0,
    order_tax_amount: 0,
    order_lines: [FREE_TRIAL_LINE],
  };
}

/** Published terms to sign up under (created and published once per merchant). */
export async function publishedTerms(api: AutopayClient): Promise<Schema<'TermsDto'>> {
  const existing = await api.get('/v1/terms', {
    params: { query: { key: TERMS.key, status: 'published', limit: 1 } },
  });
  if (existing.data[0]) return existing.data[0];
  const draft = await api.post('/v1/terms', { body: TERMS });
  return api.post('/v1/terms/{terms_id}/publish', { params: { path: { terms_id: draft.id } } });
}

/**
 * terms → session → (the consumer authorizes in Klarna's widget: `authorizeInBrowser`) → consent →
 * authorization → customer token.
 */
export async function signUp(
  api: AutopayClient,
  merchantCustomerId: string,
  authorizeInBrowser: (klarnaSessionId: string) => Promise<string>,
) {
  const terms = await publishedTerms(api);
  const session = await api.post('/v1/sessions', { body: sessionBody(terms.id, merchantCustomerId) });
  const authorizationToken = await authorizeInBrowser(session.klarna_session_id);
  const path = { session_id: session.id };
  const consent = await api.post('/v1/sessions/{session_id}/consents', {
    params: { path },
    body: {
      terms_id: terms.id,
      accepted: true,
      acceptance_text: 'I agree that Citybikes charges my Klarna account every month.',
      ip_address: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
      channel: 'web',
      locale: 'sv-SE',
    },
  });
  const authorization = await api.post('/v1/sessions/{session_id}/authorizations', {
    params: { path },
    body: { authorization_token: authorizationToken },
  });
  const token = await api.post('/v1/customer-tokens', {
    body: { session_id: session.id, description: 'Monthly plan' },
  });
  // The spec's enums reach the caller as literal unions.
  const status: Schema<'CustomerTokenDto'>['status'] = token.status;
  return { terms, session, consent, authorization, token, status };
}

/** The monthly charge under the subscription terms: 10.00 SEK including 2.00 VAT. */
export function orderBody(): Schema<'CreateTokenOrderDto'> {
  return {
    purchase_currency: 'SEK',
    order_amount: 1000,
    order_tax_amount: 200,
    order_lines: [
      {
        type: 'digital',
        reference: 'plan-m',
        name: 'Monthly plan',
        quantity: 1,
        unit_price: 1000,
        tax_rate: 2500,
        total_amount: 1000,
        total_tax_amount: 200,
        subscription: { name: 'Monthly plan', interval: 'MONTH', interval_count: 1 },
      },
    ],
    merchant_reference1: 'invoice-2026-03',
  };
}

/** Charges a token; the Idempotency-Key is the partner's own (the spec requires it where money moves). */
export function charge(api: AutopayClient, customerTokenId: string, idempotencyKey: string) {
  return api.post('/v1/customer-tokens/{customer_token_id}/orders', {
    params: { path: { customer_token_id: customerTokenId }, header: { 'Idempotency-Key': idempotencyKey } },
    body: orderBody(),
  });
}

/**
 * Calls the spec forbids. Never run: each line must fail to compile, and an unused @ts-expect-error fails
 * `npm run typecheck`, so these prove the generated types constrain the calls.
 */
export function callsTheSpecRejects(api: AutopayClient): void {
  // @ts-expect-error intent, purchase_country, order_lines… are required
  void api.post('/v1/sessions', { body: { merchant_customer_id: 'cust-1' } });
  // @ts-expect-error intended_use is SUBSCRIPTION or ON_DEMAND
  void api.post('/v1/terms', { body: { ...TERMS, intended_use: 'SOMETIMES' } });
  // @ts-expect-error the path parameter is required
  void api.post('/v1/terms/{terms_id}/publish', {});
  const withoutKey = { params: { path: { customer_token_id: 'ctok_1' } }, body: orderBody() };
  // @ts-expect-error a token order needs its Idempotency-Key header
  void api.post('/v1/customer-tokens/{customer_token_id}/orders', withoutKey);
  // @ts-expect-error there is no such operation
  void api.delete('/v1/customer-tokens/{customer_token_id}', {
    params: { path: { customer_token_id: 'x' } },
  });
  // @ts-expect-error an order is not a list operation: it has no cursor to iterate
  void api.list('/v1/orders/{order_id}', { params: { path: { order_id: 'ord_1' } } });
  void (async () => {
    // @ts-expect-error list items are typed: a customer token has no order_amount
    for await (const token of api.list('/v1/customer-tokens')) void token.order_amount;
  })();
}
