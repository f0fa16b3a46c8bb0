import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/postgresql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { createApp } from '../../src/app/app.factory';
import { ApiKeysService } from '../../src/merchants/api-keys/api-keys.service';
import { type Clock, FakeClock } from '../../src/common/clock/clock';
import { type Env, loadConfig } from '../../src/config/app-config';
import { freePort } from '../../src/common/database/embedded-postgres';
import { withDatabase } from '../../src/common/database/scratch-database';
import { type DemoCredentials, seedDemo } from '../../src/demo/demo-seed';
import { Emulator } from './emulator';
import { type ApiResponse, httpRequest, type RequestOptions } from './http';
import { TEST_ENV } from './test-env';

export { type ApiResponse, httpRequest } from './http';

export interface TestApp {
  /** Present when started with `{ emulator: true }`; the service points at it. */
  emulator?: Emulator;
  app: NestFastifyApplication;
  url: string;
  dbUrl: string;
  /** A direct connection to this suite's database, for asserting rows. */
  db: Client;
  clock: Clock;
  /** With `{ demo: true }`: the seeded demo merchant's credentials, as `npm start` writes them. */
  demo?: DemoCredentials & { file: string };
  adminKey: string;
  auditorKey: string;
  request<T = any>(method: string, path: string, opts?: RequestOptions): Promise<ApiResponse<T>>;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template (see global-setup). */
export async function createTestDatabase(): Promise<string> {
  const server = process.env.AUTOPAY_TEST_SERVER_URL!;
  const name = `autopay_t_${process.env.AUTOPAY_TEST_RUN_ID}_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${process.env.AUTOPAY_TEST_TEMPLATE}"`);
  } finally {
    await admin.end();
  }
  return withDatabase(server, name);
}

/** Fast Klarna client timings for tests against the emulator. */
export const FAST_KLARNA_ENV: Env = {
  KLARNA_TIMEOUT_MS: '500',
  KLARNA_CONNECT_TIMEOUT_MS: '500',
  KLARNA_RETRY_BASE_DELAY_MS: '10',
  KLARNA_RETRY_MAX_DELAY_MS: '100',
  KLARNA_BREAKER_HALF_OPEN_MS: '500',
};

export async function startTestApp(
  opts: {
    env?: Env;
    clock?: Clock;
    emulator?: boolean;
    /** Demo mode as in `npm start`: the demo merchant seeded against the emulator, `/demo` served. */
    demo?: boolean;
    /** Reuse this database (e.g. a second instance with other keys) instead of a fresh clone. */
    database?: string;
    /** Receives every log line (set LOG_LEVEL in env to see any). */
    logStream?: { write(line: string): void };
  } = {},
): Promise<TestApp> {
  const dbUrl = opts.database ?? (await createTestDatabase());
  const clock = opts.clock ?? new FakeClock(new Date('2026-03-01T09:00:00Z'));
  // The emulator starts after the service so that its Nest bootstrap logs go to the service's (silent) logger.
  if (opts.demo && !opts.emulator) throw new Error('demo mode needs the emulator');
  const emulatorPort = opts.emulator ? await freePort() : 9;
  const dataDir = opts.demo ? mkdtempSync(join(tmpdir(), 'autopay-demo-')) : undefined;
  const config = loadConfig({
    ...TEST_ENV,
    ...FAST_KLARNA_ENV,
    DATABASE_URL: dbUrl,
    KLARNA_BASE_URL: `http://127.0.0.1:${emulatorPort}`,
    ...(dataDir ? { DEMO_SEED: 'true', DATA_DIR: dataDir } : {}),
    ...opts.env,
  });
  const app = await createApp(config, { clock, logStream: opts.logStream });
  const emulator = opts.emulator ? await Emulator.start({ port: emulatorPort }) : undefined;
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const apiKeys = app.get(ApiKeysService);
  const em = app.get(EntityManager).fork();
  const adminKey = (await apiKeys.issue({ role: 'admin', merchantId: null, name: 'test admin', em })).secret;
  const auditorKey = (await apiKeys.issue({ role: 'auditor', merchantId: null, name: 'test auditor', em }))
    .secret;
  const demo = emulator && dataDir ? await seedDemo(app, config, { apiUrl: url, emulator }) : undefined;
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  return {
    emulator,
    demo,
    app,
    url,
    dbUrl,
    db,
    clock,
    adminKey,
    auditorKey,
    request: (method, path, o) => httpRequest(url, method, path, o),
    close: async () => {
      await db.end();
      await app.close();
      await emulator?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Creates a merchant through the admin API and returns it with a fresh merchant key; with an emulator, also
 * gives the merchant the emulator's Klarna credentials.
 */
export async function createMerchant(
  t: TestApp,
  name = 'Test Merchant',
): Promise<{ id: string; key: string }> {
  const merchant = await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, body: { name } });
  if (merchant.status !== 201) throw new Error(`create merchant: ${merchant.status} ${merchant.text}`);
  const key = await t.request('POST', `/admin/v1/merchants/${merchant.body.id}/api-keys`, {
    key: t.adminKey,
    body: { name: 'test' },
  });
  if (key.status !== 201) throw new Error(`issue key: ${key.status} ${key.text}`);
  if (t.emulator) {
    const creds = await t.request('PUT', `/admin/v1/merchants/${merchant.body.id}/klarna-credentials`, {
      key: t.adminKey,
      body: {
        region: 'EU',
        environment: 'playground',
        username: t.emulator.username,
        password: t.emulator.password,
      },
    });
    if (creds.status !== 200) throw new Error(`klarna credentials: ${creds.status} ${creds.text}`);
  }
  return { id: merchant.body.id as string, key: key.body.key as string };
}
