import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { klarnaAuthorize } from '../support/signup';
import { type ApiResponse, startTestApp, type TestApp } from '../support/test-app';

/*
 * Issue #17: partners integrate from the spec alone, so its examples must be true. (a) Every example in
 * openapi/openapi.json matches its schema: the request bodies' hand-written examples, the problem examples, and
 * the response examples Swagger UI builds from the properties' examples. (b) Every request example is accepted
 * by the running service in one real sign-up (a fresh merchant, the emulator as Klarna), with the ids the flow
 * creates in place of the examples' `<prefix>_01JD3X9R0S4V8W2Y6Z1A3B5C7D`.
 */

type Schema = Record<string, any>;
interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { summary?: string; value: unknown }>;
}
interface Operation {
  requestBody?: { content: Record<string, MediaType> };
  responses: Record<string, { content?: Record<string, MediaType> }>;
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

const doc = JSON.parse(readFileSync(join(__dirname, '../../openapi/openapi.json'), 'utf8')) as OpenApi;
const EXAMPLE_ID = /^([a-z]+)_01JD3X9R0S4V8W2Y6Z1A3B5C7D$/;

/** OpenAPI 3.0 to JSON Schema for ajv: `nullable` becomes "or null", references point into the document. */
function jsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(jsonSchema);
  if (!node || typeof node !== 'object') return node;
  const { nullable, example: _example, ...rest } = node as Schema;
  const out = Object.fromEntries(
    Object.entries(rest).map(([k, v]) => [
      k,
      k === '$ref' && typeof v === 'string' ? `spec${v}` : k === 'properties' ? mapValues(v, jsonSchema) : jsonSchema(v),
    ]),
  );
  return nullable ? { anyOf: [{ type: 'null' }, out] } : out;
}
const mapValues = (o: Record<string, unknown>, f: (v: unknown) => unknown) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ $id: 'spec', components: { schemas: mapValues(doc.components.schemas, jsonSchema) } });
const compiled = new Map<string, ValidateFunction>();
function validator(schema: Schema): ValidateFunction {
  const key = JSON.stringify(schema);
  if (!compiled.has(key)) compiled.set(key, ajv.compile(jsonSchema(schema) as object));
  return compiled.get(key)!;
}
const errorsOf = (schema: Schema, value: unknown): string[] => {
  const validate = validator(schema);
  return validate(value)
    ? []
    : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || '(root)'} ${e.message}`);
};

const resolve = (schema: Schema): Schema =>
  schema.$ref ? doc.components.schemas[(schema.$ref as string).split('/').pop()!] : schema;

/** The example Swagger UI shows for a schema without one of its own (its sampler's rules). */
function sample(raw: Schema): unknown {
  const schema = resolve(raw);
  if ('example' in schema) return schema.example;
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map(sample));
  if (schema.anyOf ?? schema.oneOf) return sample((schema.anyOf ?? schema.oneOf)[0]);
  if (schema.enum) return schema.enum[0];
  if ('default' in schema) return schema.default;
  if (schema.type === 'array') return [sample(schema.items ?? {})];
  if (schema.type === 'object' || schema.properties) {
    const value = mapValues(schema.properties ?? {}, (p) => sample(p as Schema));
    if (schema.additionalProperties && typeof schema.additionalProperties === 'object')
      value.additionalProp1 = sample(schema.additionalProperties);
    return value;
  }
  if (schema.type === 'integer' || schema.type === 'number') return schema.minimum ?? 0;
  if (schema.type === 'boolean') return true;
  const formats: Record<string, string> = {
    'date-time': '2026-03-01T09:00:00.000Z',
    date: '2026-03-01',
    uri: 'https://example.com/',
    email: 'user@example.com',
    uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
  };
  return formats[schema.format as string] ?? 'string';
}

interface Example {
  where: string;
  schema: Schema;
  value: unknown;
}

function operations(): { key: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );
}

function mediaExamples(where: string, media: MediaType): Example[] {
  if (!media.schema) return [];
  const named = Object.entries(media.examples ?? {}).map(([name, ex]) => ({
    where: `${where} examples.${name}`,
    schema: media.schema!,
    value: ex.value,
  }));
  const single = 'example' in media ? [{ where: `${where} example`, schema: media.schema, value: media.example }] : [];
  return [...named, ...single];
}

/** Every explicit example, and the one Swagger UI builds for each JSON response without one. */
function allExamples(): Example[] {
  return operations().flatMap(({ key, op }) => [
    ...Object.entries(op.requestBody?.content ?? {}).flatMap(([type, media]) =>
      mediaExamples(`${key} request ${type}`, media),
    ),
    ...Object.entries(op.responses).flatMap(([status, response]) =>
      Object.entries(response.content ?? {}).flatMap(([type, media]) => {
        const explicit = mediaExamples(`${key} ${status} ${type}`, media);
        if (explicit.length || !media.schema || !type.includes('json')) return explicit;
        return [{ where: `${key} ${status} ${type} (built)`, schema: media.schema, value: sample(media.schema) }];
      }),
    ),
  ]);
}

const bodyOperations = () => operations().filter(({ op }) => op.requestBody);

describe('OpenAPI examples match their schemas', () => {
  it('every operation with a body has hand-written request examples', () => {
    const missing = bodyOperations()
      .filter(({ op }) => !Object.values(op.requestBody!.content).some((m) => Object.keys(m.examples ?? {}).length))
      .map(({ key }) => key);
    expect(bodyOperations().length).toBeGreaterThanOrEqual(18);
    expect(missing).toEqual([]);
  });

  it('every request and response example is valid against its schema', () => {
    const examples = allExamples();
    const invalid = examples
      .map((e) => ({ where: e.where, errors: errorsOf(e.schema, e.value) }))
      .filter((e) => e.errors.length);
    expect(examples.length).toBeGreaterThan(200);
    expect(invalid).toEqual([]);
  });

  it('the states in the built response examples agree with each other (no accepted order with an error code)', () => {
    const built = (name: string) => sample({ $ref: `#/components/schemas/${name}` }) as Record<string, any>;
    const [order, token, sub, cycle] = ['OrderDto', 'CustomerTokenDto', 'SubscriptionResponseDto', 'SubscriptionCycleDto'].map(built);
    expect({
      order: [order.status, order.error_code, order.purchase_currency],
      token: [token.status, token.canceled_at, token.purchase_currency, token.scope.interval],
      subscription: [sub.status, sub.status_reason, sub.canceled_at, sub.interval, sub.order.purchase_currency],
      cycle: [cycle.status, cycle.last_error, cycle.next_attempt_at],
    }).toEqual({
      order: ['accepted', null, 'EUR'],
      token: ['active', null, 'EUR', 'MONTH'],
      subscription: ['active', null, null, 'MONTH', 'EUR'],
      cycle: ['succeeded', null, null],
    });
  });

  it('spells cancel one way: canceled (issue #17)', () => {
    const text = readFileSync(join(__dirname, '../../openapi/openapi.json'), 'utf8');
    expect(text.match(/cancell(ed|ing)/gi) ?? []).toEqual([]);
    expect(text).toContain('customer_token.canceled');
    expect(text).toContain('token_canceled');
  });

  it('the checks above catch a wrong example', () => {
    const session = bodyOperations().find(({ key }) => key === 'POST /v1/sessions')!;
    const schema = session.op.requestBody!.content['application/json'].schema!;
    const { tokenize } = session.op.requestBody!.content['application/json'].examples!;
    expect(errorsOf(schema, tokenize.value)).toEqual([]);
    expect(errorsOf(schema, { ...(tokenize.value as object), order_amount: '0', purchase_country: 'Germany' })).toEqual(
      ['/order_amount must be integer', '/purchase_country must match pattern "^[A-Za-z]{2}$"'],
    );
  });
});

describe('OpenAPI request examples work in a real sign-up', () => {
  let t: TestApp;
  /** Ids the flow created, by prefix (`mer`, `trm`, `ses`, …), and what else the examples refer to. */
  const ids: Record<string, string> = {};
  let merchantKey = '';
  let klarnaSessionId = '';
  let authorizationToken = '';
  const sent = new Set<string>();

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  });
  afterAll(async () => {
    await t.close();
  });

  /**
   * The example with the flow's ids in place of the example's, and what differs on this machine: the emulator's
   * credentials, the webhook receiver's address.
   */
  function substitute(value: unknown, field = ''): unknown {
    if (Array.isArray(value)) return value.map((v) => substitute(v));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, k)]));
    if (typeof value !== 'string') return value;
    const id = EXAMPLE_ID.exec(value);
    if (id) {
      if (!ids[id[1]]) throw new Error(`the flow has no ${id[1]}_ id yet for ${value}`);
      return ids[id[1]];
    }
    if (field === 'authorization_token') return authorizationToken;
    // The partner's own webhook receiver: this machine resolves no public names, so one the service may call here.
    if (field === 'url') return 'http://127.0.0.1:9/hooks/autopay';
    if (field === 'username') return t.emulator!.username;
    if (field === 'password') return t.emulator!.password;
    return value;
  }

  const PATH_IDS: Record<string, () => string> = {
    merchant_id: () => ids.mer,
    terms_id: () => ids.trm,
    session_id: () => ids.ses,
    customer_token_id: () => ids.ctok,
    event_id: () => ids.evt,
    merchant_customer_id: () => 'cust-4711',
    order_id: () => ids.order,
    test_clock_id: () => ids.clk,
  };

  /** Sends each example of an operation; expects 2xx and a body its schema allows; returns the answers by name. */
  async function sendExamples(method: string, path: string): Promise<Record<string, ApiResponse>> {
    const key = `${method} ${path}`;
    const op = doc.paths[path]?.[method.toLowerCase()];
    if (!op?.requestBody) throw new Error(`${key}: no such operation with a body in the spec`);
    const examples = op.requestBody.content['application/json'].examples ?? {};
    const concrete = path.replace(/\{(\w+)\}/g, (_, name: string) => PATH_IDS[name]());
    const answers: Record<string, ApiResponse> = {};
    for (const [name, example] of Object.entries(examples)) {
      const res = await t.request(method, concrete, {
        key: path.startsWith('/admin/') ? t.adminKey : merchantKey,
        body: substitute(example.value),
        headers: { 'idempotency-key': randomUUID() },
      });
      const where = `${key} examples.${name}`;
      const ok = res.status >= 200 && res.status < 300;
      expect({ where, ok, answer: ok ? null : { status: res.status, body: res.body } }).toEqual({
        where,
        ok: true,
        answer: null,
      });
      const schema = op.responses[String(res.status)]?.content?.['application/json']?.schema;
      if (schema) expect({ where, errors: errorsOf(schema, res.body) }).toEqual({ where, errors: [] });
      answers[name] = res;
    }
    sent.add(key);
    return answers;
  }

  it('sends every request example, in the order a merchant would, and each is accepted', async () => {
    ids.mer = (await sendExamples('POST', '/admin/v1/merchants')).merchant.body.id;
    await sendExamples('PUT', '/admin/v1/merchants/{merchant_id}/klarna-credentials');
    merchantKey = (await sendExamples('POST', '/admin/v1/merchants/{merchant_id}/api-keys')).merchant.body.key;
    await sendExamples('POST', '/admin/v1/api-keys');

    await sendExamples('PUT', '/v1/merchant/portal-settings');
    await sendExamples('PUT', '/v1/merchant/dunning-policy');
    ids.whe = (await sendExamples('POST', '/v1/webhook-endpoints')).tokens_and_orders.body.id;

    ids.trm = (await sendExamples('POST', '/v1/terms')).subscription.body.id;
    await sendExamples('PATCH', '/v1/terms/{terms_id}');
    expect((await t.request('POST', `/v1/terms/${ids.trm}/publish`, { key: merchantKey })).status).toBe(200);

    const session = (await sendExamples('POST', '/v1/sessions')).tokenize.body;
    ids.ses = session.id;
    klarnaSessionId = session.klarna_session_id;
    await sendExamples('PATCH', '/v1/sessions/{session_id}');
    await sendExamples('POST', '/v1/sessions/{session_id}/consents');
    authorizationToken = (await klarnaAuthorize(t, klarnaSessionId)).authorization_token!;
    await sendExamples('POST', '/v1/sessions/{session_id}/authorizations');
    ids.ctok = (await sendExamples('POST', '/v1/customer-tokens')).session.body.id;

    const charge = (await sendExamples('POST', '/v1/customer-tokens/{customer_token_id}/orders')).charge;
    // Captures need an order left authorized: the example charge, placed again with auto_capture false.
    const chargeExample = doc.paths['/v1/customer-tokens/{customer_token_id}/orders'].post.requestBody!.content[
      'application/json'
    ].examples!.charge.value as Record<string, unknown>;
    const authorized = await t.request('POST', `/v1/customer-tokens/${ids.ctok}/orders`, {
      key: merchantKey,
      body: { ...chargeExample, auto_capture: false },
      headers: { 'idempotency-key': randomUUID() },
    });
    expect([charge.status, authorized.status]).toEqual([201, 201]);
    ids.order = authorized.body.id;
    await sendExamples('POST', '/v1/orders/{order_id}/captures');
    await sendExamples('POST', '/v1/orders/{order_id}/refunds');
    await sendExamples('POST', '/admin/v1/orders/{order_id}/refunds');
    await sendExamples('POST', '/v1/customer-tokens/{customer_token_id}/subscriptions');
    await sendExamples('POST', '/v1/customers/{merchant_customer_id}/portal-sessions');
    ids.clk = (await sendExamples('POST', '/v1/test-clocks')).renewals.body.id;
    await sendExamples('POST', '/v1/test-clocks/{test_clock_id}/advance');

    const events = await t.request('GET', '/v1/events?type=customer_token.created', { key: merchantKey });
    ids.evt = events.body.data[0].id;
    await sendExamples('POST', '/v1/events/{event_id}/redeliver');

    expect([...sent].sort()).toEqual(bodyOperations().map(({ key }) => key).sort());
  });
});

