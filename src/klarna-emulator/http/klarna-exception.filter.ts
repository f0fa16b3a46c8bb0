import { randomUUID } from 'node:crypto';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { KlarnaError } from '../core/klarna-error';
import { contextOf } from '../core/request-context';

function toKlarnaError(exception: unknown): KlarnaError {
  if (exception instanceof KlarnaError) return exception;
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    if (status === 404) return KlarnaError.notFound('Not found');
    return new KlarnaError(status, status < 500 ? 'BAD_REQUEST' : 'INTERNAL_SERVER_ERROR', [
      exception.message,
    ]);
  }
  // Fastify's own errors (malformed JSON, empty JSON body, unsupported content type, body too large).
  const fastifyStatus = (exception as { statusCode?: unknown }).statusCode;
  if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
    return new KlarnaError(fastifyStatus, 'BAD_REQUEST', [(exception as Error).message]);
  }
  return new KlarnaError(500, 'INTERNAL_SERVER_ERROR', ['Internal server error']);
}

/** Every error leaves in Klarna's shape with the response's correlation id (REFERENCE §11). */
@Catch()
export class KlarnaExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('KlarnaEmulator');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const error = toKlarnaError(exception);
    if (error.status >= 500 && !(exception instanceof KlarnaError)) this.logger.error(exception);
    let correlationId: string;
    try {
      correlationId = contextOf(request).correlationId;
    } catch {
      correlationId = randomUUID();
    }
    void reply.status(error.status).type('application/json; charset=utf-8').send(error.body(correlationId));
  }
}
