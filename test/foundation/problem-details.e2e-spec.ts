import { startTestApp, type TestApp } from '../support/test-app';

const PROBLEM_KEYS = ['code', 'detail', 'request_id', 'status', 'title', 'type'];

function expectProblem(
  res: { status: number; headers: Headers; body: any },
  status: number,
  code: string,
): void {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(Object.keys(res.body)).toEqual(expect.arrayContaining(PROBLEM_KEYS));
  expect(res.body).toMatchObject({ status, code });
  expect(res.body.request_id).toBe(res.headers.get('x-request-id'));
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/);
}

describe('problem details', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { BODY_LIMIT_BYTES: '2048', RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('malformed JSON → 400 MALFORMED_JSON and nothing created', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM merchants');
    const res = await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, rawBody: '{"name": "x",' });
    expectProblem(res, 400, 'MALFORMED_JSON');
    const after = await t.db.query('SELECT count(*)::int AS n FROM merchants');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('a body over the limit → 413', async () => {
    const res = await t.request('POST', '/admin/v1/merchants', {
      key: t.adminKey,
      body: { name: 'x'.repeat(5000) },
    });
    expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a wrong content type → 415', async () => {
    const res = await t.request('POST', '/admin/v1/merchants', {
      key: t.adminKey,
      rawBody: 'name=x',
      headers: { 'content-type': 'text/plain' },
    });
    expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('validation names every bad field at once, including unknown ones', async () => {
    const res = await t.request('POST', '/admin/v1/merchants/mer_00000000000000000000000000/api-keys', {
      key: t.adminKey,
      body: { name: 42, expires_at: 'tomorrow', colour: 'red' },
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['colour', 'expires_at', 'name']));
    expect(res.body.errors.find((e: { field: string }) => e.field === 'colour').message).toBe(
      'is not a known field',
    );
  });

  it('a value of the wrong type gets one clear message, not every rule it also fails', async () => {
    const res = await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, body: { name: 42 } });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors).toEqual([{ field: 'name', message: 'must be a string' }]);
    expect(res.body.detail).toBe('1 field failed validation.');
  });

  it('a missing body on a create → 400 naming the required field', async () => {
    const res = await t.request('POST', '/admin/v1/merchants', { key: t.adminKey });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('name');
  });

  it('unknown route → 404', async () => {
    const res = await t.request('GET', '/v1/nothing-here', { key: t.adminKey });
    expectProblem(res, 404, 'NOT_FOUND');
    expect(res.body.detail).toBe('No route for GET /v1/nothing-here.');
  });

  it('unknown id → 404', async () => {
    const res = await t.request('GET', '/admin/v1/merchants/mer_00000000000000000000000000', {
      key: t.auditorKey,
    });
    expectProblem(res, 404, 'NOT_FOUND');
  });

  it('missing and invalid keys → 401 with WWW-Authenticate', async () => {
    const none = await t.request('GET', '/admin/v1/merchants');
    expectProblem(none, 401, 'UNAUTHENTICATED');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
    expectProblem(
      await t.request('GET', '/admin/v1/merchants', { headers: { authorization: 'Basic abc' } }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('wrong role → 403', async () => {
    expectProblem(
      await t.request('POST', '/admin/v1/merchants', { key: t.auditorKey, body: { name: 'x' } }),
      403,
      'FORBIDDEN',
    );
  });

  it('bad pagination input → 400 naming the field', async () => {
    const res = await t.request('GET', '/admin/v1/merchants?limit=500&cursor=%%%', { key: t.auditorKey });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('limit');
    const cursor = await t.request('GET', '/admin/v1/merchants?cursor=bm9wZQ', { key: t.auditorKey });
    expectProblem(cursor, 400, 'VALIDATION_FAILED');
    expect(cursor.body.errors[0].field).toBe('cursor');
  });

  it('echoes a well-formed X-Request-Id and replaces a dangerous one', async () => {
    const good = await t.request('GET', '/v1/nothing', { headers: { 'x-request-id': 'trace-123' } });
    expect(good.body.request_id).toBe('trace-123');
    const bad = await t.request('GET', '/v1/nothing', { headers: { 'x-request-id': 'a b;c' } });
    expect(bad.body.request_id).toMatch(/^req_/);
  });
});

describe('rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 429 with Retry-After once a key exceeds its limit, and counts per key', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await t.request('GET', '/admin/v1/merchants', { key: t.adminKey })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await t.request('GET', '/admin/v1/merchants', { key: t.adminKey });
    expectProblem(limited, 429, 'RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await t.request('GET', '/admin/v1/merchants', { key: t.auditorKey })).status).toBe(200);
  });
});
