import { klarnaRequests, sessionBody } from '../support/signup';
import { expectFieldsNamed, fieldsOf, useInputStack, expectEveryFieldNamed } from '../support/openapi-bodies';
import { declaredRoutes } from '../support/routes';
import type { ApiResponse } from '../support/test-app';

// Issue #13 item 7: NUL or an unpaired surrogate in any JSON string answers 400 naming the field; `%00` in a path
// id or a query parameter answers 400 or 404. They used to fail at the INSERT (500), after side effects.
const MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';
const BAD_STRINGS: Record<string, string> = {
  NUL: 'a\u0000b',
  'lone high surrogate': 'a\ud800b',
  'lone low surrogate': '\udc00',
  'surrogates in the wrong order': '\udc00\ud800',
};

function expectProblem(res: ApiResponse, statuses: number[], route: string): void {
  expect({ route, status: res.status, expected: statuses.includes(res.status) }).toMatchObject({
    route,
    expected: true,
  });
  expect({ route, type: res.headers.get('content-type') }).toEqual({
    route,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
}

describe('NUL and unpaired surrogates', () => {
  const stack = useInputStack();
  const keyFor = (path: string) => (path.startsWith('/admin/') ? stack.t.adminKey : stack.merchant.key);

  it.each(Object.entries(BAD_STRINGS))(
    '%s in every field of every request body (nested ones too) is named',
    async (_kind, bad) => {
      expect(await expectEveryFieldNamed(stack, bad, true, MESSAGE)).toBeGreaterThan(150);
    },
  );

  it('in object keys and array items too', async () => {
    const res = await stack.t.request('POST', '/v1/sessions', {
      key: stack.merchant.key,
      body: sessionBody(stack.termsId, 'tokenize', {
        extra_merchant_data: { 'a\u0000': 'x', list: ['ok', 'b\ud800'] },
      }),
    });
    expectFieldsNamed(res, []);
    expect(fieldsOf(res).sort()).toEqual(['extra_merchant_data.a\ufffd', 'extra_merchant_data.list[1]']);
  });

  it('POST /v1/sessions refuses before Klarna: no Klarna session, no row', async () => {
    const before = (await klarnaRequests(stack.t)).length;
    const rows = async () =>
      (await stack.t.db.query('SELECT count(*)::int AS n FROM sessions')).rows[0].n as number;
    const sessionsBefore = await rows();
    for (const [field, value] of [
      ['merchant_reference1', 'order\u0000'],
      ['merchant_customer_id', 'cust-\ud83d'],
    ]) {
      const res = await stack.t.request('POST', '/v1/sessions', {
        key: stack.merchant.key,
        body: sessionBody(stack.termsId, 'tokenize', { [field]: value }),
      });
      expectFieldsNamed(res, [field]);
      expect(fieldsOf(res)).toEqual([field]);
    }
    expect((await klarnaRequests(stack.t)).length).toBe(before);
    expect(await rows()).toBe(sessionsBefore);
    // A well-formed pair (an emoji) is fine.
    const ok = await stack.t.request('POST', '/v1/sessions', {
      key: stack.merchant.key,
      body: sessionBody(stack.termsId, 'tokenize', { merchant_reference1: 'order 🚲' }),
    });
    expect(ok.status).toBe(201);
  });

  it('%00 in every path parameter of every route answers 400 or 404 (read from the router at runtime)', async () => {
    const routes = declaredRoutes(stack.t.app).filter((r) => r.path.includes(':'));
    expect(routes.length).toBeGreaterThan(25);
    for (const route of routes) {
      for (const id of ['%00', 'ses_%00x', '%ED%A0%80']) {
        const path = route.path.replace(/:([a-z_]+)/g, id);
        const res = await stack.t.request(route.method, path, {
          key: keyFor(route.path),
          headers: { 'idempotency-key': 'k' },
        });
        expectProblem(res, [400, 404], `${route.method} ${path}`);
      }
    }
    // Not UTF-8 once decoded: refused by the router, answered as problem details all the same.
    const undecodable = await stack.t.request('GET', '/v1/sessions/%ED%A0%80', { key: stack.merchant.key });
    expect(undecodable.body).toMatchObject({ status: 400, code: 'MALFORMED_URL' });
    expect(undecodable.body.request_id).toBe(undecodable.headers.get('x-request-id'));
  });

  it('%00 in every query parameter of every operation answers 400 naming it', async () => {
    let checked = 0;
    for (const [path, item] of Object.entries(stack.doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const param of (op.parameters ?? []).filter((p) => p.in === 'query')) {
          const url = `${path.replace(/\{\w+\}/g, 'x_00000000000000000000000000')}?${param.name}=a%00b`;
          const res = await stack.t.request(method.toUpperCase(), url, {
            key: keyFor(path),
            headers: { 'idempotency-key': 'k' },
          });
          expectProblem(res, [400], `${method} ${url}`);
          expect(res.body.errors).toEqual([{ field: param.name, message: MESSAGE }]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
