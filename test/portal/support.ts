import { activeToken } from '../support/signup';
import type { TestApp } from '../support/test-app';
import { subscriptionBody } from '../subscriptions/support';

/** A whole sign-up for one customer (terms → session → consent → authorize → token); returns the ids. */
export async function signUp(
  t: TestApp,
  key: string,
  customerId: string,
  terms: { key?: string; title?: string; body?: string } = {},
): Promise<{ tokenId: string; consentId: string; klarnaTokenId: string; termsBody: string }> {
  const body = terms.body ?? `We charge your Klarna account once a month until you cancel (${customerId}).`;
  const token = await activeToken(
    t,
    key,
    {
      key: terms.key ?? `plan-${Math.random().toString(36).slice(2, 8)}`,
      ...(terms.title ? { title: terms.title } : {}),
      body,
    },
    {
      merchant_customer_id: customerId,
      extra_merchant_data: { customer_account_info: [{ unique_account_identifier: customerId }] },
    },
  );
  return {
    tokenId: token.id,
    consentId: token.consentId,
    klarnaTokenId: token.klarnaTokenId,
    termsBody: body,
  };
}

/** A monthly subscription of 10.00 SEK starting on the given day. */
export async function subscribe(t: TestApp, key: string, tokenId: string, startDate: string) {
  const res = await t.request('POST', `/v1/customer-tokens/${tokenId}/subscriptions`, {
    key,
    headers: { 'Idempotency-Key': `portal-sub-${tokenId}-${startDate}` },
    body: subscriptionBody({ start_date: startDate }),
  });
  if (res.status !== 201) throw new Error(`subscription: ${res.status} ${res.text}`);
  return res.body as { id: string; status: string; next_charge_at: string };
}

export async function portalLink(
  t: TestApp,
  key: string,
  customerId: string,
  body: Record<string, unknown> = {},
) {
  const res = await t.request('POST', `/v1/customers/${encodeURIComponent(customerId)}/portal-sessions`, {
    key,
    body,
  });
  if (res.status !== 201) throw new Error(`portal session: ${res.status} ${res.text}`);
  return res.body as { id: string; url: string; expires_at: string };
}

/** Opens a link without a browser: the session cookie (name=value) it set, or the refusal's status. */
export async function openLink(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; cookie: string | null; setCookie: string | null }> {
  const res = await fetch(url, { redirect: 'manual', headers });
  const setCookie = res.headers.get('set-cookie');
  await res.text();
  return { status: res.status, cookie: setCookie ? setCookie.split(';')[0] : null, setCookie };
}

export async function portalPage(t: TestApp, path: string, cookie: string | null, init: RequestInit = {}) {
  const res = await fetch(`${t.url}${path}`, {
    redirect: 'manual',
    ...init,
    headers: { ...(cookie ? { cookie } : {}), ...(init.headers ?? {}) },
  });
  return { status: res.status, headers: res.headers, html: await res.text() };
}

/** The CSRF token of a confirmation page's form. */
export function csrfOf(html: string): string {
  const match = /<input type="hidden" name="csrf" value="([0-9a-f]{64})">/.exec(html);
  if (!match) throw new Error(`no CSRF token on the page: ${html.slice(0, 500)}`);
  return match[1];
}

/** Submits a portal form as a browser does (application/x-www-form-urlencoded). */
export function postForm(
  t: TestApp,
  path: string,
  cookie: string | null,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
) {
  return portalPage(t, path, cookie, { method: 'POST', body: new URLSearchParams(fields), headers });
}
