import { randomUUID } from 'node:crypto';
import {
  klarnaRequests,
  openSession,
  publishedTerms,
  sessionBody,
  FREE_LINE,
} from '../signup/signup-helpers';
import { concretePath } from '../support/routes';
import { createMerchant, startTestApp, type ApiResponse, type TestApp } from '../support/test-app';

// Issue #13 item 9: `null` for any request field answers 400 naming it (no request field of the spec is
// nullable). class-validator's @IsOptional() let null through optional fields into services (500) and to Klarna.

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
}
interface OpenApi {
  paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;
  components: { schemas: Record<string, Schema> };
}

const fields = (res: ApiResponse): string[] =>
  (res.body?.errors ?? []).map((e: { field: string }) => e.field);

function expectNamed(res: ApiResponse, expected: string[]): void {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('VALIDATION_FAILED');
  expect(fields(res)).toEqual(expect.arrayContaining(expected));
}

describe('null in request fields', () => {
  let t: TestApp;
  let merchant: { id: string; key: string };
  let doc: OpenApi;
  let termsId: string;

  const resolve = (schema: Schema | undefined): Schema | undefined => {
    if (!schema) return undefined;
    const ref = schema.$ref ?? schema.allOf?.find((s) => s.$ref)?.$ref;
    return ref ? doc.components.schemas[ref.split('/').pop()!] : schema;
  };

  /** `{every field: null}`, or with `deep`, objects and arrays of objects filled the same way down to the leaves. */
  function nullBody(
    schema: Schema,
    deep: boolean,
    path = '',
    leaves: string[] = [],
  ): Record<string, unknown> {
    const body: Record<string, unknown> = {};
    for (const [name, raw] of Object.entries(schema.properties ?? {})) {
      const here = path ? `${path}.${name}` : name;
      const object = resolve(raw);
      const item = raw.type === 'array' ? resolve(raw.items) : undefined;
      if (deep && object?.properties) body[name] = nullBody(object, deep, here, leaves);
      else if (deep && item?.properties) body[name] = [nullBody(item, deep, `${here}[0]`, leaves)];
      else {
        body[name] = null;
        leaves.push(here);
      }
    }
    return body;
  }

  const operations = () =>
    Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).flatMap(([method, op]) => {
        const schema = resolve(op.requestBody?.content['application/json']?.schema);
        return schema?.properties ? [{ method: method.toUpperCase(), path, schema }] : [];
      }),
    );

  const send = (method: string, path: string, body: unknown) =>
    t.request(method, concretePath(path.replace(/\{(\w+)\}/g, ':$1')), {
      key: path.startsWith('/admin/') ? t.adminKey : merchant.key,
      body,
      headers: { 'idempotency-key': randomUUID() },
    });

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    merchant = await createMerchant(t);
    doc = (await t.request('GET', '/docs-json')).body;
    termsId = (await publishedTerms(t, merchant.key)).id;
  });
  afterAll(async () => {
    await t.close();
  });

  /** Sends every operation its null body; every leaf must be named. Returns how many fields were checked. */
  async function checkEveryOperation(deep: boolean): Promise<number> {
    let checked = 0;
    for (const { method, path, schema } of operations()) {
      const leaves: string[] = [];
      const res = await send(method, path, nullBody(schema, deep, '', leaves));
      const route = `${method} ${path}`;
      expect({ route, status: res.status }).toEqual({ route, status: 400 });
      expectNamed(res, leaves);
      checked += leaves.length;
    }
    return checked;
  }

  it('every field of every request body, null, is named (read from the OpenAPI document at runtime)', async () => {
    expect(operations().length).toBeGreaterThanOrEqual(15);
    expect(await checkEveryOperation(false)).toBeGreaterThan(80);
  });

  it('every nested field (objects, array items) null is named by its path', async () => {
    expect(await checkEveryOperation(true)).toBeGreaterThan(150);
  });

  it("the issue's cases: sessions' merchant_customer_id and an order line's type, PATCH locale; Klarna sees nothing", async () => {
    const before = (await klarnaRequests(t)).length;
    expectNamed(
      await t.request('POST', '/v1/sessions', {
        key: merchant.key,
        body: sessionBody(termsId, 'tokenize', { merchant_customer_id: null }),
      }),
      ['merchant_customer_id'],
    );
    const typeless = await t.request('POST', '/v1/sessions', {
      key: merchant.key,
      body: sessionBody(termsId, 'tokenize', { order_lines: [{ ...FREE_LINE, type: null }] }),
    });
    expectNamed(typeless, ['order_lines[0].type']);
    expect(fields(typeless)).toEqual(['order_lines[0].type']);
    expect((await klarnaRequests(t)).length).toBe(before);

    const session = await openSession(t, merchant.key, sessionBody(termsId));
    const afterOpen = (await klarnaRequests(t)).length;
    expectNamed(
      await t.request('PATCH', `/v1/sessions/${session.id}`, { key: merchant.key, body: { locale: null } }),
      ['locale'],
    );
    expect((await klarnaRequests(t)).length).toBe(afterOpen);
    // Absent stays absent: the same PATCH without the field is fine.
    const ok = await t.request('PATCH', `/v1/sessions/${session.id}`, {
      key: merchant.key,
      body: { locale: 'sv-SE' },
    });
    expect(ok.status).toBe(200);
  });
});
