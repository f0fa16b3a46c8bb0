import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ormOptions } from '../../src/app/database/mikro-orm.config';
import { withDatabase } from '../../src/common/database/scratch-database';
import { STATE_FILE } from './test-env';

async function startEmbedded(): Promise<{ url: string; pid: number }> {
  const child = spawn(process.execPath, [join(__dirname, 'embedded-pg.mjs')], {
    stdio: ['pipe', 'pipe', 'inherit'],
    detached: false,
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /READY (\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`embedded PostgreSQL exited with ${code}`)));
  });
  child.unref();
  (child.stdout as unknown as { unref(): void }).unref();
  return { url, pid: child.pid! };
}

/**
 * Once per `npm test`: use DATABASE_URL's server (or start an embedded one) and build a template database with
 * every migration applied. Each test file then clones the template (CREATE DATABASE … TEMPLATE), so suites
 * run in parallel on their own databases.
 */
export default async function globalSetup(): Promise<void> {
  const runId = randomBytes(4).toString('hex');
  // Everything the run puts in the temporary directory (test data dirs, temp builds, browser profiles, an
  // embedded PostgreSQL) goes under one directory of its own, which the global teardown removes. Workers and
  // their children inherit TMPDIR.
  const originalTmp = tmpdir();
  const runTmp = mkdtempSync(join(originalTmp, `autopay-run-${runId}-`));
  // Readable by others like the temporary directory itself: an embedded PostgreSQL run as root reads its
  // password file here as the postgres user.
  chmodSync(runTmp, 0o755);
  process.env.AUTOPAY_TEST_ORIGINAL_TMPDIR = originalTmp;
  process.env.TMPDIR = runTmp;
  let serverUrl = process.env.DATABASE_URL;
  let embeddedPid: number | undefined;
  if (!serverUrl) {
    const embedded = await startEmbedded();
    serverUrl = embedded.url;
    embeddedPid = embedded.pid;
  }
  const template = `autopay_tpl_${runId}`;
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${template}"`);
  await admin.end();
  const orm = await MikroORM.init(ormOptions(withDatabase(serverUrl, template), 2));
  await orm.getMigrator().up();
  await orm.close(true);
  // MikroORM keeps decorator metadata on globalThis; a suite that runs in-band in this process must not see
  // this realm's objects (mikro-orm/mikro-orm#3783: "Map.prototype.set called on incompatible receiver").
  delete (globalThis as Record<string, unknown>)['mikro-orm-metadata'];

  process.env.AUTOPAY_TEST_SERVER_URL = serverUrl;
  process.env.AUTOPAY_TEST_TEMPLATE = template;
  process.env.AUTOPAY_TEST_RUN_ID = runId;
  writeFileSync(STATE_FILE, JSON.stringify({ serverUrl, template, runId, embeddedPid, runTmp }));
}
