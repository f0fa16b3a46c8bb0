import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { redactSecrets } from './redact';
import { loggableError } from '../database/loggable-error';

/** Structured JSON logs (pino) with the request id on every line and secrets redacted. */
@Module({})
export class LoggingModule {
  /** `stream`: where log lines go instead of stdout (tests capture them to search for secrets). */
  static forRoot(config: { level: string }, stream?: DestinationStream): DynamicModule {
    const options: Exclude<Params['pinoHttp'], unknown[] | undefined> = {
      level: config.level,
      // Fastify already assigned the request id (from X-Request-Id when well-formed).
      genReqId: (req) => (req as unknown as { id: string }).id,
      customAttributeKeys: { reqId: 'request_id' },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[REDACTED]',
      },
      serializers: {
        req: (req: { id: string; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          // Query strings can carry ids but never secrets; keep the path only.
          url: req.url.split('?')[0],
        }),
        res: (res: { statusCode: number | null; raw?: { statusCode: number } }) => ({
          status: res.statusCode ?? res.raw?.statusCode ?? null,
        }),
        // Every `{ err }` of every log line: a database error without the values of its statement.
        // pino-http hands over pino's serialization of the error, the error itself in `raw`.
        err: (err: { raw?: unknown }) => loggableError(err.raw ?? err),
      },
      formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
    };
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
          pinoHttp: stream ? [options, stream] : options,
        }),
      ],
    };
  }
}
