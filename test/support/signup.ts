import type { TestApp } from './test-app';

/** Swedish market, 25 % VAT: 1000 öre incl. 200 tax. */
export const PAID_LINE = {
  type: 'digital',
  reference: 'plan-m',
  name: 'Monthly plan',
  quantity: 1,
  unit_price: 1000,
  tax_rate: 2500,
  total_amount: 1000,
  total_tax_amount: 200,
  subscription: { name: 'Monthly plan', interval: 'MONTH', interval_count: 1 },
};

export const FREE_LINE = {
  ...PAID_LINE,
  name: 'Free trial',
  unit_price: 0,
  total_amount: 0,
  total_tax_amount: 0,
};

export function termsBody(overrides: Record<string, unknown> = {}) {
  return {
    key: 'plan',
    locale: 'sv-SE',
    title: 'Automatic monthly payments',
    body: 'We charge your Klarna account once a month until you cancel.',
    intended_use: 'SUBSCRIPTION',
    scope: { currency: 'SEK', max_order_amount: 5000, interval: 'MONTH', interval_count: 1 },
    ...overrides,
  };
}

export async function publishedTerms(t: TestApp, key: string, overrides: Record<string, unknown> = {}) {
  const created = await t.request('POST', '/v1/terms', { key, body: termsBody(overrides) });
  if (created.status !== 201) throw new Error(`terms: ${created.status} ${created.text}`);
  const published = await t.request('POST', `/v1/terms/${created.body.id}/publish`, { key });
  if (published.status !== 200) throw new Error(`publish: ${published.status} ${published.text}`);
  return published.body;
}

export function sessionBody(termsId: string, intent = 'tokenize', overrides: Record<string, unknown> = {}) {
  const paid = intent !== 'tokenize';
  return {
    intent,
    merchant_customer_id: 'cust-4711',
    terms_id: termsId,
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    order_amount: paid ? 1000 : 0,
    order_tax_amount: paid ? 200 : 0,
    order_lines: [paid ? PAID_LINE : FREE_LINE],
    merchant_reference1: 'signup-1',
    extra_merchant_data: { customer_account_info: [{ unique_account_identifier: 'cust-4711' }] },
    ...overrides,
  };
}

export async function openSession(t: TestApp, key: string, body: unknown) {
  const res = await t.request('POST', '/v1/sessions', { key, body });
  if (res.status !== 201) throw new Error(`session: ${res.status} ${res.text}`);
  return res.body;
}

export const consentBody = (termsId: string) => ({
  terms_id: termsId,
  accepted: true,
  acceptance_text: 'I agree that Citybikes charges my Klarna account every month.',
  ip_address: '203.0.113.7',
  user_agent: 'Mozilla/5.0 (X11; Linux x86_64)',
  channel: 'web',
  locale: 'sv-SE',
});

export async function consent(t: TestApp, key: string, session: { id: string; terms_id: string }) {
  const res = await t.request('POST', `/v1/sessions/${session.id}/consents`, {
    key,
    body: consentBody(session.terms_id),
  });
  if (res.status !== 201) throw new Error(`consent: ${res.status} ${res.text}`);
  return res.body;
}

/** What Klarna.Payments.authorize() does in the browser. */
export async function klarnaAuthorize(t: TestApp, klarnaSessionId: string, email = 'customer@email.se') {
  const res = await t.emulator!.request('POST', `/emulator/v1/sessions/${klarnaSessionId}/authorize`, {
    billing_address: { email },
  });
  if (res.status !== 200) throw new Error(`authorize: ${res.status} ${res.text}`);
  return res.body as { approved: boolean; authorization_token?: string };
}

/** Authorizes at the emulator and records it with the service; returns the token and our authorization. */
export async function authorizeAndRecord(
  t: TestApp,
  key: string,
  session: { id: string; klarna_session_id: string },
) {
  const { authorization_token } = await klarnaAuthorize(t, session.klarna_session_id);
  const res = await t.request('POST', `/v1/sessions/${session.id}/authorizations`, {
    key,
    body: { authorization_token },
  });
  if (res.status !== 201) throw new Error(`authorization: ${res.status} ${res.text}`);
  return { token: authorization_token!, authorization: res.body };
}

export interface LoggedRequest {
  method: string;
  path: string;
  status: number;
  body: any;
  lost_response: boolean;
}

export async function klarnaRequests(t: TestApp): Promise<LoggedRequest[]> {
  return (await t.emulator!.request('GET', '/emulator/v1/requests')).body.requests;
}

export async function emulatorTokens(t: TestApp, klarnaSessionId: string) {
  return (await t.emulator!.request('GET', `/emulator/v1/tokens?session_id=${klarnaSessionId}`)).body
    .tokens as {
    token_id: string;
    status: string;
  }[];
}

/** Everything up to a recorded, valid authorization with consent. */
export async function readyForToken(t: TestApp, key: string, termsId: string, intent = 'tokenize') {
  const session = await openSession(t, key, sessionBody(termsId, intent));
  const granted = await consent(t, key, session);
  const auth = await authorizeAndRecord(t, key, session);
  return { session, consent: granted, ...auth };
}

export interface ActiveToken {
  /** Our `ctok_…`. */
  id: string;
  consentId: string;
  /** Klarna's id of the token, for the emulator controls. */
  klarnaTokenId: string;
  session: { id: string; klarna_session_id: string; terms_id: string };
}

/**
 * A whole sign-up through the API and the emulator (terms → session → consent → authorize → token); the one
 * implementation every suite's helpers build on.
 */
export async function activeToken(
  t: TestApp,
  key: string,
  termsOverrides: Record<string, unknown> = {},
  sessionOverrides: Record<string, unknown> = {},
): Promise<ActiveToken> {
  const terms = await publishedTerms(t, key, termsOverrides);
  const session = await openSession(t, key, sessionBody(terms.id, 'tokenize', sessionOverrides));
  const granted = await consent(t, key, session);
  await authorizeAndRecord(t, key, session);
  const res = await t.request('POST', '/v1/customer-tokens', { key, body: { session_id: session.id } });
  if (res.status !== 201) throw new Error(`customer token: ${res.status} ${res.text}`);
  const [klarnaToken] = await emulatorTokens(t, session.klarna_session_id);
  return { id: res.body.id, consentId: granted.id, klarnaTokenId: klarnaToken.token_id, session };
}
