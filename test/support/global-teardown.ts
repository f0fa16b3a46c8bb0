import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { withDatabase } from '../../src/common/database/scratch-database';
import { STATE_FILE } from './test-env';

interface RunState {
  serverUrl: string;
  runId: string;
  embeddedPid?: number;
  /** The run's own temporary directory (TMPDIR of every worker). */
  runTmp?: string;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitForExit(pid: number, ms: number): Promise<void> {
  for (const end = Date.now() + ms; alive(pid) && Date.now() < end;) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Removes what the run created: its scratch databases (or its embedded PostgreSQL) and its temporary directory.
 * What a test left there is named on stderr, one line each (tests clean up after themselves; this is the net).
 */
export default async function globalTeardown(): Promise<void> {
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as RunState;
  rmSync(STATE_FILE, { force: true });
  try {
    if (state.embeddedPid) {
      process.kill(state.embeddedPid, 'SIGTERM');
      await waitForExit(state.embeddedPid, 15_000);
    } else {
      await dropRunDatabases(state);
    }
  } finally {
    if (state.runTmp) removeRunTmp(state.runTmp);
  }
}

async function dropRunDatabases(state: RunState): Promise<void> {
  const admin = new Client({ connectionString: withDatabase(state.serverUrl, 'postgres') });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`,
      [`autopay_tpl_${state.runId}`, `autopay_t_${state.runId}_%`],
    );
    for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function removeRunTmp(runTmp: string): void {
  if (!existsSync(runTmp)) return;
  // The embedded PostgreSQL's own directory is the run's to remove; anything else a test should have removed.
  // jest_*: the cache of a jest run started inside a test (test/suite/). node-compile-cache: the module compile cache
  // that tsc, eslint and redocly turn on from Node 22 (module.enableCompileCache), when a test runs one of them.
  const left = readdirSync(runTmp).filter(
    (name) => !/^(autopay-test-pg-|jest_|node-compile-cache$)/.test(name),
  );
  for (const name of left)
    process.stderr.write(`global teardown: a test left ${name} in the temporary directory\n`);
  rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
}
