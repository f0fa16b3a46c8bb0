import { randomUUID } from 'node:crypto';
import { activeToken } from '../orders/orders-helpers';
import { publishedTerms, readyForToken, termsBody } from '../support/signup';
import { createMerchant, startTestApp, type ApiResponse, type TestApp } from '../support/test-app';
import { subscriptionBody } from '../subscriptions/support';

// Issue #13 item 10: many HTTP clients send Content-Type: application/json on every request. A bodiless POST or
// DELETE with that header is a bodiless request, not "Body cannot be empty".
const JSON_HEADER = { 'content-type': 'application/json' };

describe('bodiless requests with Content-Type: application/json', () => {
  let t: TestApp;
  let merchant: { id: string; key: string };
  const bare = (method: string, path: string, key = merchant.key): Promise<ApiResponse> =>
    t.request(method, path, { key, headers: JSON_HEADER });

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    merchant = await createMerchant(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('publish a terms draft', async () => {
    const draft = await t.request('POST', '/v1/terms', { key: merchant.key, body: termsBody() });
    const res = await bare('POST', `/v1/terms/${draft.body.id}/publish`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published');
  });

  it('release an authorization', async () => {
    const terms = await publishedTerms(t, merchant.key, { key: 'release' });
    const { authorization } = await readyForToken(t, merchant.key, terms.id);
    const res = await bare('POST', `/v1/authorizations/${authorization.id}/release`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('released');
  });

  it('pause, resume and cancel a subscription, then cancel its token', async () => {
    const token = await activeToken(t, merchant.key, { key: 'subscribe' });
    const created = await t.request('POST', `/v1/customer-tokens/${token.id}/subscriptions`, {
      key: merchant.key,
      body: subscriptionBody({ start_date: '2026-04-01' }),
      headers: { 'idempotency-key': randomUUID() },
    });
    expect(created.status).toBe(201);
    const sub = created.body.id as string;
    for (const [action, status] of [
      ['pause', 'paused'],
      ['resume', 'active'],
      ['cancel', 'canceled'],
    ]) {
      const res = await bare('POST', `/v1/subscriptions/${sub}/${action}`);
      expect([action, res.status, res.body.status]).toEqual([action, 200, status]);
    }
    const canceled = await bare('POST', `/v1/customer-tokens/${token.id}/cancel`);
    expect(canceled.status).toBe(202);
    expect(canceled.body.status).toBe('canceled');
  });

  it('rotate a webhook secret, then delete the endpoint', async () => {
    const endpoint = await t.request('POST', '/v1/webhook-endpoints', {
      key: merchant.key,
      body: { url: 'http://127.0.0.1:9/hooks', events: ['customer_token.created'] },
    });
    expect(endpoint.status).toBe(201);
    const rotated = await bare('POST', `/v1/webhook-endpoints/${endpoint.body.id}/rotate-secret`);
    expect(rotated.status).toBe(200);
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect((await bare('DELETE', `/v1/webhook-endpoints/${endpoint.body.id}`)).status).toBe(200);
  });

  it('revoke an API key', async () => {
    const issued = await t.request('POST', '/admin/v1/api-keys', {
      key: t.adminKey,
      body: { role: 'auditor', name: 'to revoke' },
    });
    expect(issued.status).toBe(201);
    const res = await bare('DELETE', `/admin/v1/api-keys/${issued.body.id}`, t.adminKey);
    expect(res.status).toBe(204);
    expect((await t.request('GET', '/admin/v1/merchants', { key: issued.body.key })).status).toBe(401);
  });

  it('a create without a body names the missing fields, as without the header', async () => {
    const res = await bare('POST', '/v1/terms');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['locale', 'title', 'body', 'intended_use']),
    );
  });
});
