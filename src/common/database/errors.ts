import { UniqueConstraintViolationException } from '@mikro-orm/core';

/** A unique violation, as the ORM reports it or as the pg driver does (statements run with `sql()`). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof UniqueConstraintViolationException ||
    (error instanceof Error && (error as Error & { code?: unknown }).code === '23505')
  );
}

/** Socket errors and PostgreSQL states that mean "no usable connection", not "this statement is wrong". */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '57P01', // admin_shutdown (terminated by an administrator, or a fast shutdown)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, recovery)
  '53300', // too_many_connections
  '08000', // class 08: connection exceptions
  '08001',
  '08003',
  '08004',
  '08006',
]);

/**
 * What pg and knex say when a connection is lost or none can be had (they set no code for these), and
 * PostgreSQL's refusal of a database closed to connections (55000, a code shared with unrelated errors).
 */
const CONNECTION_MESSAGES =
  /Connection terminated|Connection ended unexpectedly|Timeout acquiring a connection|Client has encountered a connection error|not queryable|is not currently accepting connections/i;

/**
 * True when the error (or what it wraps: `cause`, an AggregateError's `errors`, as Node reports a refused
 * connection to a host with several addresses) says the database cannot be reached, so that the caller can
 * answer 503 and ask to retry instead of 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  // Not `instanceof Error`: errors made by Node's own sockets may come from another realm (e.g. under jest).
  if (typeof error !== 'object' || error === null || depth > 4) return false;
  const { name, message, code, cause, errors } = error as Record<string, unknown>;
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return true;
  if (name === 'KnexTimeoutError') return true;
  if (typeof message === 'string' && CONNECTION_MESSAGES.test(message)) return true;
  if (Array.isArray(errors) && errors.some((e) => isDatabaseUnavailable(e, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
