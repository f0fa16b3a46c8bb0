import type { EntityManager } from '@mikro-orm/postgresql';

import { createHash } from 'node:crypto';

interface PgConnection {
  query(query: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<unknown>;
}

/**
 * Runs ONE statement (`$1`-style parameters) straight on a connection of the ORM's pool, which is already
 * switched to the application role. For hot paths: it skips the ORM's query building and identity map, which
 * cost more CPU than PostgreSQL's own work there. A single statement is its own transaction, so a hot path that
 * must change several tables atomically writes them as common-table expressions of one statement.
 *
 * Each statement is prepared once per connection (named by a hash of its text), so PostgreSQL parses and plans
 * it once rather than on every call; write statements whose text does not depend on the values.
 *
 * Not for use inside `em.transactional`: it takes its own connection, outside that transaction. Dates come back
 * as strings (the ORM's pg type parsers), numbers of type bigint too.
 */
export async function sql<T>(em: EntityManager, text: string, values: unknown[] = []): Promise<T[]> {
  const client = em.getConnection().getKnex().client as unknown as KnexClient;
  const connection = await client.acquireConnection();
  try {
    const result = await connection.query({ name: statementName(text), text, values });
    return result.rows as T[];
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * Collects parameters while a statement is written: `p(value)` appends it and returns its placeholder, `$n` for
 * {@link sql}, or `?` for the ORM's `execute` (positional, so values must be added in the order of the text).
 */
export function sqlParams(style: '$' | '?' = '$'): { values: unknown[]; p: (value: unknown) => string } {
  const values: unknown[] = [];
  return {
    values,
    p: (value) => {
      values.push(value);
      return style === '?' ? '?' : `$${values.length}`;
    },
  };
}

const statementNames = new Map<string, string>();

/** A stable name per statement text (pg prepares a named statement once per connection). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `autopay_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
    // Bounded: texts are constants of the code, but a caller that built them from values must not leak.
    if (statementNames.size >= 1000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}
