/**
 * Contract checks against Klarna's own OpenAPI documents (test/contract/klarna-openapi/). Used by the emulator's
 * e2e tests on every response, and by the service's tests on every request its Klarna client sends.
 *
 * Operation ids: both documents name an operation `createOrder`, so every id is prefixed with its API:
 * `payments.<operationId>` for payments-v1.yml and `customerToken.<operationId>` for customer-token-v1.yml.
 *
 * Where Klarna's spec and our REFERENCE.md disagree, the spec wins, e.g. the token-order `order` response requires
 * `redirect_url` (the spec) although Klarna's prose example shows only `order_id` and `fraud_status`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { load } from 'js-yaml';

interface OpenApiOperation {
  operationId: string;
  requestBody?: { content?: Record<string, { schema?: object }> };
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, object> };
}

const DOCUMENTS = { payments: 'payments-v1.yml', customerToken: 'customer-token-v1.yml' } as const;

/**
 * Statuses the specs do not list but Klarna does answer (REFERENCE §1.2: 401 on bad credentials; §7.3: 500/503;
 * rate limiting: 429). Their bodies, like every error without a schema in the spec, must be Klarna's error shape.
 */
const UNDOCUMENTED_ERROR_STATUSES = ['401', '429', '500', '503'];
const ERROR_BODY_SCHEMA = {
  type: 'object',
  required: ['error_code', 'error_messages', 'correlation_id'],
  properties: {
    error_code: { type: 'string', minLength: 1 },
    error_messages: { type: 'array', items: { type: 'string' } },
    correlation_id: { type: 'string', minLength: 1 },
  },
};

interface Operation {
  document: string;
  pointer: string;
  operation: OpenApiOperation;
}

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
ajv.addFormat('int32', {
  type: 'number',
  validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31,
});

const operations = new Map<string, Operation>();
for (const [prefix, file] of Object.entries(DOCUMENTS)) {
  const doc = load(readFileSync(join(__dirname, 'klarna-openapi', file), 'utf8')) as OpenApiDocument;
  // Registered whole, so the documents' own `#/components/schemas/...` references resolve inside each one.
  ajv.addSchema({ $id: prefix, components: doc.components });
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const escaped = path.replace(/~/g, '~0').replace(/\//g, '~1');
      operations.set(`${prefix}.${operation.operationId}`, {
        document: prefix,
        pointer: `/paths/${escaped}/${method}`,
        operation,
      });
    }
  }
}

export const KLARNA_OPERATIONS: string[] = [...operations.keys()];

const compiled = new Map<string, ValidateFunction>();

/** Compiles a schema in the context of its document so that relative `$ref`s resolve. */
function validatorFor(document: string, schema: object, cacheKey: string): ValidateFunction {
  let validate = compiled.get(cacheKey);
  if (!validate) {
    const rewrite = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (node && typeof node === 'object') {
        return Object.fromEntries(
          Object.entries(node).map(([k, v]) => [
            k,
            k === '$ref' && typeof v === 'string' ? `${document}${v}` : rewrite(v),
          ]),
        );
      }
      return node;
    };
    validate = ajv.compile(rewrite(schema) as object);
    compiled.set(cacheKey, validate);
  }
  return validate;
}

function toPath(instancePath: string): string {
  return instancePath
    .split('/')
    .slice(1)
    .reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : acc ? `${acc}.${seg}` : seg), '');
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${toPath(e.instancePath) || '(body)'} ${e.message ?? 'is invalid'}`);
}

function lookup(operationId: string): Operation {
  const op = operations.get(operationId);
  if (!op)
    throw new Error(`Unknown Klarna operation "${operationId}"; known: ${KLARNA_OPERATIONS.join(', ')}`);
  return op;
}

function isEmpty(body: unknown): boolean {
  return body === undefined || body === null || body === '';
}

/** Problems with a Klarna response (status + parsed JSON body, or undefined/'' when empty); [] when valid. */
export function validateKlarnaResponse(operationId: string, status: number, body: unknown): string[] {
  const { document, operation } = lookup(operationId);
  const code = String(status);
  const response = operation.responses[code];
  if (!response && !UNDOCUMENTED_ERROR_STATUSES.includes(code)) {
    return [`status ${status} is not a documented response of ${operationId}`];
  }
  const schema = response?.content?.['application/json']?.schema;
  if (schema) {
    const validate = validatorFor(document, schema, `${operationId} ${code}`);
    return validate(body) ? [] : describe(validate.errors);
  }
  if (status >= 400) {
    const validate = validatorFor(document, ERROR_BODY_SCHEMA, 'error-body');
    return validate(body) ? [] : describe(validate.errors);
  }
  return isEmpty(body) ? [] : [`status ${status} of ${operationId} must have no body`];
}

/** Problems with a request body the client sends for an operation; [] when valid. */
export function validateKlarnaRequest(operationId: string, body: unknown): string[] {
  const { document, operation } = lookup(operationId);
  const schema = operation.requestBody?.content?.['application/json']?.schema;
  if (!schema) return isEmpty(body) ? [] : [`${operationId} takes no request body`];
  const validate = validatorFor(document, schema, `${operationId} request`);
  return validate(body) ? [] : describe(validate.errors);
}
