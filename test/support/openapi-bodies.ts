import { randomUUID } from 'node:crypto';
import { concretePath } from './routes';
import { publishedTerms } from '../support/signup';
import { createMerchant, startTestApp, type ApiResponse, type TestApp } from './test-app';

/** The parts of the running service's OpenAPI document (`GET /docs-json`) that the input tests walk. */
export interface Schema {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  additionalProperties?: unknown;
  /** A request field that takes `null` as a value of its own ("not set"). */
  nullable?: boolean;
}
export interface Parameter {
  name: string;
  in: string;
  schema?: Schema;
}
export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
export interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface BodyOperation {
  method: string;
  /** OpenAPI form: `/v1/sessions/{session_id}`. */
  path: string;
  schema: Schema;
}

export const openApiOf = async (t: TestApp): Promise<OpenApi> => (await t.request('GET', '/docs-json')).body;

/** A schema with its `$ref` (or `allOf: [{$ref}]`, as Swagger writes nested DTOs) followed. */
export function resolveSchema(doc: OpenApi, schema: Schema | undefined): Schema | undefined {
  if (!schema) return undefined;
  const ref = schema.$ref ?? schema.allOf?.find((s) => s.$ref)?.$ref;
  return ref ? doc.components.schemas[ref.split('/').pop()!] : schema;
}

/** Every operation of the document whose JSON body is an object with known properties. */
export function bodyOperations(doc: OpenApi): BodyOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).flatMap(([method, op]) => {
      const schema = resolveSchema(doc, op.requestBody?.content['application/json']?.schema);
      return schema?.properties ? [{ method: method.toUpperCase(), path, schema }] : [];
    }),
  );
}

/**
 * `{every field: leaf}`, or with `deep`, objects and arrays of objects filled the same way down to the leaves.
 * The JSON path of every leaf is pushed onto `leaves`, except a `null` leaf of a field the spec marks nullable
 * (sent too, but accepted: null is a value of that field).
 */
export function leafBody(
  doc: OpenApi,
  schema: Schema,
  leaf: unknown,
  deep: boolean,
  leaves: string[] = [],
  path = '',
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(schema.properties ?? {})) {
    const here = path ? `${path}.${name}` : name;
    const object = resolveSchema(doc, raw);
    const item = raw.type === 'array' ? resolveSchema(doc, raw.items) : undefined;
    if (deep && object?.properties) body[name] = leafBody(doc, object, leaf, deep, leaves, here);
    else if (deep && item?.properties) body[name] = [leafBody(doc, item, leaf, deep, leaves, `${here}[0]`)];
    else {
      body[name] = leaf;
      if (!(leaf === null && raw.nullable)) leaves.push(here);
    }
  }
  return body;
}

/** Sends `body` to an operation (unknown ids in the path, the admin key on /admin, else `merchantKey`). */
export function sendToOperation(
  t: TestApp,
  merchantKey: string,
  op: { method: string; path: string },
  body: unknown,
): Promise<ApiResponse> {
  return t.request(op.method, concretePath(op.path.replace(/\{(\w+)\}/g, ':$1')), {
    key: op.path.startsWith('/admin/') ? t.adminKey : merchantKey,
    body,
    headers: { 'idempotency-key': randomUUID() },
  });
}

export const fieldsOf = (res: ApiResponse): string[] =>
  (res.body?.errors ?? []).map((e: { field: string }) => e.field);

/** 400 VALIDATION_FAILED as problem+json, naming at least `expected`. */
export function expectFieldsNamed(res: ApiResponse, expected: string[]): void {
  expect(res.status).toBe(400);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.body.code).toBe('VALIDATION_FAILED');
  expect(fieldsOf(res)).toEqual(expect.arrayContaining(expected));
}

/** A service with the emulator, one merchant, a published terms version and the OpenAPI document. */
export interface InputStack {
  t: TestApp;
  merchant: { id: string; key: string };
  doc: OpenApi;
  termsId: string;
}

/** Starts an InputStack before the suite's tests and stops it after them; its fields are set in beforeAll. */
export function useInputStack(env: Record<string, string> = {}): InputStack {
  const stack = {} as InputStack;
  beforeAll(async () => {
    stack.t = await startTestApp({ emulator: true, env: { RATE_LIMIT_PER_MINUTE: '100000', ...env } });
    stack.merchant = await createMerchant(stack.t);
    stack.doc = await openApiOf(stack.t);
    stack.termsId = (await publishedTerms(stack.t, stack.merchant.key)).id;
  });
  afterAll(async () => {
    await stack.t.close();
  });
  return stack;
}

/**
 * Sends every operation with a JSON body its `leafBody` (every field, or with `deep` every nested leaf, set to
 * `leaf`) and expects 400 VALIDATION_FAILED naming every leaf (with `message`, when given, for each). Returns how
 * many fields were checked.
 */
export async function expectEveryFieldNamed(
  stack: InputStack,
  leaf: unknown,
  deep: boolean,
  message?: string,
): Promise<number> {
  let checked = 0;
  for (const op of bodyOperations(stack.doc)) {
    const leaves: string[] = [];
    const body = leafBody(stack.doc, op.schema, leaf, deep, leaves);
    const res = await sendToOperation(stack.t, stack.merchant.key, op, body);
    const route = `${op.method} ${op.path}`;
    expect({ route, status: res.status }).toEqual({ route, status: 400 });
    expectFieldsNamed(res, leaves);
    if (message)
      expect(res.body.errors.filter((e: { message: string }) => e.message !== message)).toEqual([]);
    checked += leaves.length;
  }
  return checked;
}
