import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/auth/principal';
import { apiKeyMatches, generateApiKey, parseApiKey } from '../common/auth/api-key-secret';
import { Clock } from '../common/clock/clock';
import { notFound } from '../common/errors/problem.exception';
import { newId } from '../common/ids';
import { Merchant } from '../merchants/merchant.entity';
import { ApiKey, type Role } from './api-key.entity';

/** last_used_at is refreshed at most this often, so that authentication does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiKeysService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /** The caller behind a key, or null when the key is unknown, wrong, revoked or expired. */
  async authenticate(key: string): Promise<Principal | null> {
    const parsed = parseApiKey(key);
    if (!parsed) return null;
    const em = this.em.fork();
    const row = await em.findOne(ApiKey, { prefix: parsed.prefix });
    if (!row || !apiKeyMatches(key, row.secretHash)) return null;
    const now = this.clock.now();
    if (row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
      await em.nativeUpdate(ApiKey, { id: row.id }, { lastUsedAt: now });
    }
    return { keyId: row.id, role: row.role, merchantId: row.merchant?.id ?? null };
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
    return key;
  }
}
