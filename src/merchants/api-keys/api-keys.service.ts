import { ConfigService } from '@nestjs/config';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { PgListener } from '../../common/database/pg-listener';
import type { AppConfig } from '../../config/app-config';
import type { Principal } from '../../common/auth/principal';
import { apiKeyMatches, generateApiKey, parseApiKey } from '../../common/auth/api-key-secret';
import { Clock } from '../../common/clock/clock';
import { notFound, validationProblem } from '../../common/errors/problem.exception';
import { newId } from '../../common/ids';
import { Merchant } from '../merchant.entity';
import { ApiKey } from './api-key.entity';
import { keyByPrefix, type KeyRow, touchKey } from './api-keys.queries';
import type { Role } from '../../common/auth/role';

/** last_used_at is refreshed at most this often, so that authentication does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** Bound on the rows kept in memory (the oldest go first). */
const CACHED_KEYS = 10_000;

/** Where the database announces changed keys (see the migration api_key_notify). */
const CHANNEL = 'autopay_api_keys';

@Injectable()
export class ApiKeysService implements OnModuleInit, OnApplicationShutdown {
  private readonly rows = new Map<string, { row: KeyRow; readAt: number }>();
  private readonly cacheMs: number;
  private readonly listener?: PgListener;
  /** Rows are cached only while the listener connection is up: otherwise a revocation could go unnoticed. */
  private listening = false;
  /** Counts invalidations, so that a row read while one arrived is not cached (it may predate the change). */
  private generation = 0;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    config: ConfigService<AppConfig, true>,
  ) {
    this.cacheMs = config.getOrThrow('apiKeys', { infer: true }).cacheMs;
    const url = config.getOrThrow('database', { infer: true }).url;
    if (url && this.cacheMs > 0) {
      this.listener = new PgListener(url, CHANNEL, {
        onNotify: (prefix) => {
          this.generation += 1;
          this.rows.delete(prefix);
        },
        // Whatever was announced while the connection was down is unknown: start afresh.
        onUp: () => {
          this.generation += 1;
          this.rows.clear();
          this.listening = true;
        },
        onDown: () => {
          this.generation += 1;
          this.listening = false;
          this.rows.clear();
        },
      });
    }
  }

  onModuleInit(): Promise<void> {
    return this.listener?.start() ?? Promise.resolve();
  }

  onApplicationShutdown(): Promise<void> {
    return this.listener?.stop() ?? Promise.resolve();
  }

  /** The caller behind a key, or null when the key is unknown, wrong, revoked or expired. */
  async authenticate(key: string): Promise<Principal | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const row = await this.rowOf(parsed.prefix);
    if (!row || !apiKeyMatches(key, row.secret_hash)) return null;
    const now = this.clock.now();
    if (row.revoked_at || (row.expires_at && new Date(row.expires_at) <= now)) return null;
    if (!row.last_used_at || now.getTime() - new Date(row.last_used_at).getTime() > LAST_USED_RESOLUTION_MS) {
      // Claimed before the write, so that the requests arriving meanwhile do not write it too: they queued on the
      // row's lock behind each other, a stall of every in-flight request of the key once a minute (issue #16).
      row.last_used_at = now.toISOString();
      await touchKey(this.em, row.id, now);
    }
    return { keyId: row.id, role: row.role, merchantId: row.merchant_id };
  }

  /**
   * The key's row by its lookup prefix, read with raw SQL (this runs on every request) and kept for
   * API_KEY_CACHE_SECONDS (monotonic time). A revocation anywhere drops it at once on every instance: the
   * database announces changed keys (LISTEN/NOTIFY), and nothing is cached while that connection is down. The
   * secret is still compared on every request; unknown prefixes are not kept.
   */
  private async rowOf(prefix: string): Promise<KeyRow | undefined> {
    const cached = this.rows.get(prefix);
    if (cached && performance.now() - cached.readAt < this.cacheMs) return cached.row;
    const generation = this.generation;
    const row = await keyByPrefix(this.em, prefix);

    this.rows.delete(prefix);
    if (row && this.cacheMs > 0 && this.listening && generation === this.generation) {
      this.rows.set(prefix, { row, readAt: performance.now() });
      if (this.rows.size > CACHED_KEYS) this.rows.delete(this.rows.keys().next().value!);
    }
    return row;
  }

  /** Creates a key; the returned secret is the only time it exists outside the caller. */
  async issue(input: {
    role: Role;
    merchantId: string | null;
    name: string;
    expiresAt?: Date | null;
    em?: EntityManager;
  }): Promise<{ apiKey: ApiKey; secret: string }> {
    const em = input.em ?? this.em;
    // A key that is dead on arrival is a mistake (a wrong year, a time zone slip), not a wish: say so.
    if (input.expiresAt && input.expiresAt.getTime() <= this.clock.nowMs()) {
      throw validationProblem([{ field: 'expires_at', message: 'must be in the future' }]);
    }
    const { key, prefix, hash } = generateApiKey();
    const apiKey = em.create(ApiKey, {
      id: newId('key', this.clock.nowMs()),
      merchant: input.merchantId ? em.getReference(Merchant, input.merchantId) : null,
      role: input.role,
      name: input.name,
      prefix,
      secretHash: hash,
      createdAt: this.clock.now(),
      expiresAt: input.expiresAt ?? null,
    });
    await em.flush();
    return { apiKey, secret: key };
  }

  async list(merchantId: string | null, role?: Role): Promise<ApiKey[]> {
    return this.em.find(
      ApiKey,
      { merchant: merchantId, ...(role ? { role } : {}) },
      { orderBy: { id: 'desc' }, limit: 1000 },
    );
  }

  async revoke(id: string): Promise<ApiKey> {
    const key = await this.em.findOne(ApiKey, { id });
    if (!key) throw notFound('API key', id);
    key.revokedAt ??= this.clock.now();
    await this.em.flush();
    // Refused from now on by this instance, even before the caller's transaction commits.
    const cached = this.rows.get(key.prefix);
    if (cached) cached.row = { ...cached.row, revoked_at: key.revokedAt.toISOString() };
    return key;
  }
}
