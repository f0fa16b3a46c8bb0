import { BigIntType, Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import type { KlarnaOmOrderLine } from '../../klarna/klarna.types';

/** A capture (`cap_…`), a refund (`ref_…`) or a cancellation (`cnl_…`) of a token order. */
export type OperationKind = 'capture' | 'refund' | 'cancel';

/**
 * `unknown`: committed before Klarna is called; stays so while the call is in flight and when Klarna's answer
 * was lost. `succeeded`: Klarna executed it. `failed`: Klarna refused it (definite answer).
 */
export type OperationStatus = 'unknown' | 'succeeded' | 'failed';

/** `api`: asked through Autopay. `klarna`: found at Klarna by the reconciliation job (done in Klarna's portal). */
export type OperationSource = 'api' | 'klarna';

/**
 * One money movement on a token order at Klarna's Order Management, with the token orders' exactly-once attempt
 * pattern: the row (and the merchant's Idempotency-Key) is committed before Klarna is called with a
 * Klarna-Idempotency-Key derived from ours; an unknown outcome is finished by the completer with the same key.
 */
@Entity({ tableName: 'order_operations' })
@Index({ properties: ['orderId', 'id'] })
@Index({ properties: ['merchantId', 'idempotencyKey'] })
@Index({
  name: 'order_operations_unknown_next_attempt_at_index',
  expression:
    'create index "order_operations_unknown_next_attempt_at_index" on "order_operations" ("next_attempt_at") where "status" = \'unknown\'',
})
export class OrderOperation {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'text' })
  orderId!: string;

  @Property({ type: 'text' })
  merchantId!: string;

  @Property({ type: 'text' })
  kind!: OperationKind;

  @Property({ type: 'text' })
  source!: OperationSource;

  @Property({ type: 'text' })
  status!: OperationStatus;

  /** Minor units; 0 for a cancellation. */
  @Property({ type: new BigIntType('number') })
  amount!: number;

  @Property({ type: 'json', nullable: true })
  orderLines?: KlarnaOmOrderLine[] | null;

  /** A refund's reason (sent to Klarna as its description) or a capture's description. */
  @Property({ type: 'text', nullable: true })
  description?: string | null;

  @Property({ type: 'text', nullable: true })
  reference?: string | null;

  /** The merchant's Idempotency-Key (null for operations found at Klarna). */
  @Property({ type: 'text', nullable: true })
  idempotencyKey?: string | null;

  @Property({ type: 'text', nullable: true })
  klarnaIdempotencyKey?: string | null;

  @Property({ type: 'text', nullable: true })
  requestId?: string | null;

  /** Klarna's capture_id / refund_id. */
  @Property({ type: 'text', nullable: true })
  klarnaId?: string | null;

  @Property({ type: 'text', nullable: true })
  errorCode?: string | null;

  @Property({ type: 'text', nullable: true })
  errorMessage?: string | null;

  /** `merchant`, `admin:<key id>`, or `klarna` (reconciliation). */
  @Property({ type: 'text' })
  actor!: string;

  @Property({ type: 'integer' })
  attempts!: number;

  @Property({ type: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null;

  @Property({ type: 'text', nullable: true })
  lastError?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt!: Date;

  @Property({ type: 'timestamptz' })
  updatedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;
}
