import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EntityManager, RequestContext } from '@mikro-orm/postgresql';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiKeysService } from '../merchants/api-keys/api-keys.service';
import type { AppConfig } from '../config/app-config';
import type { Role } from '../common/auth/role';
import { MerchantsService } from '../merchants/merchants.service';
import { DemoContext } from './demo-context';

export const DEMO_MERCHANT_ID = 'mer_00000000000000000000000DEM';
const DEMO_MERCHANT_NAME = 'Demo Merchant';

export interface DemoCredentials {
  api_url: string;
  docs_url: string;
  demo_url: string;
  merchant_id: string;
  merchant_api_key: string;
  admin_api_key: string;
  /** A `merchant_auditor` key: reads the demo merchant's evidence only. */
  auditor_api_key: string;
  emulator_url?: string;
  klarna_username?: string;
  klarna_password?: string;
}

function readPrevious(file: string): Partial<DemoCredentials> {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Partial<DemoCredentials>;
  } catch {
    return {};
  }
}

/** This service as the demo backend reaches it: over loopback, whatever PUBLIC_URL says. */
function loopbackUrl(app: NestFastifyApplication): string {
  const address = app.getHttpServer().address();
  if (!address || typeof address === 'string') throw new Error('the service is not listening on TCP');
  const host = ['0.0.0.0', '::'].includes(address.address)
    ? '127.0.0.1'
    : address.family === 'IPv6'
      ? `[${address.address}]`
      : address.address;
  return `http://${host}:${address.port}`;
}

/** The Klarna emulator the demo merchant is pointed at (the composition root starts it). */
export interface DemoEmulator {
  url: string;
  username: string;
  password: string;
}

/**
 * Outside production: make sure the demo merchant exists (once), reuse the keys from the previous start when
 * they still work (secrets are stored only as hashes, so the file is the only place they survive), otherwise
 * issue new ones; point the demo merchant at the emulator; hand the keys to the demo pages' backend; write `.data/demo-credentials.json`.
 */
export async function seedDemo(
  app: NestFastifyApplication,
  config: AppConfig,
  ctx: { apiUrl: string; emulator?: DemoEmulator },
): Promise<DemoCredentials & { file: string }> {
  const file = resolve(join(config.dataDir, 'demo-credentials.json'));
  const previous = readPrevious(file);
  const em = app.get(EntityManager).fork();
  const apiKeys = app.get(ApiKeysService);
  const merchants = app.get(MerchantsService);

  await merchants.ensureMerchant(em, DEMO_MERCHANT_ID, DEMO_MERCHANT_NAME);
  if (ctx.emulator) {
    await merchants.setKlarnaCredentials(em, DEMO_MERCHANT_ID, {
      region: 'EU',
      environment: 'playground',
      base_url: ctx.emulator.url,
      username: ctx.emulator.username,
      password: ctx.emulator.password,
    });
  }

  const reuse = async (key: string | undefined, role: Role): Promise<string | undefined> => {
    if (!key) return undefined;
    const principal = await apiKeys.authenticate(key);
    return principal?.role === role ? key : undefined;
  };
  const issue = async (role: 'merchant' | 'admin' | 'merchant_auditor'): Promise<string> =>
    (
      await apiKeys.issue({
        role,
        merchantId: role === 'admin' ? null : DEMO_MERCHANT_ID,
        name: `demo ${role.replace('_', ' ')} key`,
        em,
      })
    ).secret;
  // Earlier versions handed out a platform auditor key (every merchant's evidence) here: revoke it.
  const platformAuditor = previous.auditor_api_key && (await apiKeys.authenticate(previous.auditor_api_key));
  if (platformAuditor && platformAuditor.role === 'auditor') {
    await RequestContext.create(em, () => apiKeys.revoke(platformAuditor.keyId));
  }

  const creds: DemoCredentials = {
    api_url: ctx.apiUrl,
    docs_url: `${ctx.apiUrl}/docs`,
    demo_url: `${ctx.apiUrl}/demo`,
    merchant_id: DEMO_MERCHANT_ID,
    merchant_api_key: (await reuse(previous.merchant_api_key, 'merchant')) ?? (await issue('merchant')),
    admin_api_key: (await reuse(previous.admin_api_key, 'admin')) ?? (await issue('admin')),
    auditor_api_key:
      (await reuse(previous.auditor_api_key, 'merchant_auditor')) ?? (await issue('merchant_auditor')),
    ...(ctx.emulator
      ? {
          emulator_url: ctx.emulator.url,
          klarna_username: ctx.emulator.username,
          klarna_password: ctx.emulator.password,
        }
      : {}),
  };
  app.get(DemoContext).configure({
    apiUrl: loopbackUrl(app),
    merchantName: DEMO_MERCHANT_NAME,
    merchantApiKey: creds.merchant_api_key,
    auditorApiKey: creds.auditor_api_key,
    emulatorUrl: ctx.emulator?.url,
  });
  mkdirSync(config.dataDir, { recursive: true });
  writeFileSync(file, `${JSON.stringify(creds, null, 2)}\n`, { mode: 0o600 });
  return { ...creds, file };
}
