import { Entity, Index, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';

/**
 * One Idempotency-Key of a caller (a merchant, or a platform key) and, once its request finished, the exact
 * answer (status, content type, body bytes) that every replay gets. One table and one namespace for every
 * idempotent route: token orders claim their key together with the order (`order_id`); the other creating POSTs
 * claim it through the IdempotencyInterceptor with a lease (`locked_until`) while the request runs. Removed by
 * the cleanup job after the retention period.
 */
@Entity({ tableName: 'idempotency_keys' })
@Index({ properties: ['expiresAt'] })
export class IdempotencyKey {
  [PrimaryKeyProp]?: ['merchantId', 'key'];

  /** The caller's scope: the merchant id for merchant keys, `platform:<api key id>` for platform keys. */
  @PrimaryKey({ type: 'text' })
  merchantId!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  /** SHA-256 of the canonical JSON of the request (route, path parameters and body). */
  @Property({ type: 'text' })
  requestHash!: string;

  /** The token order this key placed; null for the other idempotent routes. */
  @Property({ type: 'text', nullable: true })
  @Index()
  orderId?: string | null;

  /** The capture, refund or cancellation (order_operations) this key started; null for the other routes. */
  @Property({ type: 'text', nullable: true })
  @Index()
  operationId?: string | null;

  /**
   * What a request with this key created, bound in the transaction that created it, for routes whose work commits
   * before their answer is recorded (a subscription, which then charges): after a crash in between, the retry that
   * takes over the key answers with this resource instead of creating a second one.
   */
  @Property({ type: 'text', nullable: true })
  resourceId?: string | null;

  /** While a request other than a token order runs: until when it holds the key (after a crash, the lease ends). */
  @Property({ type: 'timestamptz', nullable: true })
  lockedUntil?: Date | null;

  @Property({ type: 'integer', nullable: true })
  responseStatus?: number | null;

  @Property({ type: 'text', nullable: true })
  responseContentType?: string | null;

  /** A token order's answer (no secrets in it). */
  @Property({ type: 'text', nullable: true })
  responseBody?: string | null;

  /**
   * Any other route's answer, envelope-encrypted: it can carry a secret shown once (an API key, a webhook
   * secret) or a Klarna client token, which are never stored in the clear.
   */
  @Property({ type: 'text', nullable: true })
  responseBodyEnc?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
