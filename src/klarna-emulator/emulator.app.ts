import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { KlarnaError } from './core/klarna-error';
import { attachContext, contextOf, type RequestContext } from './core/request-context';
import { FaultsService } from './domain/faults.service';
import { LedgerService } from './domain/ledger.service';
import { EmulatorModule } from './emulator.module';

export interface EmulatorOptions {
  credentials: { username: string; password: string }[];
  /**
   * Fastify's per-request logging, off by default (benchmarks push hundreds of requests per second): `true` for
   * Fastify's own logger, or the pino logger of the process to log each request through it.
   */
  logger?: boolean | FastifyBaseLogger;
}

const KLARNA_PREFIXES = ['/payments/v1/', '/customer-token/v1/', '/ordermanagement/v1/'];
const CONTROL_PREFIX = '/emulator/';

function pathOf(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}

/** Basic auth → username (the MID), or null. */
function authenticator(
  credentials: EmulatorOptions['credentials'],
): (header: string | undefined) => string | null {
  const passwords = new Map(credentials.map((c) => [c.username, c.password]));
  return (header) => {
    if (!header?.startsWith('Basic ')) return null;
    const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const username = decoded.slice(0, colon);
    return passwords.get(username) === decoded.slice(colon + 1) ? username : null;
  };
}

function sendError(reply: FastifyReply, context: RequestContext, error: KlarnaError): FastifyReply {
  return reply
    .status(error.status)
    .type('application/json; charset=utf-8')
    .send(error.body(context.correlationId));
}

/**
 * Cross-cutting behaviour as Fastify hooks (cheaper than Nest interceptors on the hot path): correlation id,
 * CORS for the controls, Basic auth, fault injection, the request log and "lost response".
 */
function installHooks(
  fastify: FastifyInstance,
  opts: EmulatorOptions,
  faults: FaultsService,
  ledger: LedgerService,
) {
  const authenticate = authenticator(opts.credentials);

  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = pathOf(request.url);
    const context: RequestContext = {
      correlationId: randomUUID(),
      mid: null,
      klarna: KLARNA_PREFIXES.some((prefix) => path.startsWith(prefix)),
      loseResponse: false,
    };
    attachContext(request, context);
    void reply.header('Klarna-Correlation-Id', context.correlationId);
    if (path.startsWith(CONTROL_PREFIX)) {
      void reply.header('Access-Control-Allow-Origin', '*');
      if (request.method === 'OPTIONS') {
        return reply
          .header('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE, OPTIONS')
          .header('Access-Control-Allow-Headers', 'Content-Type')
          .header('Access-Control-Max-Age', '600')
          .status(204)
          .send();
      }
    }
    if (context.klarna) {
      context.mid = authenticate(request.headers.authorization);
      if (context.mid === null) {
        void reply.header('WWW-Authenticate', 'Basic realm="Klarna"');
        return sendError(reply, context, new KlarnaError(401, 'UNAUTHORIZED', ['Unauthorized']));
      }
    }
  });

  fastify.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const context = contextOf(request);
    if (!context.klarna) return;
    const decision = faults.decide(pathOf(request.url));
    if (!decision) return;
    if (decision.delayMs > 0) await faults.wait(decision.delayMs);
    if (decision.error === 429) {
      const retryAfter = String(faults.retryAfterSeconds);
      void reply.headers({
        'Retry-After': retryAfter,
        'X-RateLimit-Limit': '100',
        'X-RateLimit-Remaining': '0',
        'X-RateLimit-Reset': retryAfter,
      });
      return sendError(reply, context, new KlarnaError(429, 'TOO_MANY_REQUESTS', ['Rate limit exceeded']));
    }
    if (decision.error === 503) {
      return sendError(
        reply,
        context,
        new KlarnaError(503, 'SERVICE_UNAVAILABLE', ['Service temporarily unavailable']),
      );
    }
    if (decision.error === 500) {
      return sendError(
        reply,
        context,
        new KlarnaError(500, 'INTERNAL_SERVER_ERROR', ['Internal server error']),
      );
    }
    context.loseResponse = decision.loseResponse;
  });

  fastify.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const context = contextOf(request);
    if (context.klarna) {
      const key = request.headers['klarna-idempotency-key'];
      ledger.recordRequest({
        method: request.method,
        path: pathOf(request.url),
        status: reply.statusCode,
        idempotency_key: typeof key === 'string' ? key : null,
        correlation_id: context.correlationId,
        body: request.body ?? null,
        lost_response: context.loseResponse,
      });
    }
    if (context.loseResponse) request.raw.socket?.destroy();
    return payload;
  });
}

/** The Klarna emulator as a Nest application on Fastify; not yet listening. */
export async function createEmulatorApp(opts: EmulatorOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    ...(typeof opts.logger === 'object' ? { loggerInstance: opts.logger } : { logger: opts.logger ?? false }),
    // Shutdown must not wait for requests held by the "hang" fault or for idle keep-alive sockets.
    forceCloseConnections: true,
    bodyLimit: 10 * 1024 * 1024,
  });
  // No `logger` option on purpose: Nest applies it process-wide (Logger.overrideLogger), and the service embeds
  // the emulator in its own process. Bootstrap lines go to whatever logger the process has.
  const app = await NestFactory.create<NestFastifyApplication>(EmulatorModule, adapter, {
    abortOnError: false,
  });
  installHooks(app.getHttpAdapter().getInstance(), opts, app.get(FaultsService), app.get(LedgerService));
  await app.init();
  return app;
}
