import { randomUUID } from 'node:crypto';
import { activeToken, klarnaRequests, publishedTerms, termsBody } from '../support/signup';
import { orderBody, placeOrder, TOKEN_ORDER_PATH } from '../orders/orders-helpers';
import { type Stack, startStack, stopAll, subscribe, subscriptionBody } from '../subscriptions/support';
import { klarnaOrder, readOrder } from './money-helpers';

/** The capture policy's precedence: order > subscription > terms version of the token's consent > captured. */
describe('money: capture policy per terms version', () => {
  let s: Stack;
  let key: string;
  beforeAll(async () => {
    s = await startStack();
    key = s.merchant.key;
  });
  afterEach(async () => {
    await stopAll(s);
  });
  afterAll(async () => {
    await s.t.close();
  });

  const termsKey = () => `plan-${randomUUID().slice(0, 8)}`;
  const signUp = (autoCapture?: boolean) =>
    activeToken(s.t, key, {
      key: termsKey(),
      ...(autoCapture === undefined ? {} : { auto_capture: autoCapture }),
    });

  /** What Klarna was asked for the order with this Klarna order id (its create request's auto_capture). */
  async function sentAutoCapture(klarnaTokenId: string): Promise<unknown[]> {
    const requests = await klarnaRequests(s.t);
    return requests
      .filter((r) => r.method === 'POST' && TOKEN_ORDER_PATH.test(r.path) && r.path.includes(klarnaTokenId))
      .map((r) => (r.body as { auto_capture?: unknown }).auto_capture);
  }

  async function charge(tokenId: string, overrides: Record<string, unknown> = {}) {
    const res = await placeOrder(s.t, key, tokenId, randomUUID(), orderBody(overrides));
    expect(res.status).toBe(201);
    return res.body as { id: string; klarna_order_id: string };
  }

  it('terms auto_capture false: a token order that says nothing is left authorized', async () => {
    const token = await signUp(false);
    const order = await charge(token.id);
    expect((await readOrder(s.t, key, order.id)).money).toMatchObject({
      status: 'authorized',
      captured_amount: 0,
      remaining_authorized_amount: 1000,
    });
    expect((await klarnaOrder(s.t, order.klarna_order_id)).status).toBe('AUTHORIZED');
    expect(await sentAutoCapture(token.klarnaTokenId)).toEqual([false]);

    // The same token again takes the path without a lookup (its facts are remembered): still the terms' policy.
    const again = await charge(token.id);
    expect((await klarnaOrder(s.t, again.klarna_order_id)).status).toBe('AUTHORIZED');
  });

  it('the order request beats the terms: auto_capture true on the order captures under terms saying false', async () => {
    const token = await signUp(false);
    const order = await charge(token.id, { auto_capture: true });
    expect((await readOrder(s.t, key, order.id)).money).toMatchObject({
      status: 'captured',
      captured_amount: 1000,
    });
    expect((await klarnaOrder(s.t, order.klarna_order_id)).status).toBe('CAPTURED');
  });

  it('unset everywhere: captured at once, and the terms show auto_capture null', async () => {
    const token = await signUp();
    const terms = await s.t.request('GET', `/v1/terms/${token.session.terms_id}`, { key });
    expect(terms.body.auto_capture).toBeNull();
    const order = await charge(token.id);
    expect((await readOrder(s.t, key, order.id)).money).toMatchObject({
      status: 'captured',
      captured_amount: 1000,
    });
    expect((await klarnaOrder(s.t, order.klarna_order_id)).status).toBe('CAPTURED');
    expect(await sentAutoCapture(token.klarnaTokenId)).toEqual([true]);
  });

  it('terms true, subscription false: the cycle is left authorized', async () => {
    const token = await signUp(true);
    const sub = await subscribe(s, token.id, { order: { ...subscriptionBody().order, auto_capture: false } });
    const orderId = sub.latest_cycle.order_id as string;
    const order = await readOrder(s.t, key, orderId);
    expect(order).toMatchObject({ subscription_id: sub.id, status: 'accepted' });
    expect(order.money).toMatchObject({ status: 'authorized', captured_amount: 0 });
    expect((await klarnaOrder(s.t, order.klarna_order_id)).status).toBe('AUTHORIZED');
  });

  it('terms false, subscription silent: the cycle follows the terms and is left authorized', async () => {
    const token = await signUp(false);
    const sub = await subscribe(s, token.id);
    const order = await readOrder(s.t, key, sub.latest_cycle.order_id as string);
    expect(order.money).toMatchObject({ status: 'authorized', captured_amount: 0 });
    expect((await klarnaOrder(s.t, order.klarna_order_id)).status).toBe('AUTHORIZED');
  });

  it('is shown on the terms, settable on a draft (null unsets it), not in the content hash', async () => {
    const plain = await s.t.request('POST', '/v1/terms', { key, body: termsBody({ key: termsKey() }) });
    const withPolicy = await s.t.request('POST', '/v1/terms', {
      key,
      body: termsBody({ key: termsKey(), auto_capture: false }),
    });
    expect(withPolicy.status).toBe(201);
    expect(withPolicy.body.auto_capture).toBe(false);
    expect(withPolicy.body.content_sha256).toBe(plain.body.content_sha256);

    const id = withPolicy.body.id as string;
    const patched = await s.t.request('PATCH', `/v1/terms/${id}`, { key, body: { auto_capture: true } });
    expect(patched.status).toBe(200);
    expect(patched.body.auto_capture).toBe(true);
    const unset = await s.t.request('PATCH', `/v1/terms/${id}`, { key, body: { auto_capture: null } });
    expect(unset.body.auto_capture).toBeNull();
    expect((await s.t.request('GET', `/v1/terms/${id}`, { key })).body.auto_capture).toBeNull();
  });

  it('refuses to change auto_capture of a published version, naming the field', async () => {
    const terms = await publishedTerms(s.t, key, { key: termsKey(), auto_capture: false });
    const res = await s.t.request('PATCH', `/v1/terms/${terms.id}`, { key, body: { auto_capture: true } });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'TERMS_PUBLISHED',
      errors: [{ field: 'auto_capture', message: expect.any(String) }],
    });
    expect(res.body.detail).toContain('auto_capture');
    expect((await s.t.request('GET', `/v1/terms/${terms.id}`, { key })).body.auto_capture).toBe(false);
  });

  it.each([
    ['a string', 'yes'],
    ['an object', { value: false }],
    ['a number', 0],
  ])('answers 400 naming auto_capture for %s, and changes nothing', async (_what, value) => {
    const tKey = termsKey();
    const created = await s.t.request('POST', '/v1/terms', {
      key,
      body: termsBody({ key: tKey, auto_capture: value }),
    });
    expect(created.status).toBe(400);
    expect(created.body.code).toBe('VALIDATION_FAILED');
    expect(created.body.errors).toEqual([expect.objectContaining({ field: 'auto_capture' })]);
    expect((await s.t.request('GET', `/v1/terms?key=${tKey}`, { key })).body.data).toEqual([]);

    const draft = await s.t.request('POST', '/v1/terms', {
      key,
      body: termsBody({ key: tKey, auto_capture: true }),
    });
    const patched = await s.t.request('PATCH', `/v1/terms/${draft.body.id}`, {
      key,
      body: { title: 'Changed', auto_capture: value },
    });
    expect(patched.status).toBe(400);
    expect(patched.body.errors).toEqual([expect.objectContaining({ field: 'auto_capture' })]);
    const after = await s.t.request('GET', `/v1/terms/${draft.body.id}`, { key });
    expect(after.body).toMatchObject({ auto_capture: true, title: draft.body.title });
  });
});
