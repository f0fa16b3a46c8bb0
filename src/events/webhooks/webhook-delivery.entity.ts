import { Entity, Index, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Event } from '../event.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

/**
 * `pending`: due at `nextAttemptAt` (retrying); `succeeded`: a 2xx was received; `failed`: retries exhausted;
 * `canceled`: the endpoint was disabled first.
 */
export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'canceled';

/** One event to one endpoint. Workers claim due rows with a lease (`lockedUntil`, `lockToken`). */
@Entity({ tableName: 'webhook_deliveries' })
@Index({ properties: ['status', 'nextAttemptAt'] })
@Index({
  name: 'webhook_deliveries_one_pending_per_endpoint',
  expression:
    'create unique index "webhook_deliveries_one_pending_per_endpoint" on "webhook_deliveries" ("event_id", "endpoint_id") where "status" = \'pending\'',
})
export class WebhookDelivery {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => Event, ref: true, deleteRule: 'cascade', index: true })
  event!: Ref<Event>;

  @ManyToOne({ entity: () => WebhookEndpoint, ref: true, deleteRule: 'cascade', index: true })
  endpoint!: Ref<WebhookEndpoint>;

  @Property({ type: 'text' })
  status!: WebhookDeliveryStatus;

  @Property({ type: 'integer' })
  attemptCount!: number;

  /** When the next attempt is due; null once the delivery is final. */
  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;

  /** A worker holds the delivery until then; after a crash it becomes claimable again (at-least-once). */
  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'text', nullable: true })
  lockToken?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  lastAttemptAt?: Date | null;

  @Property({ type: 'integer', nullable: true })
  lastStatusCode?: number | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  deliveredAt?: Date | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;
}

/** Every attempt of a delivery, for the merchant's log and for support. */
@Entity({ tableName: 'webhook_delivery_attempts' })
export class WebhookDeliveryAttempt {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @ManyToOne({ entity: () => WebhookDelivery, ref: true, deleteRule: 'cascade', index: true })
  delivery!: Ref<WebhookDelivery>;

  @Property({ type: 'timestamptz' })
  attemptedAt!: Date;

  @Property({ type: 'integer', nullable: true })
  statusCode?: number | null;

  @Property({ type: 'text', nullable: true })
  error?: string | null;

  @Property({ type: 'integer' })
  durationMs!: number;
}
