import { createMerchant, startTestApp, type TestApp } from '../support/test-app';
import {
  FREE_LINE,
  klarnaRequests,
  PAID_LINE,
  publishedTerms,
  sessionBody,
  termsBody,
} from '../support/signup';

describe('session validation before Klarna, and terms', () => {
  let t: TestApp;
  let key: string;
  let termsId: string;

  beforeAll(async () => {
    t = await startTestApp({ emulator: true });
    key = (await createMerchant(t, 'Validating')).key;
    termsId = (await publishedTerms(t, key)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  const paid = (overrides: Record<string, unknown>) => sessionBody(termsId, 'buy_and_tokenize', overrides);
  const line = (overrides: Record<string, unknown>) => ({ ...PAID_LINE, ...overrides });

  const cases: [string, () => Record<string, unknown>, string[]][] = [
    [
      'line total ≠ quantity × unit_price',
      () => paid({ order_lines: [line({ quantity: 2 })] }),
      ['order_lines[0].total_amount'],
    ],
    [
      'line tax outside ±1',
      () => paid({ order_lines: [line({ total_tax_amount: 202 })], order_tax_amount: 202 }),
      ['order_lines[0].total_tax_amount'],
    ],
    ['order_amount ≠ Σ lines', () => paid({ order_amount: 1100 }), ['order_amount']],
    ['order_tax_amount ≠ Σ line tax', () => paid({ order_tax_amount: 0 }), ['order_tax_amount']],
    [
      'buy_and_tokenize with 0',
      () => paid({ order_amount: 0, order_tax_amount: 0, order_lines: [FREE_LINE] }),
      ['order_amount'],
    ],
    ['currency does not fit the country', () => paid({ purchase_currency: 'EUR' }), ['purchase_currency']],
    ['not a Klarna market', () => paid({ purchase_country: 'BR' }), ['purchase_country']],
    [
      'discount line with a positive amount',
      () =>
        paid({
          order_amount: 1500,
          order_tax_amount: 300,
          order_lines: [
            PAID_LINE,
            line({
              type: 'discount',
              name: 'Promo',
              subscription: undefined,
              unit_price: 500,
              total_amount: 500,
              total_tax_amount: 100,
            }),
          ],
        }),
      ['order_lines[1].total_amount'],
    ],
    [
      'US sales tax: other lines must not carry a tax_rate',
      () =>
        paid({
          purchase_country: 'US',
          purchase_currency: 'USD',
          locale: 'en-US',
          terms_id: undefined,
          intent: 'buy',
          order_amount: 1100,
          order_tax_amount: 100,
          order_lines: [
            line({ tax_rate: 1000, total_tax_amount: 91 }),
            { type: 'sales_tax', name: 'Sales Tax', quantity: 1, unit_price: 100, total_amount: 100 },
          ],
        }),
      ['order_lines[0].tax_rate'],
    ],
    [
      'shapes: name, quantity, formats',
      () =>
        paid({
          purchase_country: 'SWE',
          locale: 'sv_SE',
          order_lines: [line({ name: '', quantity: -1, quantity_unit: 'much-too-long' })],
        }),
      [
        'purchase_country',
        'locale',
        'order_lines[0].name',
        'order_lines[0].quantity',
        'order_lines[0].quantity_unit',
      ],
    ],
    [
      'several rule violations at once',
      () => paid({ order_amount: 999, order_tax_amount: 1, purchase_currency: 'NOK' }),
      ['order_amount', 'order_tax_amount', 'purchase_currency'],
    ],
    [
      'merchant_customer_id that is an e-mail',
      () => paid({ merchant_customer_id: 'anna@example.com' }),
      ['merchant_customer_id'],
    ],
    [
      'merchant_customer_id that is a phone number',
      () => paid({ merchant_customer_id: '+46 70 123 45 67' }),
      ['merchant_customer_id'],
    ],
    [
      'tokenize without merchant_customer_id and terms',
      () => sessionBody(termsId, 'tokenize', { merchant_customer_id: undefined, terms_id: undefined }),
      ['merchant_customer_id', 'terms_id'],
    ],
    ['unknown terms', () => paid({ terms_id: 'trm_00000000000000000000000000' }), ['terms_id']],
    ['terms in another locale', () => paid({ locale: 'en-SE' }), ['terms_id']],
    [
      'over the terms maximum',
      () =>
        paid({
          order_lines: [line({ quantity: 6, total_amount: 6000, total_tax_amount: 1200 })],
          order_amount: 6000,
          order_tax_amount: 1200,
        }),
      ['order_amount'],
    ],
    [
      'attachment body not a JSON object',
      () =>
        paid({
          extra_merchant_data: undefined,
          attachment: { content_type: 'application/vnd.klarna.internal.emd-v2+json', body: '[1]' },
        }),
      ['attachment.body'],
    ],
    [
      'both attachment and extra_merchant_data',
      () => paid({ attachment: { content_type: 'x', body: '{}' } }),
      ['extra_merchant_data'],
    ],
  ];

  it.each(cases)('refuses %s without calling Klarna', async (_name, body, fields) => {
    const before = (await klarnaRequests(t)).length;
    const res = await t.request('POST', '/v1/sessions', { key, body: JSON.parse(JSON.stringify(body())) });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect([...new Set(res.body.errors.map((e: { field: string }) => e.field))].sort()).toEqual(
      [...fields].sort(),
    );
    expect((await klarnaRequests(t)).length).toBe(before);
  });

  it('accepts a valid US sales-tax order and a tokenize order at 0, and Klarna agrees', async () => {
    const us = await t.request('POST', '/v1/sessions', {
      key,
      body: {
        intent: 'buy',
        purchase_country: 'US',
        purchase_currency: 'USD',
        locale: 'en-US',
        order_amount: 1100,
        order_tax_amount: 100,
        order_lines: [
          { type: 'physical', name: 'Helmet', quantity: 1, unit_price: 1000, total_amount: 1000 },
          { type: 'sales_tax', name: 'Sales Tax', quantity: 1, unit_price: 100, total_amount: 100 },
        ],
      },
    });
    expect(us.status).toBe(201);
    const free = await t.request('POST', '/v1/sessions', { key, body: sessionBody(termsId) });
    expect(free.status).toBe(201);
    const log = await klarnaRequests(t);
    expect(log.filter((r) => r.path === '/payments/v1/sessions').map((r) => r.status)).toEqual([200, 200]);
  });

  it('versions terms per key and locale, hashes the content, and never changes a published version', async () => {
    const v1 = await t.request('POST', '/v1/terms', { key, body: termsBody({ key: 'ev' }) });
    const v2 = await t.request('POST', '/v1/terms', { key, body: termsBody({ key: 'ev', title: 'Second' }) });
    const de = await t.request('POST', '/v1/terms', { key, body: termsBody({ key: 'ev', locale: 'de-DE' }) });
    expect([v1.body.version, v2.body.version, de.body.version]).toEqual([1, 2, 1]);
    expect(v1.body).toMatchObject({ status: 'draft', id: expect.stringMatching(/^trm_/) });
    expect(v1.body.content_sha256).not.toBe(v2.body.content_sha256);

    const edited = await t.request('PATCH', `/v1/terms/${v1.body.id}`, { key, body: { title: 'Second' } });
    expect(edited.status).toBe(200);
    expect(edited.body.content_sha256).toBe(v2.body.content_sha256);
    const published = await t.request('POST', `/v1/terms/${v1.body.id}/publish`, { key });
    expect(published.body).toMatchObject({ status: 'published' });
    const refused = await t.request('PATCH', `/v1/terms/${v1.body.id}`, { key, body: { body: 'sneaky' } });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('TERMS_PUBLISHED');
    expect((await t.request('GET', `/v1/terms/${v1.body.id}`, { key })).body.body).toBe(termsBody().body);

    const draft = await t.request('POST', '/v1/sessions', { key, body: sessionBody(v2.body.id) });
    expect(draft.body.errors).toEqual([{ field: 'terms_id', message: expect.stringContaining('published') }]);

    const noInterval = await t.request('POST', '/v1/terms', {
      key,
      body: termsBody({ scope: { currency: 'SEK', max_order_amount: 100 } }),
    });
    expect(noInterval.body.errors).toEqual([{ field: 'scope.interval', message: expect.any(String) }]);
    const onDemand = await t.request('POST', '/v1/terms', {
      key,
      body: termsBody({ intended_use: 'ON_DEMAND', scope: { currency: 'SEK', max_order_amount: 100 } }),
    });
    expect(onDemand.status).toBe(201);

    const list = await t.request('GET', '/v1/terms?key=ev&limit=2', { key });
    expect(list.body.data).toHaveLength(2);
    expect(list.body.next_cursor).not.toBeNull();
  });

  it('validates consent evidence', async () => {
    const session = await t.request('POST', '/v1/sessions', { key, body: sessionBody(termsId) });
    const res = await t.request('POST', `/v1/sessions/${session.body.id}/consents`, {
      key,
      body: {
        terms_id: termsId,
        accepted: false,
        acceptance_text: 'ok',
        ip_address: '999.1.1.1',
        user_agent: 'x',
        channel: 'fax',
        locale: 'sv-SE',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'accepted',
      'channel',
      'ip_address',
    ]);
    const v6 = await t.request('POST', `/v1/sessions/${session.body.id}/consents`, {
      key,
      body: {
        terms_id: termsId,
        accepted: true,
        acceptance_text: 'ok',
        ip_address: '2001:db8::1',
        user_agent: 'x',
        channel: 'app',
        locale: 'sv-SE',
      },
    });
    expect(v6.status).toBe(201);
  });
});
