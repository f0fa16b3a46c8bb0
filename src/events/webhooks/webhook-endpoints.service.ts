import { ConfigService } from '@nestjs/config';
import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { Clock } from '../../common/clock/clock';
import { EnvelopeCrypto } from '../../common/crypto/envelope-crypto';
import { ENCRYPTED_COLUMNS } from '../../common/crypto/encrypted-columns';
import { conflict, notFound, validationProblem } from '../../common/errors/problem.exception';
import { newId } from '../../common/ids';
import {
  decodeCursor,
  type Page,
  pageLimit,
  type PageQueryDto,
  toPage,
} from '../../common/pagination/pagination';
import type { AppConfig } from '../../config/app-config';
import type { EventType } from '../event-types';
import type {
  CreateWebhookEndpointDto,
  WebhookEndpointDto,
  WebhookEndpointWithSecretDto,
} from './dto/webhook-endpoint.dto';
import { WebhookDelivery } from './webhook-delivery.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { resolveWebhookTarget, WebhookUrlRefused } from './url-policy';

/** Enabled endpoints per merchant: enough for real use, and a bound on the fan-out of each event. */
const MAX_ENABLED_ENDPOINTS = 16;

const newSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

@Injectable()
export class WebhookEndpointsService {
  /** The settings this class reads, from @nestjs/config's ConfigService. */
  private readonly config: Pick<AppConfig, 'webhooks'>;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly crypto: EnvelopeCrypto,
    configService: ConfigService<AppConfig, true>,
  ) {
    this.config = {
      webhooks: configService.getOrThrow('webhooks', { infer: true }),
    };
  }

  async create(merchantId: string, input: CreateWebhookEndpointDto): Promise<WebhookEndpointWithSecretDto> {
    // Stored as the WHATWG parser serialises it, i.e. as it was judged: a URL kept as sent could be read
    // differently (another host) by a more lenient parser later.
    let url: string;
    try {
      url = (await resolveWebhookTarget(input.url, this.config.webhooks.allowLocalUrls)).url.href;
    } catch (error) {
      if (!(error instanceof WebhookUrlRefused)) throw error;
      throw validationProblem([{ field: 'url', message: error.message }], `url ${error.message}.`);
    }
    const enabled = await this.em.count(WebhookEndpoint, { merchant: merchantId, status: 'enabled' });
    if (enabled >= MAX_ENABLED_ENDPOINTS) {
      throw conflict(
        'TOO_MANY_WEBHOOK_ENDPOINTS',
        `A merchant can have ${MAX_ENABLED_ENDPOINTS} enabled webhook endpoints; disable one first.`,
      );
    }
    const now = this.clock.now();
    const id = newId('whe', now.getTime());
    const secret = newSecret();
    const endpoint = this.em.create(WebhookEndpoint, {
      id,
      merchant: merchantId,
      url,
      description: input.description ?? null,
      events: [...new Set(input.events as EventType[])],
      status: 'enabled',
      secretEnc: this.crypto.encrypt(secret, ENCRYPTED_COLUMNS.webhookSecret.aad(id)),
      createdAt: now,
      updatedAt: now,
    });
    await this.em.flush();
    return { ...this.map(endpoint), secret };
  }

  async list(merchantId: string, query: PageQueryDto): Promise<Page<WebhookEndpointDto>> {
    const limit = pageLimit(query);
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      WebhookEndpoint,
      { merchant: merchantId, ...(before ? { id: { $lt: before } } : {}) },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
    return toPage(rows, limit, (e) => this.map(e));
  }

  async get(merchantId: string, id: string): Promise<WebhookEndpointDto> {
    return this.map(await this.load(this.em, merchantId, id));
  }

  /** Stops deliveries to the endpoint at once: its pending deliveries are canceled with it. */
  async disable(merchantId: string, id: string): Promise<WebhookEndpointDto> {
    const endpoint = await this.em.transactional(async (em) => {
      const row = await this.load(em, merchantId, id);
      if (row.status === 'disabled') return row;
      const now = this.clock.now();
      row.status = 'disabled';
      row.disabledAt = now;
      row.updatedAt = now;
      row.previousSecretEnc = null;
      row.previousSecretExpiresAt = null;
      await em.nativeUpdate(
        WebhookDelivery,
        { endpoint: id, status: 'pending' },
        { status: 'canceled', nextAttemptAt: null },
      );
      return row;
    });
    return this.map(endpoint);
  }

  /**
   * Issues a new secret (shown once). For the rotation window the old secret keeps signing too, as a second
   * `v1`, so the receiver can switch over without losing events.
   */
  async rotateSecret(merchantId: string, id: string): Promise<WebhookEndpointWithSecretDto> {
    const secret = newSecret();
    const endpoint = await this.em.transactional(async (em) => {
      const row = await em.findOne(
        WebhookEndpoint,
        { id, merchant: merchantId },
        { populate: ['secretEnc'], lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!row) throw notFound('Webhook endpoint', id);
      if (row.status !== 'enabled') {
        throw conflict('WEBHOOK_ENDPOINT_DISABLED', `Webhook endpoint ${id} is disabled.`);
      }
      const now = this.clock.now();
      row.previousSecretEnc = row.secretEnc;
      row.previousSecretExpiresAt = new Date(now.getTime() + this.config.webhooks.rotationWindowMs);
      row.secretEnc = this.crypto.encrypt(secret, ENCRYPTED_COLUMNS.webhookSecret.aad(id));
      row.updatedAt = now;
      return row;
    });
    return { ...this.map(endpoint), secret };
  }

  private async load(em: EntityManager, merchantId: string, id: string): Promise<WebhookEndpoint> {
    const endpoint = await em.findOne(WebhookEndpoint, { id, merchant: merchantId });
    if (!endpoint) throw notFound('Webhook endpoint', id);
    return endpoint;
  }

  private map(e: WebhookEndpoint): WebhookEndpointDto {
    const rotating = e.previousSecretExpiresAt && e.previousSecretExpiresAt > this.clock.now();
    return {
      id: e.id,
      url: e.url,
      description: e.description ?? null,
      events: e.events,
      status: e.status,
      previous_secret_expires_at: rotating ? e.previousSecretExpiresAt!.toISOString() : null,
      created_at: e.createdAt.toISOString(),
      disabled_at: e.disabledAt?.toISOString() ?? null,
    };
  }
}
