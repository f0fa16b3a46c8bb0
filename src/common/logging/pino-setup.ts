import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import pretty from 'pino-pretty';
import { redactSecrets } from './redact';

import type { LogFormat } from './log-format';

/** What every log line of the service and the emulator shares: the level, ISO 8601 time, secrets redacted. */
export function baseLoggerOptions(level: string): LoggerOptions {
  return {
    level,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
  };
}

/**
 * Where lines go: stdout as JSON (undefined: pino's own destination), or through pino-pretty, one line per event
 * (`2026-03-01T09:00:00.000Z INFO: message {"key":"value"}`), coloured only when `colorize`.
 */
export function logDestination(
  format: LogFormat,
  options: { colorize: boolean; destination?: NodeJS.WritableStream | number } = { colorize: false },
): DestinationStream | undefined {
  if (format === 'json') return undefined;
  return pretty({
    colorize: options.colorize,
    destination: options.destination ?? 1,
    sync: true,
    translateTime: "UTC:yyyy-mm-dd'T'HH:MM:ss.l'Z'",
    singleLine: true,
    ignore: 'pid,hostname,context,req,res,responseTime',
    messageFormat:
      '{if context}{context}: {end}{msg}{if req} {req.method} {req.url}{end}{if res} → {res.status}{end}' +
      '{if responseTime} in {responseTime} ms{end}',
  });
}

/** A pino logger for code that runs before (or beside) the Nest application: start-up, the emulator. */
export function createLogger(config: { level: string; format: LogFormat }): Logger {
  const destination = logDestination(config.format, { colorize: Boolean(process.stdout.isTTY) });
  return destination
    ? pino(baseLoggerOptions(config.level), destination)
    : pino(baseLoggerOptions(config.level));
}

/** Nest's own start-up chatter (modules initialised, routes mapped, application started): debug, not info. */
const FRAMEWORK_CONTEXTS = new Set([
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestFactory',
  'NestApplication',
]);

const contextOf = (params: unknown[]): string | undefined => {
  const last = params[params.length - 1];
  return typeof last === 'string' ? last : undefined;
};

/**
 * A Nest logger over another Nest logger (the service's nestjs-pino one) that moves the framework's start-up lines
 * to debug, so that `npm start` at the default level prints what a person wants to read.
 */
export class FrameworkQuietLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...params: unknown[]): void {
    const context = contextOf(params);
    if (context && FRAMEWORK_CONTEXTS.has(context) && this.inner.debug) this.inner.debug(message, ...params);
    else this.inner.log(message, ...params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.inner.error(message, ...params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.inner.warn(message, ...params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.inner.debug?.(message, ...params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.inner.verbose?.(message, ...params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...params);
  }
}

/** Nest's LoggerService over a plain pino logger, for the process-wide Nest logger before the service exists. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  private write(
    level: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal',
    message: unknown,
    params: unknown[],
  ) {
    const context = contextOf(params);
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) this.pino[level]({ ...fields, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.pino[level]({ ...fields, ...message });
    else this.pino[level](fields, String(message));
  }
  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }
}

/** The process-wide Nest logger: pino, the framework's start-up lines at debug. */
export function nestLogger(pinoLogger: Logger): LoggerService {
  return new FrameworkQuietLogger(new PinoNestLogger(pinoLogger));
}
