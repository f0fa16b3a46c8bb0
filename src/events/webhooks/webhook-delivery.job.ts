import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { EnvelopeCrypto } from '../../common/crypto/envelope-crypto';
import { ENCRYPTED_COLUMNS } from '../../common/crypto/encrypted-columns';
import { newId } from '../../common/ids';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig } from '../../config/app-config';
import { Event } from '../event.entity';
import { MetricsService } from '../../operations/metrics/metrics.service';
import { nextAttemptAt } from './retry-schedule';
import { SIGNATURE_HEADER, signatureHeader } from './signature';
import { WebhookEndpoint } from './webhook-endpoint.entity';
import { type SendResult, sendWebhook } from './webhook-sender';
import { type Resolver, systemResolver } from './url-policy';
import { claimDueDeliveries, recordDeliveryOutcome } from './webhook-deliveries.queries';

/** A delivery this worker holds until `lockedUntil`; only the holder of `lockToken` may record its outcome. */
export interface ClaimedDelivery {
  id: string;
  eventId: string;
  endpointId: string;
  attemptCount: number;
  createdAt: Date;
  lockToken: string;
}

/**
 * Kept beyond the HTTP timeout (which aborts the attempt), so that a live attempt never loses its claim to another
 * worker before it records its outcome. A delivery is claimed only when it can start at once (runOnce).
 */
const LEASE_MARGIN_MS = 15_000;

export const USER_AGENT = 'Autopay-Webhooks/1.0';

/**
 * Sends due webhook deliveries. Any number of instances may run it: each run claims a bounded batch with
 * `FOR UPDATE SKIP LOCKED` and a lease, sends outside any transaction, and records the outcome only if it still
 * holds the lease. A worker that dies mid-delivery leaves the lease to expire and the delivery is sent again:
 * delivery is at least once, and receivers deduplicate by event id.
 */
@Injectable()
export class WebhookDeliveryJob extends PeriodicJob {
  readonly name = 'webhook-delivery';
  readonly intervalMs: number;
  /** DNS for delivery-time address checks; replaceable in tests. */
  resolver: Resolver = systemResolver;

  /** The settings this class reads, from @nestjs/config's ConfigService. */
  private readonly config: Pick<AppConfig, 'webhooks'>;

  constructor(
    scheduler: SchedulerRegistry,
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly crypto: EnvelopeCrypto,
    private readonly metrics: MetricsService,
    configService: ConfigService<AppConfig, true>,
  ) {
    super(scheduler, configService.getOrThrow('jobs', { infer: true }).enabled);
    this.config = {
      webhooks: configService.getOrThrow('webhooks', { infer: true }),
    };
    this.intervalMs = this.config.webhooks.pollIntervalMs;
  }

  /**
   * Sends up to `batchSize` due deliveries, at most `concurrency` at once. It claims only what it can start now
   * and claims again as slots free up, so a claimed delivery is always being sent: its lease is one attempt long
   * (the HTTP timeout plus a margin), and an instance that dies strands at most `concurrency` deliveries, for that
   * long. (It used to claim the whole batch at once, under a lease long enough for the last one's turn: a killed
   * instance then held up to a batch of deliveries for 70 s.)
   */
  async runOnce(): Promise<number> {
    const { batchSize, concurrency } = this.config.webhooks;
    const running = new Set<Promise<void>>();
    let total = 0;
    let exhausted = false;
    for (;;) {
      const free = Math.min(concurrency - running.size, batchSize - total);
      // Claim again once half the slots are free (or all are): one statement per few deliveries, not per each.
      if (!exhausted && free > 0 && (free >= Math.ceil(concurrency / 2) || running.size === 0)) {
        const claimed = await this.claim(free);
        total += claimed.length;
        if (claimed.length < free) exhausted = true;
        for (const sending of await this.start(claimed)) {
          running.add(sending);
          void sending.finally(() => running.delete(sending));
        }
      }
      if (running.size === 0) return total;
      await Promise.race(running);
    }
  }

  /** Loads what the claimed deliveries need and starts sending each; the promises never reject. */
  private async start(claimed: ClaimedDelivery[]): Promise<Promise<void>[]> {
    if (claimed.length === 0) return [];
    const em = this.em.fork();
    const events = new Map(
      (await em.find(Event, { id: { $in: [...new Set(claimed.map((c) => c.eventId))] } })).map((e) => [
        e.id,
        e,
      ]),
    );
    const endpoints = new Map(
      (
        await em.find(
          WebhookEndpoint,
          { id: { $in: [...new Set(claimed.map((c) => c.endpointId))] } },
          { populate: ['secretEnc', 'previousSecretEnc'] },
        )
      ).map((e) => [e.id, e]),
    );
    return claimed.map((next) =>
      this.deliver(next, events.get(next.eventId)!, endpoints.get(next.endpointId)!).catch(
        (error: unknown) => {
          // The claim expires and the delivery is tried again; the rest of the batch goes on.
          this.logger.error({ err: error, delivery: next.id }, 'webhook delivery could not be recorded');
        },
      ),
    );
  }

  /** Claims up to `limit` due deliveries of enabled endpoints for this worker. */
  async claim(limit: number): Promise<ClaimedDelivery[]> {
    const now = this.clock.now();
    const lockToken = randomUUID();
    const lockedUntil = new Date(now.getTime() + this.config.webhooks.timeoutMs + LEASE_MARGIN_MS);
    const rows = await claimDueDeliveries(this.em.fork(), lockedUntil, lockToken, now, limit);
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      endpointId: r.endpoint_id,
      attemptCount: r.attempt_count,
      createdAt: new Date(r.created_at),
      lockToken,
    }));
  }

  private async deliver(claim: ClaimedDelivery, event: Event, endpoint: WebhookEndpoint): Promise<void> {
    let result: SendResult;
    try {
      const body = JSON.stringify({
        id: event.id,
        type: event.type,
        created_at: event.createdAt.toISOString(),
        data: event.data,
      });
      const timestamp = Math.floor(this.clock.nowMs() / 1000);
      result = await sendWebhook(
        endpoint.url,
        body,
        {
          'Content-Type': 'application/json',
          'User-Agent': USER_AGENT,
          'Autopay-Event-Id': event.id,
          'Autopay-Delivery-Id': claim.id,
          [SIGNATURE_HEADER]: signatureHeader(body, timestamp, this.secretsOf(endpoint)),
        },
        {
          timeoutMs: this.config.webhooks.timeoutMs,
          allowLocal: this.config.webhooks.allowLocalUrls,
          resolve: this.resolver,
        },
      );
    } catch (error) {
      this.logger.error({ err: error, delivery: claim.id }, 'webhook could not be prepared');
      result = { statusCode: null, error: 'internal error preparing the delivery', durationMs: 0 };
    }
    await this.record(claim, result);
  }

  /** The current secret, and the previous one while its rotation window lasts. */
  private secretsOf(endpoint: WebhookEndpoint): string[] {
    const secrets = [
      this.crypto.decrypt(endpoint.secretEnc, ENCRYPTED_COLUMNS.webhookSecret.aad(endpoint.id)),
    ];
    if (
      endpoint.previousSecretEnc &&
      endpoint.previousSecretExpiresAt &&
      endpoint.previousSecretExpiresAt > this.clock.now()
    ) {
      secrets.push(
        this.crypto.decrypt(
          endpoint.previousSecretEnc,
          ENCRYPTED_COLUMNS.webhookPreviousSecret.aad(endpoint.id),
        ),
      );
    }
    return secrets;
  }

  private async record(claim: ClaimedDelivery, result: SendResult): Promise<void> {
    const now = this.clock.now();
    const attempt = claim.attemptCount + 1;
    const ok = result.error === null;
    const next = ok ? null : nextAttemptAt(now, claim.createdAt, attempt, this.config.webhooks.retryForMs);
    const status = ok ? 'succeeded' : next ? 'pending' : 'failed';
    const kept = await recordDeliveryOutcome(
      this.em.fork(),
      {
        id: claim.id,
        lockToken: claim.lockToken,
        status,
        attemptCount: attempt,
        nextAttemptAt: next,
        statusCode: result.statusCode,
        error: result.error,
        durationMs: result.durationMs,
        deliveredAt: ok ? now : null,
        attemptId: newId('wha', now.getTime()),
      },
      now,
    );
    if (!kept) {
      this.logger.warn({ delivery: claim.id }, 'webhook outcome dropped: the claim expired or was canceled');
      return;
    }
    this.metrics.webhookAttempts.labels(status === 'pending' ? 'retrying' : status).inc();
    if (!ok) {
      // Ids, the attempt and what went wrong: never the secret, the signature or the payload (personal data).
      const fields = {
        endpoint_id: claim.endpointId,
        delivery_id: claim.id,
        event_id: claim.eventId,
        attempt,
        http_status: result.statusCode,
        error: result.error,
        next_attempt_at: next?.toISOString() ?? null,
      };
      if (next) this.logger.warn(fields, 'webhook delivery failed; retrying');
      else this.logger.error(fields, 'webhook delivery failed; giving up');
    }
  }
}
