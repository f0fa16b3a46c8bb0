import { ConfigService } from '@nestjs/config';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { ApiKeysService } from './api-keys/api-keys.service';
import { EnvelopeCrypto } from '../common/crypto/envelope-crypto';
import { ENCRYPTED_COLUMNS } from '../common/crypto/encrypted-columns';
import type { KlarnaCredentials } from '../klarna/klarna-credentials';
import type { AppConfig } from '../config/app-config';
import { Clock } from '../common/clock/clock';
import { notFound, ProblemException } from '../common/errors/problem.exception';
import { newId } from '../common/ids';
import {
  decodeCursor,
  type Page,
  pageLimit,
  type PageQueryDto,
  toPage,
} from '../common/pagination/pagination';
import type { KlarnaCredentialsDto, MerchantDto } from './dto/merchant.dto';
import { Merchant } from './merchant.entity';
import { merchantById, type MerchantRow } from './merchants.queries';

@Injectable()
export class MerchantsService {
  /** The settings this class reads, from @nestjs/config's ConfigService. */
  private readonly config: Pick<AppConfig, 'klarna'>;
  /**
   * Decrypted Klarna passwords by merchant and stored ciphertext. Every order decrypted its merchant's password
   * (two AES-GCM operations, ~2.5% of a token order's CPU, issue #16). Keyed by the ciphertext itself, a changed
   * password or a re-wrapped one (key rotation) is a different key, so nothing is ever served stale on any
   * instance; the bound and the lifetime keep few plaintexts in memory, and none for long.
   */
  private readonly passwords = new LRUCache<string, string>({ max: 1000, ttl: 5 * 60_000 });

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly apiKeys: ApiKeysService,
    private readonly crypto: EnvelopeCrypto,
    configService: ConfigService<AppConfig, true>,
  ) {
    this.config = {
      klarna: configService.getOrThrow('klarna', { infer: true }),
    };
  }

  /** Creates the merchant with a fixed id if it does not exist yet (demo seeding). */
  async ensureMerchant(em: EntityManager, id: string, name: string): Promise<void> {
    const now = this.clock.now();
    await em.upsert(Merchant, { id, name, createdAt: now, updatedAt: now }, { onConflictAction: 'ignore' });
  }

  async setKlarnaCredentials(
    em: EntityManager,
    id: string,
    input: KlarnaCredentialsDto,
  ): Promise<MerchantDto> {
    const merchant = await em.findOne(Merchant, { id });
    if (!merchant) throw notFound('Merchant', id);
    merchant.klarnaRegion = input.region;
    merchant.klarnaEnvironment = input.environment;
    merchant.klarnaBaseUrl = input.base_url ?? null;
    merchant.klarnaUsername = input.username;
    merchant.klarnaPasswordEnc = this.crypto.encrypt(
      input.password,
      ENCRYPTED_COLUMNS.merchantKlarnaPassword.aad(id),
    );
    merchant.updatedAt = this.clock.now();
    await em.flush();
    return this.map(merchant);
  }

  updateKlarnaCredentials(id: string, input: KlarnaCredentialsDto): Promise<MerchantDto> {
    return this.setKlarnaCredentials(this.em, id, input);
  }

  /**
   * The decrypted credentials for calling Klarna on the merchant's behalf. KLARNA_BASE_URL, when set, overrides
   * every merchant's host (a proxy, or the emulator in default mode) unless the merchant has its own base URL.
   */
  async klarnaCredentials(merchantId: string, em: EntityManager = this.em): Promise<KlarnaCredentials> {
    const row = await merchantById(em, merchantId);
    if (!row) throw notFound('Merchant', merchantId);
    return this.klarnaCredentialsOf(merchantId, {
      klarnaUsername: row.klarna_username,
      klarnaPasswordEnc: row.klarna_password_enc,
      klarnaRegion: row.klarna_region,
      klarnaEnvironment: row.klarna_environment,
      klarnaBaseUrl: row.klarna_base_url,
    });
  }

  /** The credentials from a merchant's stored columns (read by a caller's own query), or 409 when unset. */
  klarnaCredentialsOf(
    merchantId: string,
    stored: Pick<
      Merchant,
      'klarnaUsername' | 'klarnaPasswordEnc' | 'klarnaRegion' | 'klarnaEnvironment' | 'klarnaBaseUrl'
    >,
  ): KlarnaCredentials {
    if (
      !stored.klarnaUsername ||
      !stored.klarnaPasswordEnc ||
      !stored.klarnaRegion ||
      !stored.klarnaEnvironment
    ) {
      throw new ProblemException({
        status: 409,
        code: 'KLARNA_NOT_CONFIGURED',
        title: 'Conflict',
        detail:
          'This merchant has no Klarna credentials yet; an admin sets them with PUT /admin/v1/merchants/{id}/klarna-credentials.',
      });
    }
    return {
      merchantId,
      region: stored.klarnaRegion,
      environment: stored.klarnaEnvironment,
      baseUrl: stored.klarnaBaseUrl ?? this.config.klarna.baseUrl,
      username: stored.klarnaUsername,
      password: this.klarnaPassword(merchantId, stored.klarnaPasswordEnc),
    };
  }

  private klarnaPassword(merchantId: string, ciphertext: string): string {
    const key = `${merchantId}\n${ciphertext}`;
    let password = this.passwords.get(key);
    if (password === undefined) {
      password = this.crypto.decrypt(ciphertext, ENCRYPTED_COLUMNS.merchantKlarnaPassword.aad(merchantId));
      this.passwords.set(key, password);
    }
    return password;
  }

  async create(name: string): Promise<MerchantDto> {
    const merchant = this.em.create(Merchant, {
      id: newId('mer', this.clock.nowMs()),
      name,
      createdAt: this.clock.now(),
      updatedAt: this.clock.now(),
    });
    await this.em.flush();
    return this.map(merchant);
  }

  async list(query: PageQueryDto): Promise<Page<MerchantDto>> {
    const limit = pageLimit(query);
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(Merchant, before ? { id: { $lt: before } } : {}, {
      orderBy: { id: 'desc' },
      limit: limit + 1,
    });
    return toPage(rows, limit, (m) => this.map(m));
  }

  async get(id: string): Promise<MerchantDto> {
    const row = await merchantById(this.em, id);
    if (!row) throw notFound('Merchant', id);
    return toMerchantDto(row);
  }

  /** 404 unless the merchant exists. */
  private async load(id: string): Promise<void> {
    if (!(await merchantById(this.em, id))) throw notFound('Merchant', id);
  }

  async issueKey(
    merchantId: string,
    name: string | undefined,
    expiresAt: Date | null,
    role: 'merchant' | 'merchant_auditor' = 'merchant',
  ) {
    await this.load(merchantId);
    return this.apiKeys.issue({ role, merchantId, name: name ?? `${role.replace('_', ' ')} key`, expiresAt });
  }

  /** The merchant's keys: its backend's and its auditors'. */
  async listKeys(merchantId: string) {
    await this.load(merchantId);
    return this.apiKeys.list(merchantId);
  }

  private map(m: Merchant): MerchantDto {
    return toMerchantDto({
      id: m.id,
      name: m.name,
      created_at: m.createdAt.toISOString(),
      klarna_region: m.klarnaRegion ?? null,
      klarna_environment: m.klarnaEnvironment ?? null,
      klarna_base_url: m.klarnaBaseUrl ?? null,
      klarna_username: m.klarnaUsername ?? null,
    });
  }
}

function toMerchantDto(row: Omit<MerchantRow, 'klarna_password_enc'>): MerchantDto {
  return {
    id: row.id,
    name: row.name,
    klarna: {
      region: row.klarna_region,
      environment: row.klarna_environment,
      base_url: row.klarna_base_url,
      username: row.klarna_username,
      configured: Boolean(row.klarna_username),
    },
    created_at: new Date(row.created_at).toISOString(),
  };
}
