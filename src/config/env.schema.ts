import { Transform } from 'class-transformer';
import {
  IsBooleanString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

/**
 * Every environment variable the service reads, validated once at boot. A bad or missing value stops the
 * process with a message naming the variable. Nothing outside src/config reads process.env.
 */
export class EnvironmentVariables {
  @IsOptional()
  @IsIn(['development', 'production', 'test'])
  NODE_ENV?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsString()
  HOST?: string;

  /** Base URL the service is reachable at, for printed links and webhooks docs. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  PUBLIC_URL?: string;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_URL?: string;

  /** Who applies migrations (the schema's owner); default DATABASE_URL. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// or postgresql:// URL' })
  DATABASE_MIGRATION_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_MAX?: number;

  /** Where the embedded PostgreSQL keeps its data and where demo credentials are written. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMBEDDED_PG_PORT?: number;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  /** `pretty` (readable lines) or `json` (one object per line); default pretty on a terminal outside production. */
  @IsOptional()
  @IsIn(['pretty', 'json'])
  LOG_FORMAT?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(50 * 1024 * 1024)
  BODY_LIMIT_BYTES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PER_MINUTE?: number;

  /** Requests per client address and minute that carry no valid API key (counted before the key lookup). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE?: number;

  /** Proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDRs (default: none). */
  @IsOptional()
  @IsString()
  TRUST_PROXY?: string;

  /** How long a consumer portal link works (once), in minutes. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  PORTAL_LINK_TTL_MINUTES?: number;

  /** How long a consumer portal browser session lasts after its link was opened, in minutes. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  PORTAL_SESSION_TTL_MINUTES?: number;

  /** Consumer portal requests per minute, counted per portal session and, apart, per client address. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PORTAL_RATE_LIMIT_PER_MINUTE?: number;

  /** How long an instance may answer from an API key row it read (0: read it on every request). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(60)
  API_KEY_CACHE_SECONDS?: number;

  /** Comma-separated `keyId:base64(32 bytes)` master keys for envelope encryption. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]{40,}(,[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/=_-]{40,})*$/, {
    message: 'must be a comma-separated list of keyId:base64key entries',
  })
  ENCRYPTION_KEYS?: string;

  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be a key id from ENCRYPTION_KEYS' })
  ENCRYPTION_ACTIVE_KEY_ID?: string;

  /** base64 of 32 bytes; keys the HMAC blind indexes. Stable across master-key rotations. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9+/=_-]{40,}$/, { message: 'must be base64 of 32 random bytes' })
  BLIND_INDEX_KEY?: string;

  /** When unset (and not production), `npm start` runs the Klarna emulator and points the service at it. */
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  KLARNA_BASE_URL?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  EMULATOR_PORT?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(60000)
  KLARNA_CONNECT_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120000)
  KLARNA_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  KLARNA_MAX_RETRIES?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(60000)
  KLARNA_RETRY_BASE_DELAY_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120000)
  KLARNA_RETRY_MAX_DELAY_MS?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  KLARNA_BREAKER_THRESHOLD?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  KLARNA_BREAKER_HALF_OPEN_MS?: number;

  /**
   * Private key that signs consent receipts: a PKCS#8 PEM (Ed25519 or P-256; literal `\n` allowed) or a
   * private JWK as JSON. Required in production; outside it, `npm start` generates one into dev-secrets.json.
   */
  @IsOptional()
  @IsString()
  RECEIPT_SIGNING_KEY?: string;

  /** Public keys of earlier receipt signing keys (JSON array of JWKs, or a JWKS), still published after a rotation. */
  @IsOptional()
  @IsString()
  RECEIPT_PREVIOUS_PUBLIC_KEYS?: string;

  /** How often every merchant's consent chain head is written to the log (ms). Default 15 minutes. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  CHAIN_HEAD_LOG_INTERVAL_MS?: number;

  /** How long an instance holds a claimed subscription cycle before another may take it over. Default 600000. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  SUBSCRIPTIONS_CLAIM_LEASE_MS?: number;

  /**
   * Redis shared by the fleet (redis:// or rediss://): per-key rate limits and the cap on concurrent Klarna calls
   * per merchant credential are counted there, so they hold across instances. Unset: counted per instance.
   */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  /** Prepended to every Redis key (several deployments may share one Redis). Default `autopay:`. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9:_.-]{1,64}$/, { message: 'must be 1-64 characters of A-Z a-z 0-9 : _ . -' })
  REDIS_KEY_PREFIX?: string;

  /**
   * Klarna calls in flight at once per merchant credential: across the fleet with REDIS_URL, per instance
   * without. Default 32.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(10_000)
  KLARNA_MAX_CONCURRENT_CALLS?: number;

  /** After SIGTERM: how long in-flight requests and job items may take before the process exits anyway. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  SHUTDOWN_GRACE_SECONDS?: number;

  /**
   * After SIGTERM: how long the instance answers not-ready (while still serving) before it stops accepting
   * connections, so that the load balancer has seen it. Default 5000 (counted inside SHUTDOWN_GRACE_SECONDS).
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(600_000)
  SHUTDOWN_UNREADY_MS?: number;

  /** Run background jobs (authorization release, order completion, subscriptions, webhooks). Default true. */
  @IsOptional()
  @IsBooleanString()
  JOBS_ENABLED?: string;

  /** Minutes after which an authorization nobody exchanged is released at Klarna (default 30, < 60). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(59)
  AUTHORIZATION_RELEASE_AFTER_MINUTES?: number;

  /**
   * Let webhook endpoints use http and loopback/private/link-local addresses (local development, tests).
   * Default: true unless NODE_ENV=production.
   */
  @IsOptional()
  @IsBooleanString()
  WEBHOOKS_ALLOW_LOCAL_URLS?: string;

  /** Total time one webhook delivery attempt may take (connect, send, response headers). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60000)
  WEBHOOKS_TIMEOUT_MS?: number;

  /** How long a failing delivery is retried (exponential backoff) before it is marked failed. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  WEBHOOKS_RETRY_FOR_HOURS?: number;

  /** After a secret rotation, how long deliveries also carry a signature made with the old secret. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  WEBHOOKS_ROTATION_WINDOW_HOURS?: number;

  /** Deliveries one instance claims per poll, and how many of them it sends at once. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  WEBHOOKS_BATCH_SIZE?: number;

  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  WEBHOOKS_CONCURRENCY?: number;

  /** How often an instance looks for due deliveries. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  WEBHOOKS_POLL_INTERVAL_MS?: number;

  /** How long an Idempotency-Key of a token order is remembered (and replayed). At least Klarna's 24 h. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(24)
  @Max(24 * 30)
  IDEMPOTENCY_RETENTION_HOURS?: number;

  /**
   * How long a token order attempt may stay in flight before the completer takes it over (a crashed request).
   * Default: long enough for the Klarna client's full retry budget.
   */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  ORDERS_ATTEMPT_LEASE_MS?: number;

  /** How often an instance looks for token orders whose outcome is unknown. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  ORDERS_COMPLETER_INTERVAL_MS?: number;

  /** How often an instance looks for due subscription cycles. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600000)
  SUBSCRIPTIONS_POLL_INTERVAL_MS?: number;

  /** Due cycles one instance claims per run. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5000)
  SUBSCRIPTIONS_BATCH_SIZE?: number;

  /** Charges one instance runs at once, over all merchants. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  SUBSCRIPTIONS_CONCURRENCY?: number;

  /** Charges one instance runs at once for one merchant (a cap within SUBSCRIPTIONS_CONCURRENCY). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  SUBSCRIPTIONS_MERCHANT_CONCURRENCY?: number;

  /** Default dunning policy: days after the first failed charge of a cycle to retry it, e.g. `1,3,7`. */
  @IsOptional()
  @Matches(/^(\d{1,3})(,\d{1,3}){0,9}$/, {
    message: 'must be up to 10 comma-separated day counts, e.g. 1,3,7',
  })
  SUBSCRIPTIONS_RETRY_DELAYS_DAYS?: string;

  /** A charge is preceded by a token read at Klarna when our last status check is older than this. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(24 * 30)
  TOKEN_CHECK_BEFORE_CHARGE_HOURS?: number;

  /** Every active or suspended token is read from Klarna about this often (Klarna sends no token webhooks). */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(24 * 30)
  TOKEN_RECONCILE_EVERY_HOURS?: number;

  /** Tokens one instance reads per reconciliation run. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(5000)
  TOKEN_RECONCILE_BATCH_SIZE?: number;

  /** How often an instance looks for tokens due for reconciliation. */
  @IsOptional()
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(3_600_000)
  TOKEN_RECONCILE_POLL_INTERVAL_MS?: number;

  /** Seed the demo merchant and print its keys (default: on unless NODE_ENV=production). */
  @IsOptional()
  @IsBooleanString()
  DEMO_SEED?: string;
}
