import type { Duplex } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { newId } from '../ids';
import { problemBody } from '../errors/problem-details.filter';
import { type FieldError, ProblemException, validationProblem } from '../errors/problem.exception';

/** NUL, or a UTF-16 surrogate without its pair: PostgreSQL stores neither (in text or jsonb), Klarna wants neither. */
const ILL_FORMED = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ILL_FORMED_ALL = new RegExp(ILL_FORMED.source, 'g');

export const ILL_FORMED_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/** A path segment as the problem's `field` names it; a bad key itself is shown with U+FFFD in its place. */
function pathOf(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  const name = key.replace(ILL_FORMED_ALL, '\uFFFD');
  return parent ? `${parent}.${name}` : name;
}

/** Every string (value or object key) in `value` that is ill-formed, by JSON path. Depth is bounded by the parser. */
export function illFormedStrings(value: unknown, path = '', found: FieldError[] = []): FieldError[] {
  if (typeof value === 'string') {
    if (ILL_FORMED.test(value)) found.push({ field: path || 'body', message: ILL_FORMED_MESSAGE });
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => illFormedStrings(item, pathOf(path, i), found));
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const here = pathOf(path, key);
      if (ILL_FORMED.test(key)) found.push({ field: here, message: ILL_FORMED_MESSAGE });
      illFormedStrings(item, here, found);
    }
  }
  return found;
}

/**
 * Refuses NUL and unpaired surrogates in the body, path parameters and query of every request with 400
 * VALIDATION_FAILED naming each field, before any handler runs: they failed only at the INSERT (500), after
 * side effects such as creating the Klarna session.
 */
export function installWellFormedStrings(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => {
    const errors = [
      ...illFormedStrings(request.params),
      ...illFormedStrings(request.query),
      ...illFormedStrings(request.body),
    ];
    if (errors.length > 0) throw validationProblem(errors);
  });
}

/**
 * Fastify's `frameworkErrors`: a URL whose percent-encoding is not UTF-8 (`%ED%A0%80`, an encoded surrogate) is
 * refused by the router before any hook or filter, and Fastify's own answer is plain JSON. Answer it as problem
 * details like everything else.
 */
export function answerFrameworkError(
  error: { code?: string; statusCode?: number },
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const badUrl = error.code === 'FST_ERR_BAD_URL';
  const problem = new ProblemException(
    badUrl
      ? {
          status: 400,
          code: 'MALFORMED_URL',
          title: 'Bad Request',
          detail: 'The URL is not percent-encoded UTF-8.',
        }
      : {
          status: 500,
          code: 'INTERNAL_ERROR',
          title: 'Internal Server Error',
          detail: 'An unexpected error occurred.',
        },
  );
  void reply
    .status(problem.getStatus())
    .header('Content-Type', 'application/problem+json')
    .header('X-Request-Id', request.id)
    .send(problemBody(problem, String(request.id)));
}

const CLIENT_ERRORS: Record<string, [status: number, code: string, title: string, detail: string]> = {
  HPE_HEADER_OVERFLOW: [
    431,
    'HEADERS_TOO_LARGE',
    'Request Header Fields Too Large',
    'The request line and headers are larger than the service accepts (16 KB); send long values in the body.',
  ],
  ERR_HTTP_REQUEST_TIMEOUT: [
    408,
    'REQUEST_TIMEOUT',
    'Request Timeout',
    'The request took too long to arrive.',
  ],
};

/**
 * Fastify's `clientErrorHandler`: requests Node's HTTP parser refuses (a URL or headers over 16 KB, garbage) never
 * reach Fastify; its default answer is plain JSON. Answer them as problem details (with a fresh request id).
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, title, detail] = CLIENT_ERRORS[error.code ?? ''] ?? [
    400,
    'BAD_REQUEST',
    'Bad Request',
    'The request is not valid HTTP.',
  ];
  const requestId = newId('req');
  const body = JSON.stringify(problemBody(new ProblemException({ status, code, title, detail }), requestId));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ` +
        `${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
