import { isIP } from 'node:net';
import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { parseBase64Key, parseMasterKeys } from '../common/crypto/master-keys';
import {
  generateSigningKeyPem,
  parsePreviousPublicKeys,
  parseSigningKey,
} from '../common/crypto/receipt-keys';
import { EnvironmentVariables } from './env.schema';
import { chooseLogFormat, type LogFormat } from '../common/logging/log-format';

export type NodeEnv = 'development' | 'production' | 'test';

export interface AppConfig {
  env: NodeEnv;
  isProduction: boolean;
  http: {
    host: string;
    port: number;
    bodyLimitBytes: number;
    publicUrl?: string;
    /** Proxies (addresses, CIDRs) whose X-Forwarded-For sets the client address; false: none. */
    trustProxy: string[] | false;
  };
  database: {
    /** The service's own connection: a login role that is a member of autopay_app, not the owner. */
    url?: string;
    /** Migrations' connection (the owner); DATABASE_URL when not set. */
    migrationUrl?: string;
    poolMax: number;
    embeddedPort: number;
  };
  dataDir: string;
  /** `format`: LOG_FORMAT, else pretty on a terminal outside production, else json. */
  log: { level: string; format: LogFormat };
  rateLimit: { perMinute: number; unauthenticatedPerMinute: number };
  apiKeys: { cacheMs: number };
  /** Redis shared by the fleet; undefined: limits are counted per instance, in memory. */
  redis?: { url: string; keyPrefix: string };
  /** Klarna calls in flight at once per merchant credential (fleet-wide with Redis). */
  klarnaConcurrency: { maxPerCredential: number };
  shutdown: { graceMs: number; unreadyMs: number };
  crypto: { masterKeys: string; activeKeyId: string; blindIndexKey: string };
  klarna: {
    baseUrl?: string;
    connectTimeoutMs: number;
    timeoutMs: number;
    maxRetries: number;
    retryBaseDelayMs: number;
    retryMaxDelayMs: number;
    breakerThreshold: number;
    breakerHalfOpenAfterMs: number;
  };
  emulator: { port: number };
  demoSeed: boolean;
  jobs: { enabled: boolean };
  authorizations: { releaseAfterMs: number };
  webhooks: WebhooksConfig;
  receipts: {
    signingKey: string;
    previousPublicKeys?: string;
    /** No key was configured outside production: one was generated for this process only. */
    ephemeral: boolean;
  };
  consents: { chainHeadLogIntervalMs: number };
  orders: OrdersConfig;
  subscriptions: SubscriptionsConfig;
  portal: PortalConfig;
}

export interface PortalConfig {
  linkTtlMs: number;
  sessionTtlMs: number;
  ratePerMinute: number;
  /** Cookies carry `Secure` (everywhere but local development over plain http). */
  secureCookies: boolean;
}

export interface OrdersConfig {
  idempotencyRetentionMs: number;
  /** In-flight attempts older than this are the completer's (the request that made them died). */
  attemptLeaseMs: number;
  completerIntervalMs: number;
  /** First delay before the completer retries an unknown outcome; doubles up to retryMaxDelayMs. */
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** Stop retrying well inside Klarna's 24 h idempotency window, so a late retry can never charge twice. */
  giveUpAfterMs: number;
}

export interface SubscriptionsConfig {
  pollIntervalMs: number;
  batchSize: number;
  concurrency: number;
  merchantConcurrency: number;
  /** A worker holds a claimed cycle this long; past it (a crash) another takes it and charges with the same key. */
  claimLeaseMs: number;
  retryDelaysDays: number[];
  /** 0 = read the token before every charge. */
  tokenCheckBeforeChargeMs: number;
  reconcileEveryMs: number;
  reconcileBatchSize: number;
  reconcilePollIntervalMs: number;
}

export interface WebhooksConfig {
  /** http and loopback/private/link-local targets allowed (never in production unless explicitly set). */
  allowLocalUrls: boolean;
  timeoutMs: number;
  retryForMs: number;
  rotationWindowMs: number;
  batchSize: number;
  concurrency: number;
  pollIntervalMs: number;
}

const HOUR_MS = 3_600_000;

export type Env = Record<string, string | undefined>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function describe(errors: ValidationError[]): string[] {
  return errors.map(
    (e) =>
      `${e.property}: ${Object.values(e.constraints ?? {})
        .map((msg) => msg.replace(`${e.property} `, ''))
        .join('; ')}`,
  );
}

/** Validates the environment and maps it to the typed configuration. Throws ConfigError naming every bad variable. */
export function loadConfig(env: Env): AppConfig {
  // Empty strings count as unset, as a shell `FOO= npm start` means "no value".
  const raw = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const vars = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: false });
  const problems = describe(validateSync(vars, { whitelist: false, skipMissingProperties: false }));

  const nodeEnv = (vars.NODE_ENV ?? 'development') as NodeEnv;
  const isProduction = nodeEnv === 'production';

  const keyIds = (vars.ENCRYPTION_KEYS ?? '').split(',').map((entry) => entry.split(':')[0]);
  if (!vars.ENCRYPTION_KEYS) problems.push('ENCRYPTION_KEYS: is required (keyId:base64 of 32 random bytes)');
  if (!vars.BLIND_INDEX_KEY) problems.push('BLIND_INDEX_KEY: is required (base64 of 32 random bytes)');
  const activeKeyId = vars.ENCRYPTION_ACTIVE_KEY_ID ?? keyIds[keyIds.length - 1];
  if (vars.ENCRYPTION_KEYS && !keyIds.includes(activeKeyId)) {
    problems.push(`ENCRYPTION_ACTIVE_KEY_ID: "${activeKeyId}" is not one of the ids in ENCRYPTION_KEYS`);
  }
  const check = (name: string, parse: () => unknown): void => {
    try {
      parse();
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  };
  if (vars.ENCRYPTION_KEYS) check('ENCRYPTION_KEYS', () => parseMasterKeys(vars.ENCRYPTION_KEYS!));
  if (vars.BLIND_INDEX_KEY)
    check('BLIND_INDEX_KEY', () => parseBase64Key(vars.BLIND_INDEX_KEY!, 'BLIND_INDEX_KEY'));
  if (vars.RECEIPT_SIGNING_KEY)
    check('RECEIPT_SIGNING_KEY', () => parseSigningKey(vars.RECEIPT_SIGNING_KEY!));
  else if (isProduction) problems.push('RECEIPT_SIGNING_KEY: is required when NODE_ENV=production');
  if (vars.RECEIPT_PREVIOUS_PUBLIC_KEYS) {
    check('RECEIPT_PREVIOUS_PUBLIC_KEYS', () => parsePreviousPublicKeys(vars.RECEIPT_PREVIOUS_PUBLIC_KEYS!));
  }
  if (vars.TRUST_PROXY) check('TRUST_PROXY', () => trustedProxies(vars.TRUST_PROXY));
  if (isProduction && !vars.DATABASE_URL) problems.push('DATABASE_URL: is required when NODE_ENV=production');
  if (isProduction && !vars.KLARNA_BASE_URL && vars.DEMO_SEED === 'true') {
    problems.push('DEMO_SEED: cannot be true when NODE_ENV=production');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  const demoSeed = vars.DEMO_SEED !== undefined ? vars.DEMO_SEED === 'true' : !isProduction;

  return {
    env: nodeEnv,
    isProduction,
    http: {
      // Demo mode serves public pages that act as the demo merchant: reachable from this machine only, unless
      // HOST says otherwise.
      host: vars.HOST ?? (demoSeed ? '127.0.0.1' : '0.0.0.0'),
      port: vars.PORT ?? 3000,
      bodyLimitBytes: vars.BODY_LIMIT_BYTES ?? 1024 * 1024,
      publicUrl: vars.PUBLIC_URL,
      trustProxy: trustedProxies(vars.TRUST_PROXY),
    },
    database: {
      url: vars.DATABASE_URL,
      migrationUrl: vars.DATABASE_MIGRATION_URL ?? vars.DATABASE_URL,
      poolMax: vars.DATABASE_POOL_MAX ?? 10,
      embeddedPort: vars.EMBEDDED_PG_PORT ?? 0,
    },
    dataDir: vars.DATA_DIR ?? '.data',
    log: {
      level: vars.LOG_LEVEL ?? (nodeEnv === 'test' ? 'silent' : 'info'),
      format: chooseLogFormat({
        configured: vars.LOG_FORMAT as LogFormat | undefined,
        isTty: Boolean(process.stdout.isTTY),
        isProduction,
      }),
    },
    rateLimit: {
      perMinute: vars.RATE_LIMIT_PER_MINUTE ?? 1200,
      unauthenticatedPerMinute: vars.RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE ?? 60,
    },
    apiKeys: { cacheMs: (vars.API_KEY_CACHE_SECONDS ?? 5) * 1000 },
    redis: vars.REDIS_URL
      ? { url: vars.REDIS_URL, keyPrefix: vars.REDIS_KEY_PREFIX ?? 'autopay:' }
      : undefined,
    klarnaConcurrency: { maxPerCredential: vars.KLARNA_MAX_CONCURRENT_CALLS ?? 32 },
    shutdown: {
      graceMs: (vars.SHUTDOWN_GRACE_SECONDS ?? 30) * 1000,
      unreadyMs: vars.SHUTDOWN_UNREADY_MS ?? 5000,
    },
    crypto: {
      masterKeys: vars.ENCRYPTION_KEYS!,
      activeKeyId,
      blindIndexKey: vars.BLIND_INDEX_KEY!,
    },
    klarna: {
      baseUrl: vars.KLARNA_BASE_URL,
      connectTimeoutMs: vars.KLARNA_CONNECT_TIMEOUT_MS ?? 2000,
      timeoutMs: vars.KLARNA_TIMEOUT_MS ?? 10000,
      maxRetries: vars.KLARNA_MAX_RETRIES ?? 3,
      retryBaseDelayMs: vars.KLARNA_RETRY_BASE_DELAY_MS ?? 200,
      retryMaxDelayMs: vars.KLARNA_RETRY_MAX_DELAY_MS ?? 5000,
      breakerThreshold: vars.KLARNA_BREAKER_THRESHOLD ?? 5,
      breakerHalfOpenAfterMs: vars.KLARNA_BREAKER_HALF_OPEN_MS ?? 30000,
    },
    emulator: { port: vars.EMULATOR_PORT ?? 3100 },
    jobs: { enabled: vars.JOBS_ENABLED !== 'false' },
    authorizations: { releaseAfterMs: (vars.AUTHORIZATION_RELEASE_AFTER_MINUTES ?? 30) * 60_000 },
    webhooks: {
      allowLocalUrls:
        vars.WEBHOOKS_ALLOW_LOCAL_URLS !== undefined
          ? vars.WEBHOOKS_ALLOW_LOCAL_URLS === 'true'
          : !isProduction,
      timeoutMs: vars.WEBHOOKS_TIMEOUT_MS ?? 10_000,
      retryForMs: (vars.WEBHOOKS_RETRY_FOR_HOURS ?? 72) * HOUR_MS,
      rotationWindowMs: (vars.WEBHOOKS_ROTATION_WINDOW_HOURS ?? 24) * HOUR_MS,
      batchSize: vars.WEBHOOKS_BATCH_SIZE ?? 50,
      concurrency: vars.WEBHOOKS_CONCURRENCY ?? 10,
      pollIntervalMs: vars.WEBHOOKS_POLL_INTERVAL_MS ?? 1000,
    },
    orders: {
      idempotencyRetentionMs: (vars.IDEMPOTENCY_RETENTION_HOURS ?? 24) * HOUR_MS,
      attemptLeaseMs:
        vars.ORDERS_ATTEMPT_LEASE_MS ??
        // The Klarna client's worst case (every attempt times out, every backoff at its cap) plus a margin.
        ((vars.KLARNA_MAX_RETRIES ?? 3) + 1) * ((vars.KLARNA_TIMEOUT_MS ?? 10000) + 1000) +
          (vars.KLARNA_MAX_RETRIES ?? 3) * (vars.KLARNA_RETRY_MAX_DELAY_MS ?? 5000) +
          5000,
      completerIntervalMs: vars.ORDERS_COMPLETER_INTERVAL_MS ?? 5000,
      retryBaseDelayMs: 5000,
      retryMaxDelayMs: 10 * 60_000,
      giveUpAfterMs: 20 * HOUR_MS,
    },
    subscriptions: {
      pollIntervalMs: vars.SUBSCRIPTIONS_POLL_INTERVAL_MS ?? 1000,
      batchSize: vars.SUBSCRIPTIONS_BATCH_SIZE ?? 200,
      concurrency: vars.SUBSCRIPTIONS_CONCURRENCY ?? 32,
      merchantConcurrency: vars.SUBSCRIPTIONS_MERCHANT_CONCURRENCY ?? 16,
      claimLeaseMs: vars.SUBSCRIPTIONS_CLAIM_LEASE_MS ?? 10 * 60_000,
      retryDelaysDays: (vars.SUBSCRIPTIONS_RETRY_DELAYS_DAYS ?? '1,3,7').split(',').map(Number),
      tokenCheckBeforeChargeMs: (vars.TOKEN_CHECK_BEFORE_CHARGE_HOURS ?? 24) * HOUR_MS,
      reconcileEveryMs: (vars.TOKEN_RECONCILE_EVERY_HOURS ?? 24) * HOUR_MS,
      reconcileBatchSize: vars.TOKEN_RECONCILE_BATCH_SIZE ?? 100,
      reconcilePollIntervalMs: vars.TOKEN_RECONCILE_POLL_INTERVAL_MS ?? 60_000,
    },
    demoSeed,
    receipts: {
      signingKey: vars.RECEIPT_SIGNING_KEY ?? generateSigningKeyPem(),
      previousPublicKeys: vars.RECEIPT_PREVIOUS_PUBLIC_KEYS,
      ephemeral: !vars.RECEIPT_SIGNING_KEY,
    },
    consents: { chainHeadLogIntervalMs: vars.CHAIN_HEAD_LOG_INTERVAL_MS ?? 15 * 60_000 },
    portal: {
      linkTtlMs: (vars.PORTAL_LINK_TTL_MINUTES ?? 15) * 60_000,
      sessionTtlMs: (vars.PORTAL_SESSION_TTL_MINUTES ?? 30) * 60_000,
      ratePerMinute: vars.PORTAL_RATE_LIMIT_PER_MINUTE ?? 60,
      secureCookies: isProduction || (vars.PUBLIC_URL ?? '').startsWith('https:'),
    },
  };
}

/** The process environment. The only reader of process.env in the service. */
export function processEnv(): Env {
  return { ...process.env };
}

/**
 * TRUST_PROXY as the list Fastify's `trustProxy` takes: IPv4/IPv6 addresses or CIDRs. Unset or empty: no proxy is
 * trusted, so a client cannot choose its own address (and rate-limit bucket) with X-Forwarded-For.
 */
function trustedProxies(value: string | undefined): string[] | false {
  const entries = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    if (
      family === 0 ||
      extra !== undefined ||
      (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits))
    ) {
      throw new Error(`"${entry}" is not an IP address or CIDR (comma-separate several; unset trusts none)`);
    }
  }
  return entries.length > 0 ? entries : false;
}
