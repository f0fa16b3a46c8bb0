import type {
  OpenAPIObject,
  OperationObject,
  ParameterObject,
  ReferenceObject,
  ResponseObject,
} from '@nestjs/swagger';

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const PROBLEM_REF = '#/components/schemas/ProblemDto';
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The code each status answers with unless the response's description names a more specific one. */
const DEFAULT_CODES: Record<number, [code: string, title: string, detail: string]> = {
  400: ['VALIDATION_FAILED', 'Bad Request', '1 field failed validation.'],
  401: ['UNAUTHENTICATED', 'Unauthorized', 'Missing, unknown, expired or revoked API key.'],
  403: ['FORBIDDEN', 'Forbidden', 'This API key may not call this route.'],
  404: ['NOT_FOUND', 'Not Found', 'The resource was not found.'],
  409: ['CONFLICT', 'Conflict', 'The resource is not in a state that allows this.'],
  422: ['UNPROCESSABLE_ENTITY', 'Unprocessable Entity', 'The request cannot be carried out.'],
  429: ['RATE_LIMITED', 'Too Many Requests', 'Rate limit exceeded; retry after the Retry-After seconds.'],
  502: ['KLARNA_ERROR', 'Bad Gateway', 'Klarna answered with an error.'],
  503: ['SERVICE_UNAVAILABLE', 'Service Unavailable', 'A dependency is down.'],
  504: ['KLARNA_OUTCOME_UNKNOWN', 'Gateway Timeout', 'Klarna did not answer in time.'],
};

const isRef = (value: unknown): value is ReferenceObject =>
  typeof value === 'object' && value !== null && '$ref' in value;

function problemExample(status: number, description: string | undefined): Record<string, unknown> {
  const [fallbackCode, title, detail] = DEFAULT_CODES[status] ?? ['ERROR', 'Error', 'The request failed.'];
  const code = /`([A-Z][A-Z0-9_]+)`/.exec(description ?? '')?.[1] ?? fallbackCode;
  return {
    type: `/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status,
    detail,
    code,
    ...(code === 'VALIDATION_FAILED'
      ? { errors: [{ field: 'order_lines[0].total_tax_amount', message: 'must be an integer number' }] }
      : {}),
    request_id: 'req_01JD3X9R0S4V8W2Y6Z1A3B5C7D',
  };
}

/** Validation runs on every request body and query string, so each such operation can answer 400. */
function mayFailValidation(operation: OperationObject): boolean {
  const params = (operation.parameters ?? []).filter((p): p is ParameterObject => !isRef(p));
  return operation.requestBody !== undefined || params.some((p) => p.in === 'query');
}

/**
 * Makes every error response in the spec say what the service really sends: RFC 9457 problem details as
 * `application/problem+json` (Nest's decorators can only say application/json), with an example whose `code`
 * is the one the response's description names; and documents the 400 that validation gives to every operation
 * with a body or query parameters. One place, so that every controller (present and future) is covered.
 */
export function documentProblemResponses(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      if (!operation.responses['400'] && mayFailValidation(operation)) {
        operation.responses['400'] = {
          description:
            '`VALIDATION_FAILED` (every bad field), `MALFORMED_JSON`, or `JSON_TOO_DEEP` (nested deeper than 32 levels).',
          content: { 'application/json': { schema: { $ref: PROBLEM_REF } } },
        };
      }
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400 || isRef(response)) continue;
        const content = (response as ResponseObject).content;
        const json = content?.['application/json'];
        if (!json || !isRef(json.schema) || json.schema.$ref !== PROBLEM_REF) continue;
        const { description } = response as ResponseObject;
        // Rebuilt whole: a decorator merged over another (terminus' 503) can leave a stray Swagger 2 `schema`.
        operation.responses[status] = {
          description,
          content: {
            [PROBLEM_MEDIA_TYPE]: { schema: json.schema, example: problemExample(Number(status), description) },
          },
        };
      }
    }
  }
  return document;
}
