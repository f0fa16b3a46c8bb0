import { existsSync, readFileSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { withDatabase } from '../../src/common/database/scratch-database';
import { STATE_FILE } from './test-env';

export default async function globalTeardown(): Promise<void> {
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8')) as {
    serverUrl: string;
    runId: string;
    embeddedPid?: number;
  };
  rmSync(STATE_FILE, { force: true });
  if (state.embeddedPid) {
    process.kill(state.embeddedPid, 'SIGTERM');
    return;
  }
  const admin = new Client({ connectionString: withDatabase(state.serverUrl, 'postgres') });
  await admin.connect();
  const { rows } = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`,
    [`autopay_tpl_${state.runId}`, `autopay_t_${state.runId}_%`],
  );
  for (const row of rows) await admin.query(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
  await admin.end();
}
