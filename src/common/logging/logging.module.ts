import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule, type Params } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { LogFormat } from './log-format';
import { baseLoggerOptions, logDestination } from './pino-setup';
import { loggableError } from '../database/loggable-error';

/**
 * The service's logs (pino): JSON lines or readable ones (LOG_FORMAT), ISO timestamps, the request id on every line
 * of a request, secrets redacted.
 */
@Module({})
export class LoggingModule {
  /** `stream`: where log lines go instead of stdout (tests capture them to search for secrets). */
  static forRoot(config: { level: string; format: LogFormat }, stream?: DestinationStream): DynamicModule {
    const base = baseLoggerOptions(config.level);
    const options: Exclude<Params['pinoHttp'], unknown[] | undefined> = {
      ...base,
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
      autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
      // pino-http gives every 5xx line without an error of its own a made-up one ("failed with status code 503",
      // its stack inside pino-http): noise on every readiness probe during a drain. Real failures are logged by
      // the problem-details filter with their own error.
      customErrorObject: (_req, res, error, value: Record<string, unknown>) =>
        error.message === `failed with status code ${res.statusCode}` ? { ...value, err: undefined } : value,
    };
    const destination = stream ?? logDestination(config.format, { colorize: Boolean(process.stdout.isTTY) });
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
          pinoHttp: destination ? [options, destination] : options,
        }),
      ],
    };
  }
}
