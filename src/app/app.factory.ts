import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module';
import { installAuditHook } from '../evidence/audit/audit-hook';
import { AuditService } from '../evidence/audit/audit.service';
import { newId } from '../common/ids';
import { Drain } from '../common/fleet/drain';
import { installJsonBodyParser } from '../common/http/json-body';
import { FrameworkQuietLogger } from '../common/logging/pino-setup';
import {
  answerClientError,
  answerFrameworkError,
  installWellFormedStrings,
} from '../common/http/well-formed-strings';
import { documentProblemResponses } from '../common/openapi/problem-responses';
import type { AppConfig } from '../config/app-config';
import { MetricsService } from '../operations/metrics/metrics.service';
import { installPortalForms } from '../portal/portal-forms';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

function createAdapter(config: AppConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    // A path parameter may be a merchant's customer id (up to 255 characters, each up to 12 when
    // percent-encoded); Fastify's default of 100 answered a valid one 404 "No route". The routes validate it.
    routerOptions: { maxParamLength: 255 * 12 },
    // Only configured proxies may set the client address (rate limits, consent evidence) with X-Forwarded-For.
    trustProxy: config.http.trustProxy,
    // Accept a caller's X-Request-Id only when it cannot inject anything into logs.
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : newId('req');
    },
    // A URL that is not percent-encoded UTF-8, or one Node's HTTP parser refuses, answers problem details too.
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    // While the server closes (SIGTERM drain), a request that still arrives on an open keep-alive connection is
    // served rather than refused with a bare 503: the load balancer stopped sending new work already, and the
    // response closes the connection (see the onSend hook).
    return503OnClosing: false,
  });
}

/** Tag descriptions for the spec, in the order a partner meets them. */
const TAGS: [string, string][] = [
  ['terms', 'Versioned token terms a consumer agrees to: draft, publish, retire.'],
  [
    'sessions',
    'A Klarna Payments session (intent tokenize, buy_and_tokenize or buy) opened for one customer.',
  ],
  ['consents', "The consumer's consent to published terms, recorded before the Klarna authorization."],
  ['authorizations', 'The client-side Klarna authorization token, recorded against its session.'],
  [
    'customer tokens',
    'Klarna customer tokens, stored encrypted and mapped to your customer ids; cancel ends them.',
  ],
  ['orders', 'Charges placed on a customer token (Idempotency-Key required).'],
  ['subscriptions', 'Recurring charges of a token on a schedule, with dunning; pause, resume, cancel.'],
  [
    'test clocks',
    'Test-mode time for subscriptions: advance a clock and watch a year of renewals and retries in seconds.',
  ],
  ['consumer portal', 'Links to the hosted page where consumers see and withdraw their agreements.'],
  ['receipts', 'Signed consent receipts (JWS) and the keys that verify them.'],
  ['events', 'Everything that happened, in order: the same events the webhooks deliver.'],
  ['webhooks', 'Endpoints that receive signed event deliveries; secrets rotate without downtime.'],
  ['merchant', 'The calling merchant: its profile and settings.'],
  ['admin: merchants', 'Platform administration: merchants and their Klarna credentials.'],
  ['admin: api keys', 'Platform administration: API keys for merchants, admins and auditors.'],
  [
    'admin: orders',
    'Platform administration: refunds and cancels of any merchant’s order, in the audit log.',
  ],
  ['admin: consents', 'Auditors: every consent record, its hash chain verification and CSV export.'],
  ['admin: audit log', 'Auditors: who did what through the API, append-only.'],
  ['operations', 'Index, liveness, readiness and metrics for whoever runs the service.'],
];

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Autopay API')
    .setDescription(
      'Sign consumers up for automatic payments with Klarna customer tokens, record provable consent, and charge ' +
        'the tokens for subscriptions and on-demand use. Errors are RFC 9457 problem details ' +
        '(`application/problem+json`). Money is always an integer in minor units.',
    )
    .setVersion('1.0.0')
    .setLicense('Proprietary', 'https://example.com/autopay/license')
    // A variable rather than a fixed localhost URL: partners point their client at their own deployment.
    .addServer('{base_url}', 'Where Autopay runs', {
      base_url: {
        default: 'http://localhost:3000',
        description: '`npm start` serves on http://localhost:3000',
      },
    })
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'API key',
        description: 'API key: `Authorization: Bearer ak_…`',
      },
      'api_key',
    );
  for (const [name, description] of TAGS) builder.addTag(name, description);
  return documentProblemResponses(
    SwaggerModule.createDocument(app, builder.build(), {
      operationIdFactory: (controllerKey: string, methodKey: string) =>
        `${controllerKey.replace(/Controller$/, '').replace(/^./, (c) => c.toLowerCase())}_${methodKey}`,
    }),
  );
}

function installHttpHooks(app: NestFastifyApplication): void {
  const fastify = app.getHttpAdapter().getInstance();
  const metrics = app.get(MetricsService);
  const drain = app.get(Drain);
  fastify.addHook('onSend', async (request: FastifyRequest, reply, payload) => {
    void reply.header('X-Request-Id', request.id);
    // Shutting down: the client (or load balancer) opens its next request elsewhere instead of reusing this one.
    if (drain.draining) void reply.header('Connection', 'close');
    return payload;
  });
  fastify.addHook('onResponse', async (request, reply) => {
    metrics.httpDuration
      .labels(request.method, request.routeOptions.url ?? 'unmatched', String(reply.statusCode))
      .observe(reply.elapsedTime / 1000);
  });
  installAuditHook(fastify, app.get(AuditService));
}

/** PUBLIC_URL when set, else the scheme and host the request came in on (behind TRUST_PROXY, the forwarded ones). */
function servedUrl(config: AppConfig, request: FastifyRequest): string {
  return config.http.publicUrl?.replace(/\/+$/, '') ?? `${request.protocol}://${request.host}`;
}

/** The service as an initialized Nest application (not yet listening). Used by main, tests and benchmarks. */
export async function createApp(
  config: AppConfig,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, options),
    createAdapter(config),
    {
      bufferLogs: true,
      abortOnError: false,
      // Fastify's body parsing (with its body limit) and our JSON parser only: form and text bodies answer 415.
      bodyParser: false,
    },
  );
  app.getHttpAdapter().getInstance().removeContentTypeParser(['text/plain']);
  installJsonBodyParser(app.getHttpAdapter().getInstance());
  installWellFormedStrings(app.getHttpAdapter().getInstance());
  installPortalForms(app.getHttpAdapter().getInstance());
  // Nest's start-up lines (modules, route mappings) at debug; everything else as logged.
  app.useLogger(new FrameworkQuietLogger(app.get(Logger)));
  app.flushLogs();
  installHttpHooks(app);
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'docs-json',
    customSiteTitle: 'Autopay API',
    // The committed spec keeps its `{base_url}` variable; the served one ("Try it out") points where it is served.
    patchDocumentOnRequest: <Request>(request: Request, _reply: unknown, served: OpenAPIObject) => ({
      ...served,
      servers: [{ url: servedUrl(config, request as FastifyRequest), description: 'This deployment' }],
    }),
  });
  await app.init();
  return app;
}

/** The application in preview mode (no providers instantiated, no database) for writing the OpenAPI file. */
export async function createPreviewApp(config: AppConfig): Promise<NestFastifyApplication> {
  return NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { runMigrations: false }),
    createAdapter(config),
    { preview: true, logger: false, abortOnError: false },
  );
}
