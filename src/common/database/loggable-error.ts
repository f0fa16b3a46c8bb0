import { DriverException } from '@mikro-orm/core';
import { DatabaseError } from 'pg';
import { stdSerializers } from 'pino';

/**
 * What a log line may say about a failed statement: the SQLSTATE and PostgreSQL's own pointers (table, column,
 * constraint), and the statement with every value replaced by `?`. Never the values themselves: a consent insert
 * carries the consumer's IP address, user agent and the text they accepted, and PostgreSQL repeats them in
 * `detail` ("Failing row contains (…)", "Key (…)=(…) already exists") and MikroORM in the message (it inlines
 * the parameters into the statement it reports).
 */
export interface LoggableDatabaseError {
  type: string;
  /** SQLSTATE, e.g. 23514. */
  code?: string;
  message: string;
  statement?: string;
  severity?: string;
  schema?: string;
  table?: string;
  column?: string;
  constraint?: string;
  routine?: string;
  /** Stack frames only (the stack's first line repeats the message). */
  stack?: string;
  cause?: unknown;
}

type PgFields = Partial<
  Record<'code' | 'severity' | 'schema' | 'table' | 'column' | 'constraint' | 'routine', string>
>;

const MAX_STATEMENT = 2000;

/** A failure PostgreSQL reported (through MikroORM or through the pg driver of `sql()`). */
export function isDatabaseError(error: unknown): error is Error & PgFields {
  return error instanceof DriverException || error instanceof DatabaseError;
}

/**
 * The log form of any error (pino's `err` serializer): database errors as {@link LoggableDatabaseError}, an error
 * caused by one with that cause in this form (the standard serializer would append the cause's message), every
 * other error as pino serializes it.
 */
export function loggableError(error: unknown): unknown {
  if (isDatabaseError(error)) return loggableDatabaseError(error);
  if (error instanceof Error && isDatabaseError(error.cause)) {
    return {
      type: error.constructor.name,
      message: error.message,
      stack: framesOf(error),
      cause: loggableDatabaseError(error.cause),
    };
  }
  return stdSerializers.err(error as Error);
}

function loggableDatabaseError(error: Error & PgFields): LoggableDatabaseError {
  const { code, severity, schema, table, column, constraint, routine } = error;
  const orm = error instanceof DriverException ? splitOrmMessage(error) : undefined;
  // `sql()` attaches its statement text (written with placeholders, never with values).
  const attached = (error as { statement?: unknown }).statement;
  const statement = typeof attached === 'string' ? attached : orm?.statement;
  return {
    type: error.constructor.name,
    code,
    // Data exceptions (class 22) quote the offending value ('invalid input syntax for type uuid: "…"').
    message: code?.startsWith('22')
      ? `data exception ${code} (the message is withheld: it quotes a value)`
      : (orm?.serverMessage ?? error.message),
    ...(statement ? { statement: withoutValues(statement) } : {}),
    severity,
    schema,
    table,
    column,
    constraint,
    routine,
    stack: framesOf(error),
  };
}

/**
 * MikroORM reports `<statement with the values inlined> - <PostgreSQL's message>`, then `\n - detail: …` and
 * `\n - hint: …` when PostgreSQL sent them.
 */
function splitOrmMessage(error: DriverException & { detail?: unknown; hint?: unknown }): {
  statement?: string;
  serverMessage: string;
} {
  let head = error.message;
  for (const [field, marker] of [
    [error.hint, '\n - hint: '],
    [error.detail, '\n - detail: '],
  ] as const) {
    const at = field ? head.lastIndexOf(marker) : -1;
    if (at >= 0) head = head.slice(0, at);
  }
  const split = head.lastIndexOf(' - ');
  return split >= 0
    ? { statement: head.slice(0, split), serverMessage: head.slice(split + 3) }
    : { serverMessage: withoutValues(head) };
}

/**
 * The statement with its literals replaced by `?`: strings as PostgreSQL's escapeLiteral writes them (`'…'` with
 * `''`, or ` E'…'` with backslash escapes), numbers. Whatever follows a quote that does not close is cut off.
 */
export function withoutValues(statement: string): string {
  let text = statement
    .replace(/(?:\bE)?'(?:[^'\\]|''|\\[\s\S])*'/g, '?')
    .replace(/(?<![\w$."])-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?![\w"])/gi, '?');
  const open = text.indexOf("'");
  if (open >= 0) text = `${text.slice(0, open)}…`;
  return text.length > MAX_STATEMENT ? `${text.slice(0, MAX_STATEMENT)}…` : text;
}

function framesOf(error: Error): string | undefined {
  return error.stack
    ?.split('\n')
    .filter((line) => line.trim().startsWith('at '))
    .join('\n');
}
