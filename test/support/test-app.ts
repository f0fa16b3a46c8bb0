import { randomBytes } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { createApp } from '../../src/app.factory';
import { ApiKeysService } from '../../src/api-keys/api-keys.service';
import { type Clock, FakeClock } from '../../src/common/clock/clock';
import { type Env, loadConfig } from '../../src/config/app-config';
import { withDatabase } from '../../src/database/scratch-database';
import { TEST_ENV } from './test-env';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface TestApp {
  app: NestFastifyApplication;
  url: string;
  dbUrl: string;
  /** A direct connection to this suite's database, for asserting rows. */
  db: Client;
  clock: Clock;
  adminKey: string;
  auditorKey: string;
  request<T = any>(
    method: string,
    path: string,
    opts?: { key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<ApiResponse<T>>;
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

export async function httpRequest<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  opts: { key?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.key) headers.authorization = `Bearer ${opts.key}`;
  let payload: string | undefined;
  if (opts.rawBody !== undefined) payload = opts.rawBody;
  else if (opts.body !== undefined) payload = JSON.stringify(opts.body);
  if (payload !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: payload });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body: body as T, text };
}

export async function startTestApp(opts: { env?: Env; clock?: Clock } = {}): Promise<TestApp> {
  const dbUrl = await createTestDatabase();
  const clock = opts.clock ?? new FakeClock(new Date('2026-03-01T09:00:00Z'));
  const config = loadConfig({
    ...TEST_ENV,
    DATABASE_URL: dbUrl,
    KLARNA_BASE_URL: 'http://127.0.0.1:9',
    ...opts.env,
  });
  const app = await createApp(config, { clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const apiKeys = app.get(ApiKeysService);
  const em = app.get(EntityManager).fork();
  const adminKey = (await apiKeys.issue({ role: 'admin', merchantId: null, name: 'test admin', em })).secret;
  const auditorKey = (await apiKeys.issue({ role: 'auditor', merchantId: null, name: 'test auditor', em }))
    .secret;
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  return {
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
    },
  };
}

/** Creates a merchant through the admin API and returns it with a fresh merchant key. */
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
  return { id: merchant.body.id as string, key: key.body.key as string };
}
