import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../database/errors';
import type { ProblemDto } from './problem.dto';
import { ProblemException } from './problem.exception';

const CODES: Record<number, [code: string, title: string]> = {
  400: ['BAD_REQUEST', 'Bad Request'],
  401: ['UNAUTHENTICATED', 'Unauthorized'],
  403: ['FORBIDDEN', 'Forbidden'],
  404: ['NOT_FOUND', 'Not Found'],
  405: ['METHOD_NOT_ALLOWED', 'Method Not Allowed'],
  406: ['NOT_ACCEPTABLE', 'Not Acceptable'],
  409: ['CONFLICT', 'Conflict'],
  413: ['PAYLOAD_TOO_LARGE', 'Payload Too Large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported Media Type'],
  422: ['UNPROCESSABLE_ENTITY', 'Unprocessable Entity'],
  429: ['RATE_LIMITED', 'Too Many Requests'],
  500: ['INTERNAL_ERROR', 'Internal Server Error'],
  502: ['BAD_GATEWAY', 'Bad Gateway'],
  503: ['SERVICE_UNAVAILABLE', 'Service Unavailable'],
  504: ['GATEWAY_TIMEOUT', 'Gateway Timeout'],
};

/** Fastify's own errors (body parsing, limits) that reach the filter with a client status. */
const FASTIFY_DETAILS: Record<string, [code: string, detail: string]> = {
  FST_ERR_CTP_INVALID_JSON: ['MALFORMED_JSON', 'The request body is not valid JSON.'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [
    'MALFORMED_JSON',
    'The request body is empty but Content-Type is application/json.',
  ],
  FST_ERR_CTP_BODY_TOO_LARGE: ['PAYLOAD_TOO_LARGE', 'The request body is larger than the service accepts.'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    'UNSUPPORTED_MEDIA_TYPE',
    'Send JSON with Content-Type: application/json.',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['BAD_REQUEST', 'Content-Length does not match the body.'],
};

/** Seconds a client is asked to wait while the database cannot be reached. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

const kebab = (code: string): string => code.toLowerCase().replace(/_/g, '-');

/**
 * The problem details of a ProblemException, exactly as the filter sends them (also for answers that are
 * rendered ahead of time and stored, e.g. idempotent replays).
 */
export function problemBody(exception: ProblemException, requestId: string): ProblemDto {
  return {
    type: `/problems/${kebab(exception.code)}`,
    title: exception.title,
    status: exception.getStatus(),
    detail: exception.detail ?? exception.title,
    code: exception.code,
    ...(exception.errors ? { errors: exception.errors } : {}),
    request_id: requestId,
    ...(exception.upstream ? { upstream: exception.upstream } : {}),
  };
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message?: string;
}

/** Turns every error into RFC 9457 problem details. Unexpected errors are logged and answered generically. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(error: unknown, host: ArgumentsHost): void {
    const exception = isDatabaseUnavailable(error) ? this.databaseUnavailable(error) : error;
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const body = this.toProblem(exception, request);
    if (exception instanceof ProblemException && exception.headers) {
      for (const [name, value] of Object.entries(exception.headers)) void reply.header(name, value);
    }
    if (body.status === 401) void reply.header('WWW-Authenticate', 'Bearer');
    void reply.status(body.status).header('Content-Type', 'application/problem+json').send(body);
  }

  /** A lost or unobtainable connection is an outage, not a bug: 503 with a retry hint, logged as a warning. */
  private databaseUnavailable(error: unknown): ProblemException {
    const { name, code } = error as Error & { code?: unknown };
    this.logger.warn({ error: name, code }, 'database unavailable');
    return new ProblemException({
      status: 503,
      code: 'DATABASE_UNAVAILABLE',
      title: 'Service Unavailable',
      detail: `The database cannot be reached; retry after ${DATABASE_RETRY_AFTER_SECONDS} seconds.`,
      headers: { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) },
    });
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDto {
    const requestId = String(request.id);
    if (exception instanceof ProblemException) return problemBody(exception, requestId);
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      // Nest re-wraps Fastify's body-parser errors as plain HttpExceptions; recognise the malformed-JSON ones.
      if (status === 400 && /valid JSON|empty but content-type/i.test(exception.message)) {
        const [code, detail] = FASTIFY_DETAILS.FST_ERR_CTP_INVALID_JSON;
        return {
          type: `/problems/${kebab(code)}`,
          title: 'Bad Request',
          status,
          detail,
          code,
          request_id: requestId,
        };
      }
      const [code, title] = CODES[status] ?? [status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST', 'Error'];
      if (status >= 500) this.logger.error({ err: exception, request_id: requestId }, 'request failed');
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String(response.message)
          : exception.message;
      const detail =
        status === 404 && code === 'NOT_FOUND' && /^Cannot /.test(message)
          ? `No route for ${request.method} ${request.url.split('?')[0]}.`
          : status === 429
            ? 'Too many requests for this API key; retry after the time in Retry-After.'
            : status >= 500
              ? 'An unexpected error occurred.'
              : message;
      return { type: `/problems/${kebab(code)}`, title, status, detail, code, request_id: requestId };
    }
    const fastifyError = exception as FastifyLikeError | undefined;
    const status = fastifyError?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const known =
        (exception as Error).name === 'SyntaxError' && status === 400
          ? FASTIFY_DETAILS.FST_ERR_CTP_INVALID_JSON
          : FASTIFY_DETAILS[fastifyError?.code ?? ''];
      const [code, detail] = known ?? [
        CODES[status]?.[0] ?? 'BAD_REQUEST',
        fastifyError?.message ?? 'Bad request.',
      ];
      const title = CODES[status]?.[1] ?? 'Bad Request';
      return { type: `/problems/${kebab(code)}`, title, status, detail, code, request_id: requestId };
    }
    this.logger.error({ err: exception, request_id: requestId }, 'unexpected error');
    return {
      type: '/problems/internal-error',
      title: 'Internal Server Error',
      status: 500,
      detail: 'An unexpected error occurred. Quote the request_id when you report it.',
      code: 'INTERNAL_ERROR',
      request_id: requestId,
    };
  }
}
