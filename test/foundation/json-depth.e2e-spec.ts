import { createMerchant, startTestApp, type ApiResponse, type TestApp } from '../support/test-app';

// Issue #13 item 8: deeply nested JSON answers 400 at parse time, before authentication and validation.
const nested = (levels: number, inner = '0'): string => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;

function expectTooDeep(res: ApiResponse): void {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 400, code: 'JSON_TOO_DEEP', type: '/problems/json-too-deep' });
  expect(res.body.detail).toMatch(/32 levels/);
}

describe('JSON nesting depth', () => {
  let t: TestApp;
  let key: string;
  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: String(2 * 1024 * 1024) } });
    key = (await createMerchant(t)).key;
  });
  afterAll(async () => {
    await t.close();
  });

  it('5000 levels answer 400 JSON_TOO_DEEP with a key (was 500: stack overflow in validation)', async () => {
    expectTooDeep(await t.request('POST', '/v1/sessions', { key, rawBody: `{"deep":${nested(5000)}}` }));
  });

  it('refuses before authentication: no key, a 1 MB nested body, ten at once', async () => {
    const levels = 512 * 1024 - 8;
    const rawBody = `{"deep":${nested(levels, '')}}`;
    expect(rawBody.length).toBeGreaterThan(1_000_000);
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => t.request('POST', '/v1/sessions', { rawBody })),
    );
    answers.forEach(expectTooDeep);
    // The service is still there.
    expect((await t.request('GET', '/health')).status).toBe(200);
  });

  it('counts levels: 32 pass the parser, 33 do not; brackets inside strings do not count', async () => {
    // 1 (the body object) + 31 arrays = 32 levels: parsed, then refused by validation for its own reasons.
    const at = await t.request('POST', '/v1/sessions', {
      key,
      rawBody: `{"extra_merchant_data":{"x":${nested(30)}}}`,
    });
    expect(at.status).toBe(400);
    expect(at.body.code).toBe('VALIDATION_FAILED');
    expectTooDeep(
      await t.request('POST', '/v1/sessions', {
        key,
        rawBody: `{"extra_merchant_data":{"x":${nested(31)}}}`,
      }),
    );
    const name = `[{"\\"${'['.repeat(100)}`;
    const created = await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, body: { name } });
    expect(created.status).toBe(201);
    expect(created.body.name).toBe(name);
  });

  it('applies to +json media types too, and keeps the body limit and the prototype-key refusal', async () => {
    expectTooDeep(
      await t.request('POST', '/v1/sessions', {
        key,
        rawBody: `{"deep":${nested(100)}}`,
        headers: { 'content-type': 'application/merge-patch+json; charset=utf-8' },
      }),
    );
    const big = await t.request('POST', '/v1/sessions', {
      key,
      rawBody: `{"deep":"${'x'.repeat(3 * 1024 * 1024)}"}`,
    });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const proto = await t.request('POST', '/admin/v1/merchants', {
      key: t.adminKey,
      rawBody: '{"name":"x","__proto__":{"admin":true}}',
    });
    expect(proto.status).toBe(400);
    expect(proto.body).toMatchObject({
      code: 'MALFORMED_JSON',
      detail: 'The request body has a "__proto__" or "constructor.prototype" key; such keys are refused.',
    });
    const constructorKey = await t.request('POST', '/admin/v1/merchants', {
      key: t.adminKey,
      rawBody: '{"name":"x","constructor":{"prototype":{"admin":true}}}',
    });
    expect(constructorKey.status).toBe(400);
    expect(constructorKey.body.detail).toContain('"constructor.prototype" key');
    const broken = await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, rawBody: '{"name":' });
    expect(broken.body).toMatchObject({
      code: 'MALFORMED_JSON',
      detail: 'The request body is not valid JSON.',
    });
    const { rows } = await t.db.query(`select count(*)::int as n from merchants where name = 'x'`);
    expect(rows[0].n).toBe(0);
  });
});
