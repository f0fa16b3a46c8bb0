import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../common/clock/clock';
import { conflict, notFound } from '../common/errors/problem.exception';
import { newId } from '../common/ids';
import { decodeCursor, type Page, pageLimit, toPage } from '../common/pagination/pagination';
import { WebhookDelivery, WebhookDeliveryAttempt } from './webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from './webhooks/webhook-endpoint.entity';
import type { EventDto, EventsQueryDto, WebhookDeliveryDto } from './dto/event.dto';
import { Event } from './event.entity';
import { insertEvents } from './events.queries';
import type { EventType } from './event-types';

export interface EmitInput {
  merchantId: string;
  type: EventType;
  /** The object the event is about, in its API (DTO) shape: merchants see exactly this as `data`. */
  data: Record<string, unknown>;
}

@Injectable()
export class EventsService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
  ) {}

  /**
   * Records an event in the outbox: an `events` row and one pending delivery per enabled webhook endpoint of
   * the merchant subscribed to `type`. It writes with the caller's EntityManager, which must be inside a
   * transaction, so the event commits or rolls back together with the business change; delivery happens
   * later, in the background, and never slows the request down.
   *
   * ```ts
   * await this.em.transactional(async (em) => {
   *   token.status = 'canceled';
   *   await this.events.emit(em, {
   *     merchantId: token.merchant.id,
   *     type: 'customer_token.canceled',
   *     data: this.map(token),
   *   });
   * }); // the token change and the event commit together
   * ```
   */
  async emit(em: EntityManager, input: EmitInput): Promise<{ id: string }> {
    const [id] = await this.emitMany(em, [input]);
    return { id };
  }

  /** {@link emit} for many events at once (a batch job's outcomes): one statement for all of them and their deliveries. */
  async emitMany(em: EntityManager, inputs: EmitInput[]): Promise<string[]> {
    if (!em.isInTransaction()) {
      throw new Error('EventsService.emit must run inside the transaction of the change (em.transactional)');
    }
    if (inputs.length === 0) return [];
    // Webhooks go out in real time, also for an event stamped with a test clock's time.
    return insertEvents(em, inputs, this.clock.now(), this.clock.wallNow());
  }

  async list(merchantId: string, query: EventsQueryDto): Promise<Page<EventDto>> {
    const limit = pageLimit(query);
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      Event,
      {
        merchant: merchantId,
        ...(query.type ? { type: query.type as EventType } : {}),
        ...(before ? { id: { $lt: before } } : {}),
      },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
    const deliveries = await this.deliveriesOf(rows.slice(0, limit).map((e) => e.id));
    return toPage(rows, limit, (e) => this.map(e, deliveries.get(e.id) ?? []));
  }

  async get(merchantId: string, id: string): Promise<EventDto> {
    const event = await this.load(this.em, merchantId, id);
    const deliveries = (await this.deliveriesOf([id])).get(id) ?? [];
    const attempts = await this.em.find(
      WebhookDeliveryAttempt,
      { delivery: { $in: deliveries.map((d) => d.id) } },
      { orderBy: { attemptedAt: 'asc', id: 'asc' } },
    );
    return this.map(
      event,
      deliveries.map((d) => ({
        ...d,
        attempt_log: attempts
          .filter((a) => a.delivery.id === d.id)
          .map((a) => ({
            attempted_at: a.attemptedAt.toISOString(),
            status_code: a.statusCode ?? null,
            error: a.error ?? null,
            duration_ms: a.durationMs,
          })),
      })),
    );
  }

  /**
   * Queues the event again: to one endpoint, or to every enabled endpoint subscribed to its type. An endpoint
   * that still has a pending delivery of this event gets it moved to now instead of a second one, so one event
   * never goes to one endpoint twice at the same time.
   */
  async redeliver(merchantId: string, id: string, endpointId?: string): Promise<EventDto> {
    await this.em.transactional(async (em) => {
      const event = await this.load(em, merchantId, id, LockMode.PESSIMISTIC_WRITE);
      let targets: string[];
      if (endpointId) {
        const endpoint = await em.findOne(WebhookEndpoint, { id: endpointId, merchant: merchantId });
        if (!endpoint) throw notFound('Webhook endpoint', endpointId);
        if (endpoint.status !== 'enabled') {
          throw conflict('WEBHOOK_ENDPOINT_DISABLED', `Webhook endpoint ${endpointId} is disabled.`);
        }
        targets = [endpoint.id];
      } else {
        targets = await this.subscribedEndpoints(em, merchantId, event.type);
        if (targets.length === 0) {
          throw conflict(
            'NO_WEBHOOK_ENDPOINT',
            `No enabled webhook endpoint is subscribed to ${event.type}; pass endpoint_id or register one.`,
          );
        }
      }
      const now = this.clock.now();
      const pending = await em.find(WebhookDelivery, {
        event: id,
        endpoint: { $in: targets },
        status: 'pending',
      });
      for (const delivery of pending) delivery.nextAttemptAt = now;
      const fresh = targets.filter((t) => !pending.some((d) => d.endpoint.id === t));
      await this.queueDeliveries(
        em,
        fresh.map((endpointId) => ({ eventId: id, endpointId })),
        now,
      );
    });
    return this.get(merchantId, id);
  }

  private async load(
    em: EntityManager,
    merchantId: string,
    id: string,
    lockMode?: LockMode.PESSIMISTIC_WRITE,
  ): Promise<Event> {
    const event = await em.findOne(Event, { id, merchant: merchantId }, lockMode ? { lockMode } : {});
    if (!event) throw notFound('Event', id);
    return event;
  }

  private async subscribedEndpoints(
    em: EntityManager,
    merchantId: string,
    type: EventType,
  ): Promise<string[]> {
    const endpoints = await em.find(
      WebhookEndpoint,
      { merchant: merchantId, status: 'enabled' },
      { fields: ['id', 'events'], orderBy: { id: 'asc' }, disableIdentityMap: true },
    );
    return endpoints.filter((e) => e.events.includes(type)).map((e) => e.id);
  }

  private async queueDeliveries(
    em: EntityManager,
    deliveries: { eventId: string; endpointId: string }[],
    now: Date,
  ) {
    if (deliveries.length === 0) return;
    await em.insertMany(
      WebhookDelivery,
      deliveries.map(({ eventId, endpointId }) => ({
        id: newId('whd', now.getTime()),
        event: eventId,
        endpoint: endpointId,
        status: 'pending' as const,
        attemptCount: 0,
        nextAttemptAt: now,
        createdAt: now,
      })),
    );
  }

  private async deliveriesOf(eventIds: string[]): Promise<Map<string, WebhookDeliveryDto[]>> {
    const byEvent = new Map<string, WebhookDeliveryDto[]>();
    if (eventIds.length === 0) return byEvent;
    const rows = await this.em.find(
      WebhookDelivery,
      { event: { $in: eventIds } },
      { orderBy: { id: 'asc' } },
    );
    for (const row of rows) {
      const list = byEvent.get(row.event.id) ?? [];
      list.push(this.mapDelivery(row));
      byEvent.set(row.event.id, list);
    }
    return byEvent;
  }

  private mapDelivery(d: WebhookDelivery): WebhookDeliveryDto {
    return {
      id: d.id,
      endpoint_id: d.endpoint.id,
      status: d.status,
      attempts: d.attemptCount,
      next_attempt_at: d.status === 'pending' ? (d.nextAttemptAt?.toISOString() ?? null) : null,
      last_attempt_at: d.lastAttemptAt?.toISOString() ?? null,
      last_status_code: d.lastStatusCode ?? null,
      last_error: d.lastError ?? null,
      delivered_at: d.deliveredAt?.toISOString() ?? null,
      created_at: d.createdAt.toISOString(),
    };
  }

  private map(e: Event, deliveries: WebhookDeliveryDto[]): EventDto {
    return {
      id: e.id,
      type: e.type,
      created_at: e.createdAt.toISOString(),
      data: e.data,
      deliveries,
    };
  }
}
