import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  AutopayClient,
  AutopayProblemError,
  AutopayWebhookSignatureError,
  constructWebhookEvent,
  verifyWebhookSignature,
  WEBHOOK_SIGNATURE_HEADER,
} from '@autopay/client';
import { deliveryJob, type Receiver, startReceiver } from '../webhooks/support';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import { charge, orderBody, publishedTerms, sessionBody, signUp, TERMS } from './partner-flow';

const ROOT = join(__dirname, '..', '..');

jest.setTimeout(60_000);

/** Every request the client sends, as the service receives it (method, path, Idempotency-Key). */
interface Sent {
  method: string;
  path: string;
  idempotencyKey: string | null;
}

/**
 * @autopay/client (clients/typescript) against the real service and the Klarna emulator: the whole sign-up and a
 * charge as a partner writes them, its problem errors, cursor iteration, and its webhook verifier on a real
 * delivery. Retries: client-retry.e2e-spec.ts; the packed package: client-package.e2e-spec.ts.
 */
describe('@autopay/client against the service', () => {
  let t: TestApp;
  let merchant: { id: string; key: string };
  let api: AutopayClient;
  let receiver: Receiver;
  const sent: Sent[] = [];

  const authorizeInBrowser = async (klarnaSessionId: string): Promise<string> => {
    // The browser's part (Klarna.Payments.authorize) is not the service's API: plain fetch to the emulator.
    const res = await fetch(`${t.emulator!.url}/emulator/v1/sessions/${klarnaSessionId}/authorize`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ billing_address: { email: 'customer@email.se' } }),
    });
    const answer = (await res.json()) as { approved: boolean; authorization_token?: string };
    if (!answer.approved || !answer.authorization_token) throw new Error('not approved');
    return answer.authorization_token;
  };

  beforeAll(async () => {
    t = await startTestApp({ emulator: true });
    merchant = await createMerchant(t, 'Typed client');
    receiver = await startReceiver();
    api = new AutopayClient({
      baseUrl: `${t.url}/`,
      apiKey: merchant.key,
      fetch: (request) => {
        sent.push({
          method: request.method,
          path: new URL(request.url).pathname + new URL(request.url).search,
          idempotencyKey: request.headers.get('idempotency-key'),
        });
        return fetch(request);
      },
    });
  });
  afterAll(async () => {
    await receiver?.close();
    await t?.close();
  });
  beforeEach(() => {
    sent.length = 0;
  });

  it('signs a consumer up end to end: terms, session, consent, authorization, customer token', async () => {
    const result = await signUp(api, 'client-cust-1', authorizeInBrowser);

    expect(result.terms).toMatchObject({ status: 'published', version: 1, key: TERMS.key });
    expect(result.session).toMatchObject({ status: 'open', intent: 'tokenize', terms_id: result.terms.id });
    expect(result.consent).toMatchObject({
      session_id: result.session.id,
      terms_content_sha256: result.terms.content_sha256,
    });
    expect(result.authorization).toMatchObject({ session_id: result.session.id, status: 'unverified' });
    expect(result.token).toMatchObject({
      status: 'active',
      session_id: result.session.id,
      consent_id: result.consent.id,
      merchant_customer_id: 'client-cust-1',
    });
    const row = await t.db.query('select status, consent_id from customer_tokens where id = $1', [
      result.token.id,
    ]);
    expect(row.rows).toEqual([{ status: 'active', consent_id: result.consent.id }]);
    const klarnaTokens = await t.emulator!.request(
      'GET',
      `/emulator/v1/tokens?session_id=${result.session.klarna_session_id}`,
    );
    expect(klarnaTokens.body.tokens).toEqual([expect.objectContaining({ status: 'ACTIVE' })]);

    // The creating POSTs carried an Idempotency-Key the client made (terms, session, token); the others none.
    const keyed = sent.filter((s) => s.idempotencyKey !== null).map((s) => s.path);
    expect(keyed).toEqual(['/v1/terms', '/v1/sessions', '/v1/customer-tokens']);
    for (const s of sent.filter((s) => s.idempotencyKey !== null)) {
      expect(s.idempotencyKey).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
    const keys = await t.db.query('select key from idempotency_keys where merchant_id = $1 order by key', [
      merchant.id,
    ]);
    expect(keys.rows.map((r) => r.key)).toEqual(
      sent
        .filter((s) => s.idempotencyKey !== null)
        .map((s) => s.idempotencyKey)
        .sort(),
    );
  });

  it('charges the token once per Idempotency-Key; a repeat is the same order, replayed', async () => {
    const [token] = (
      await api.get('/v1/customer-tokens', { params: { query: { merchant_customer_id: 'client-cust-1' } } })
    ).data;

    const order = await charge(api, token.id, 'client-order-1');
    expect(order).toMatchObject({
      customer_token_id: token.id,
      status: 'accepted',
      order_amount: 1000,
      purchase_currency: 'SEK',
    });
    // The spec's order status enum reaches the caller as a literal union.
    const status: 'accepted' | 'pending' | 'declined' | 'failed' | 'unknown' = order.status;
    expect(status).toBe('accepted');
    expect(sent.at(-1)).toMatchObject({ method: 'POST', idempotencyKey: 'client-order-1' });

    // `raw` gives the response: the repeat is the stored answer.
    const replay = await api.raw.POST('/v1/customer-tokens/{customer_token_id}/orders', {
      params: { path: { customer_token_id: token.id }, header: { 'Idempotency-Key': 'client-order-1' } },
      body: orderBody(),
    });
    expect(replay.response.status).toBe(201);
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.data?.id).toBe(order.id);

    expect(
      await api.get('/v1/orders/{order_id}', { params: { path: { order_id: order.id } } }),
    ).toMatchObject({
      id: order.id,
      status: 'accepted',
    });
    const ledger = await t.emulator!.orders();
    expect(ledger).toEqual([
      expect.objectContaining({ order_id: order.klarna_order_id, order_amount: 1000 }),
    ]);
    const rows = await t.db.query(
      'select id, status, idempotency_key from orders where customer_token_id = $1',
      [token.id],
    );
    expect(rows.rows).toEqual([{ id: order.id, status: 'accepted', idempotency_key: 'client-order-1' }]);
  });

  it('throws AutopayProblemError with the problem details: status, code, errors, request_id', async () => {
    const terms = await publishedTerms(api);
    const body = sessionBody(terms.id, 'client-cust-2');
    body.order_lines[0].total_tax_amount = 1.5;

    const invalid = await api.post('/v1/sessions', { body }).catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(AutopayProblemError);
    const problem = invalid as AutopayProblemError;
    expect(problem).toMatchObject({
      name: 'AutopayProblemError',
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Bad Request',
      errors: [{ field: 'order_lines[0].total_tax_amount', message: expect.any(String) }],
    });
    expect(problem.request_id).toMatch(/^req_/);
    expect(problem.message).toMatch(/^400 VALIDATION_FAILED: /);
    expect(problem.problem?.type).toBe(problem.type);
    // An invalid request creates nothing and is not retried.
    expect(sent.filter((s) => s.path === '/v1/sessions')).toHaveLength(1);
    expect(
      (
        await t.db.query(
          "select count(*)::int as n from sessions where merchant_customer_id = 'client-cust-2'",
        )
      ).rows[0].n,
    ).toBe(0);

    const missing = await api
      .get('/v1/customer-tokens/{customer_token_id}', {
        params: { path: { customer_token_id: 'ctok_00000000000000000000000000' } },
      })
      .catch((error: AutopayProblemError) => error);
    expect(missing).toMatchObject({ status: 404, code: 'NOT_FOUND', errors: [] });

    const reuse = (key: string) =>
      api.post('/v1/terms', {
        params: { header: { 'Idempotency-Key': 'client-terms-reuse' } },
        body: { ...TERMS, key },
      });
    await reuse('reuse-a');
    const reused = await reuse('reuse-b').catch((error: AutopayProblemError) => error);
    expect(reused).toMatchObject({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });

    const stranger = new AutopayClient({ baseUrl: t.url, apiKey: 'ak_test_not_a_key' });
    await expect(stranger.get('/v1/merchant')).rejects.toMatchObject({
      status: 401,
      code: 'UNAUTHENTICATED',
    });
  });

  it('iterates every item of a list across its pages, following next_cursor', async () => {
    for (let i = 0; i < 3; i++) {
      await api.post('/v1/terms', { body: { ...TERMS, key: `page-${i}` } });
    }
    sent.length = 0;

    const listed: string[] = [];
    for await (const terms of api.list('/v1/terms', { params: { query: { limit: 2 } } })) {
      listed.push(terms.id);
    }

    // The sign-up's terms, the one of the idempotency test, these three.
    const rows = await t.db.query('select id from terms where merchant_id = $1', [merchant.id]);
    expect(rows.rows).toHaveLength(5);
    expect([...listed].sort()).toEqual(rows.rows.map((r) => r.id).sort());
    expect(new Set(listed).size).toBe(listed.length);
    // 5 items in pages of 2: three requests, the later ones with the previous page's cursor.
    expect(sent.map((s) => s.path)).toEqual([
      '/v1/terms?limit=2',
      expect.stringMatching(/^\/v1\/terms\?limit=2&cursor=.+/),
      expect.stringMatching(/^\/v1\/terms\?limit=2&cursor=.+/),
    ]);

    // Filters apply to every page; breaking out of the loop stops fetching.
    sent.length = 0;
    const drafts: string[] = [];
    for await (const terms of api.list('/v1/terms', { params: { query: { status: 'draft', limit: 1 } } })) {
      drafts.push(terms.status);
      if (drafts.length === 2) break;
    }
    expect(drafts).toEqual(['draft', 'draft']);
    expect(sent).toHaveLength(2);
  });

  it('verifies a real webhook delivery with the secret, and refuses tampering, other secrets and stale timestamps', async () => {
    const endpoint = await api.post('/v1/webhook-endpoints', {
      body: { url: receiver.url, events: ['order.succeeded'] },
    });
    const [token] = (await api.get('/v1/customer-tokens')).data;
    const order = await charge(api, token.id, 'client-order-webhook');
    expect(await deliveryJob(t).runOnce()).toBe(1);

    const delivery = receiver.requests.at(-1)!;
    const header = delivery.headers[WEBHOOK_SIGNATURE_HEADER.toLowerCase()] as string;
    const now = Math.floor(t.clock.nowMs() / 1000);
    const event = constructWebhookEvent(delivery.body, header, endpoint.secret, { nowSeconds: now });
    expect(event).toMatchObject({
      id: delivery.headers['autopay-event-id'],
      type: 'order.succeeded',
      created_at: t.clock.now().toISOString(),
      data: expect.objectContaining({ id: order.id }),
    });
    expect(
      verifyWebhookSignature(Buffer.from(delivery.body), header, endpoint.secret, { nowSeconds: now }),
    ).toBe(true);

    const tampered = delivery.body.replace('"order_amount":1000', '"order_amount":1');
    expect(tampered).not.toBe(delivery.body);
    expect(verifyWebhookSignature(tampered, header, endpoint.secret, { nowSeconds: now })).toBe(false);
    expect(verifyWebhookSignature(delivery.body, header, `${endpoint.secret}x`, { nowSeconds: now })).toBe(
      false,
    );
    expect(verifyWebhookSignature(delivery.body, undefined, endpoint.secret, { nowSeconds: now })).toBe(
      false,
    );
    // The timestamp must be within 300 s of the receiver's clock (either way), unless told otherwise.
    const at = (nowSeconds: number, toleranceSeconds?: number) =>
      verifyWebhookSignature(delivery.body, header, endpoint.secret, { nowSeconds, toleranceSeconds });
    expect([at(now + 300), at(now - 300), at(now + 301), at(now - 301), at(now + 600, 600)]).toEqual([
      true,
      true,
      false,
      false,
      true,
    ]);
    // The service's clock is a fake one in March 2026: by the real clock the delivery is a replay.
    expect(() => constructWebhookEvent(delivery.body, header, endpoint.secret)).toThrow(
      AutopayWebhookSignatureError,
    );

    // After a rotation a delivery is signed with both secrets: either verifies it.
    const rotated = await api.post('/v1/webhook-endpoints/{webhook_endpoint_id}/rotate-secret', {
      params: { path: { webhook_endpoint_id: endpoint.id } },
    });
    await api.post('/v1/events/{event_id}/redeliver', { params: { path: { event_id: event.id } }, body: {} });
    expect(await deliveryJob(t).runOnce()).toBe(1);
    const again = receiver.requests.at(-1)!;
    const twoSignatures = again.headers['autopay-signature'] as string;
    expect(twoSignatures.match(/v1=/g)).toHaveLength(2);
    for (const secret of [rotated.secret, endpoint.secret]) {
      expect(verifyWebhookSignature(again.body, twoSignatures, secret, { nowSeconds: now })).toBe(true);
    }
    expect(rotated.secret).not.toBe(endpoint.secret);
  });

  it('documents every response the client can get: a schema for each body, problem details with examples', () => {
    const spec = JSON.parse(readFileSync(join(ROOT, 'openapi', 'openapi.json'), 'utf8'));
    const gaps: string[] = [];
    for (const [path, item] of Object.entries<Record<string, any>>(spec.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        const statuses = Object.keys(op.responses);
        if (!statuses.some((s) => s.startsWith('2'))) gaps.push(`${where}: no success response`);
        if (!statuses.some((s) => s.startsWith('4'))) gaps.push(`${where}: no 4xx response`);
        if (op.requestBody && !statuses.includes('400')) gaps.push(`${where}: body but no 400`);
        for (const [status, response] of Object.entries<any>(op.responses)) {
          if (status === '204' || status === '202' ? false : !response.content) {
            gaps.push(`${where} ${status}: no content`);
          }
          if (Number(status) >= 400) {
            const problem = response.content?.['application/problem+json'];
            if (problem?.schema?.$ref !== '#/components/schemas/ProblemDto') {
              gaps.push(`${where} ${status}: not problem details`);
            } else if (problem.example?.status !== Number(status)) {
              gaps.push(`${where} ${status}: no example`);
            }
          }
        }
      }
    }
    expect(gaps).toEqual([]);
  });
});
