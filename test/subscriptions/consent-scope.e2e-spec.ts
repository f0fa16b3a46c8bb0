import { randomUUID } from 'node:crypto';
import { PAID_LINE, publishedTerms, sessionBody } from '../support/signup';
import { activeToken, ledger, type Stack, startStack, subscriptionBody, type Token } from './support';

/**
 * Issue #13 item 6: token orders and subscriptions check the consent's scope with one function, so the same
 * out-of-scope request gets the same answer on both routes, and nothing reaches Klarna. Currencies are upper-case
 * ISO 4217 codes at the API edge (a 400 naming the field), so the check compares them exactly.
 */
describe('one consent-scope check for orders and subscriptions', () => {
  let s: Stack;
  let token: Token;
  beforeAll(async () => {
    s = await startStack();
    token = await activeToken(s); // SUBSCRIPTION, SEK, at most 5000 per order, every 1 MONTH
  });
  afterAll(async () => {
    await s.t.close();
  });

  const klarnaRequests = async (): Promise<number> =>
    (await s.t.emulator!.request('GET', '/emulator/v1/requests')).body.requests.length;

  /** The order `{currency, amount, interval}` as a token order and as a subscription, with what each answered. */
  async function bothRoutes(currency: string, amount: number, interval = 'MONTH') {
    const line = {
      ...PAID_LINE,
      unit_price: amount,
      total_amount: amount,
      total_tax_amount: amount / 5,
      subscription: { name: 'Monthly plan', interval, interval_count: 1 },
    };
    const order = {
      purchase_currency: currency,
      order_amount: amount,
      order_tax_amount: amount / 5,
      order_lines: [line],
    };
    const before = await klarnaRequests();
    const viaOrder = await s.t.request('POST', `/v1/customer-tokens/${token.id}/orders`, {
      key: s.merchant.key,
      headers: { 'idempotency-key': randomUUID() },
      body: order,
    });
    const viaSubscription = await s.t.request('POST', `/v1/customer-tokens/${token.id}/subscriptions`, {
      key: s.merchant.key,
      headers: { 'idempotency-key': randomUUID() },
      body: subscriptionBody({
        interval,
        order: { ...order, order_lines: [{ ...line, subscription: undefined }] },
      }),
    });
    expect(await klarnaRequests()).toBe(before);
    return { viaOrder, viaSubscription };
  }

  const answer = (res: { status: number; body: any }, prefix = '') => ({
    status: res.status,
    code: res.body.code,
    errors: (res.body.errors as { field: string; message: string }[]).map((e) => ({
      field: e.field.startsWith(prefix) ? e.field.slice(prefix.length) : `!${e.field}`,
      message: e.message,
    })),
  });

  it('the same out-of-scope order answers the same 422 on both routes, naming every limit', async () => {
    const { viaOrder, viaSubscription } = await bothRoutes('EUR', 6000);
    const expected = {
      status: 422,
      code: 'CONSENT_SCOPE_EXCEEDED',
      errors: [
        { field: 'purchase_currency', message: 'must be SEK, the currency the consumer consented to' },
        {
          field: 'order_amount',
          message: 'must be at most 5000, the maximum per order the consumer consented to',
        },
      ],
    };
    expect(answer(viaOrder)).toEqual(expected);
    expect(answer(viaSubscription, 'order.')).toEqual(expected);
    expect(viaOrder.body.detail).toContain('(limits: currency, max_order_amount)');
    expect(viaSubscription.body.detail).toContain('(limits: currency, max_order_amount)');
  });

  it('another rhythm than the consented one answers 422 interval on both routes', async () => {
    const { viaOrder, viaSubscription } = await bothRoutes('SEK', 1000, 'WEEK');
    const message = 'must be every 1 MONTH, the rhythm the consumer consented to';
    expect(answer(viaOrder)).toEqual({
      status: 422,
      code: 'CONSENT_SCOPE_EXCEEDED',
      errors: [{ field: 'order_lines[0].subscription', message }],
    });
    expect(answer(viaSubscription)).toEqual({
      status: 422,
      code: 'CONSENT_SCOPE_EXCEEDED',
      errors: [{ field: 'interval', message }],
    });
  });

  it('a currency in lower case is a 400 naming the field on both routes (it was charged as SEK by orders)', async () => {
    const { viaOrder, viaSubscription } = await bothRoutes('sek', 1000);
    const expected = {
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [
        {
          field: 'purchase_currency',
          message: 'must be an ISO 4217 currency code in upper case, such as SEK',
        },
      ],
    };
    expect(answer(viaOrder)).toEqual(expected);
    expect(answer(viaSubscription, 'order.')).toEqual(expected);
    expect(await ledger(s.t, token.klarnaTokenId)).toEqual([]);
    const rows = await s.t.db.query(
      `select (select count(*)::int from orders where customer_token_id = $1) as orders,
              (select count(*)::int from subscriptions where customer_token_id = $1) as subscriptions`,
      [token.id],
    );
    expect(rows.rows[0]).toEqual({ orders: 0, subscriptions: 0 });
  });

  it('sessions and terms take upper-case currencies only, with the same 400', async () => {
    const terms = await publishedTerms(s.t, s.merchant.key, { key: 'upper-case-only' });
    const before = await klarnaRequests();
    const session = await s.t.request('POST', '/v1/sessions', {
      key: s.merchant.key,
      body: sessionBody(terms.id, 'tokenize', { purchase_currency: 'sek' }),
    });
    const draft = await s.t.request('POST', '/v1/terms', {
      key: s.merchant.key,
      body: {
        key: 'lower-case',
        locale: 'sv-SE',
        title: 'Monthly',
        body: 'We charge your Klarna account once a month.',
        intended_use: 'SUBSCRIPTION',
        scope: { currency: 'sek', max_order_amount: 5000, interval: 'MONTH', interval_count: 1 },
      },
    });
    expect(await klarnaRequests()).toBe(before);
    const message = 'must be an ISO 4217 currency code in upper case, such as SEK';
    expect(answer(session)).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'purchase_currency', message }],
    });
    expect(answer(draft)).toEqual({
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ field: 'scope.currency', message }],
    });
  });
});
