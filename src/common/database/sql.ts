import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import type { PoolClient, QueryResult, QueryResultRow } from 'pg';

/**
 * The one way to run hand-written SQL (each feature keeps its statements in its `*.queries.ts` file; a lint rule
 * forbids `em.execute`, `getConnection()` and `getKnex()` anywhere else). Parameters are `$1`-style only.
 *
 * The statement runs on a connection of the ORM's own pool, reached through public API only: the entity
 * manager's transaction (`em.getTransactionContext()`) when it is inside `em.transactional`, so the statement is
 * part of that transaction, else the pool behind `getKnex()`; knex's `client.acquireConnection()` hands out the
 * transaction's own connection inside a transaction and a pooled one outside. Outside a transaction a single
 * statement is its own transaction, so a hot path that must change several tables atomically writes them as
 * common-table expressions of one statement.
 *
 * It skips the ORM's query building and identity map, which cost more CPU than PostgreSQL's own work on hot
 * paths. Each statement is prepared once per connection (named by a hash of its text), so PostgreSQL parses and
 * plans it once rather than on every call: write statements whose text does not depend on the values. Dates come
 * back as strings (the ORM's pg type parsers), numbers of type bigint too.
 */
export async function sql<T>(em: EntityManager, text: string, values: unknown[] = []): Promise<T[]> {
  return (await query(em, text, values)).rows as T[];
}

/** {@link sql} for a statement that answers at most one row: that row, or undefined. */
export async function sqlOne<T>(
  em: EntityManager,
  text: string,
  values: unknown[] = [],
): Promise<T | undefined> {
  return (await query(em, text, values)).rows[0] as T | undefined;
}

/** {@link sql} for a statement whose answer is how many rows it changed (update, delete without returning). */
export async function sqlRowCount(em: EntityManager, text: string, values: unknown[] = []): Promise<number> {
  return (await query(em, text, values)).rowCount ?? 0;
}

async function query(
  em: EntityManager,
  text: string,
  values: unknown[],
): Promise<QueryResult<QueryResultRow>> {
  const knex: Knex = em.getTransactionContext<Knex.Transaction>() ?? em.getConnection().getKnex();
  // `client` is typed `any` on the Knex instance; Knex.Client is knex's own public class declaring both methods.
  const client = knex.client as Knex.Client;
  const connection = (await client.acquireConnection()) as PoolClient;
  try {
    return await connection.query({ name: statementName(text), text, values });
  } catch (error) {
    // For the log (common/database/loggable-error): the statement, never its values.
    if (error instanceof Error) Object.assign(error, { statement: text });
    throw error;
  } finally {
    await client.releaseConnection(connection);
  }
}

/**
 * For a statement whose transaction need not wait for the WAL flush (`synchronous_commit` off for that transaction
 * only): name {@link ASYNC_COMMIT_CTE} among its common-table expressions and read `commit_mode` in the statement
 * ({@link ASYNC_COMMIT_READ} as a condition). PostgreSQL runs a select in a `with` only when something reads it.
 */
export const ASYNC_COMMIT_CTE = `commit_mode as (select set_config('synchronous_commit', 'off', true))`;
export const ASYNC_COMMIT_READ = '(select count(*) from commit_mode) = 1';

/**
 * Collects parameters while a statement is written: `p(value)` appends it and returns its placeholder (`$n`),
 * for statements whose shape depends on the request (filters).
 */
export function sqlParams(): { values: unknown[]; p: (value: unknown) => string } {
  const values: unknown[] = [];
  return {
    values,
    p: (value) => {
      values.push(value);
      return `$${values.length}`;
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
