/*
 * The whole sign-up as a partner would write it: only openapi-fetch and the types openapi-typescript generated
 * from openapi/openapi.json. Nothing here is hand-typed, so a call that compiles is a call the spec allows.
 * This file imports nothing else from the project, and the client test type-checks it against freshly generated
 * types (see client.e2e-spec.ts).
 */
import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './generated/autopay-api';

export type AutopayClient = Client<paths>;
export type Problem = components['schemas']['ProblemDto'];
type Schema<Name extends keyof components['schemas']> = components['schemas'][Name];

export function autopayClient(baseUrl: string, apiKey: string): AutopayClient {
  return createClient<paths>({ baseUrl, headers: { authorization: `Bearer ${apiKey}` } });
}

/** The success body, or an error naming the step and the problem the service answered with. */
export function expectData<Data>(
  step: string,
  result: { data?: Data; error?: unknown; response: Response },
): Data {
  if (result.data === undefined) {
    throw new Error(`${step}: HTTP ${result.response.status} ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

const TERMS: Schema<'CreateTermsDto'> = {
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

/**
 * terms → publish → session → (the consumer authorizes in Klarna's widget: `authorizeInBrowser`) → consent →
 * authorization → customer token → read it back.
 */
export async function signUp(
  client: AutopayClient,
  merchantCustomerId: string,
  authorizeInBrowser: (klarnaSessionId: string) => Promise<string>,
) {
  const draft = expectData('create terms', await client.POST('/v1/terms', { body: TERMS }));
  const terms = expectData(
    'publish terms',
    await client.POST('/v1/terms/{terms_id}/publish', { params: { path: { terms_id: draft.id } } }),
  );
  const session = expectData(
    'open session',
    await client.POST('/v1/sessions', { body: sessionBody(terms.id, merchantCustomerId) }),
  );
  const authorizationToken = await authorizeInBrowser(session.klarna_session_id);
  const consent = expectData(
    'record consent',
    await client.POST('/v1/sessions/{session_id}/consents', {
      params: { path: { session_id: session.id } },
      body: {
        terms_id: terms.id,
        accepted: true,
        acceptance_text: 'I agree that Citybikes charges my Klarna account every month.',
        ip_address: '203.0.113.7',
        user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
        channel: 'web',
        locale: 'sv-SE',
      },
    }),
  );
  const authorization = expectData(
    'record authorization',
    await client.POST('/v1/sessions/{session_id}/authorizations', {
      params: { path: { session_id: session.id } },
      body: { authorization_token: authorizationToken },
    }),
  );
  const token = expectData(
    'create customer token',
    await client.POST('/v1/customer-tokens', {
      body: { session_id: session.id, description: 'Monthly plan' },
    }),
  );
  const read = expectData(
    'read customer token',
    await client.GET('/v1/customer-tokens/{customer_token_id}', {
      params: { path: { customer_token_id: token.id } },
    }),
  );
  const listed = expectData(
    'list customer tokens',
    await client.GET('/v1/customer-tokens', {
      params: { query: { merchant_customer_id: merchantCustomerId, status: 'active', limit: 10 } },
    }),
  );
  // The spec's enums reach the caller as literal unions.
  const status: 'active' | 'suspended' | 'canceled' = read.status;
  const authorizationStatus: Schema<'AuthorizationDto'>['status'] = authorization.status;
  return { terms, session, consent, authorization, authorizationStatus, token, read, status, listed };
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

export function chargeToken(client: AutopayClient, customerTokenId: string, idempotencyKey: string) {
  return client.POST('/v1/customer-tokens/{customer_token_id}/orders', {
    params: { path: { customer_token_id: customerTokenId }, header: { 'Idempotency-Key': idempotencyKey } },
    body: orderBody(),
  });
}

/**
 * Calls the spec forbids. Never run: each line must fail to compile, and an unused @ts-expect-error fails the
 * type check, so these prove the generated types constrain the calls.
 */
export function callsTheSpecRejects(client: AutopayClient): void {
  // @ts-expect-error intent, purchase_country, order_lines… are required
  void client.POST('/v1/sessions', { body: { merchant_customer_id: 'cust-1' } });
  // @ts-expect-error intended_use is SUBSCRIPTION or ON_DEMAND
  void client.POST('/v1/terms', { body: { ...TERMS, intended_use: 'SOMETIMES' } });
  // @ts-expect-error the path parameter is required
  void client.POST('/v1/terms/{terms_id}/publish', {});
  const withoutKey = { params: { path: { customer_token_id: 'ctok_1' } }, body: orderBody() };
  // @ts-expect-error a token order needs its Idempotency-Key header
  void client.POST('/v1/customer-tokens/{customer_token_id}/orders', withoutKey);
  // @ts-expect-error there is no such operation
  void client.DELETE('/v1/customer-tokens/{customer_token_id}', {
    params: { path: { customer_token_id: 'x' } },
  });
}
