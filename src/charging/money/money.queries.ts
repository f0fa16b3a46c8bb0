import type { EntityManager } from '@mikro-orm/postgresql';
import { ASYNC_COMMIT_CTE, sql, sqlParams } from '../../common/database/sql';
import { outboxCtes, type OutboxCteInput } from '../../events/outbox-sql';
import type { KlarnaEnvironment, KlarnaRegion } from '../../merchants/merchant.entity';
import type { OperationKind, OperationStatus } from './order-operation.entity';

// Every hand-written statement of captures, refunds and cancellations (one query file per feature).

/** The idempotency key of a money operation and, when final, the answer every replay gets. */
export interface OperationKeyRow {
  request_hash: string;
  operation_id: string | null;
  response_status: number | null;
  response_content_type: string | null;
  response_body: string | null;
  op_status: OperationStatus | null;
  op_last_error: string | null;
  op_next_attempt_at: string | null;
}

/**
 * What an operation request needs before anything is recorded, in one round trip and one snapshot: its
 * idempotency key (with the operation's state), the order's money with what is in flight at Klarna (the
 * `OrderMoneyRow` fields, null when the merchant has no such order), and the merchant's Klarna credentials.
 */
export interface OperationStartRow extends Omit<OperationKeyRow, 'request_hash'>, Omit<OrderMoneyRow, 'id'> {
  /** Null when the key is new. */
  request_hash: string | null;
  /** Null when the merchant has no such order. */
  id: string | null;
  klarna_username: string | null;
  klarna_password_enc: string | null;
  klarna_region: KlarnaRegion | null;
  klarna_environment: KlarnaEnvironment | null;
  klarna_base_url: string | null;
}

export async function readOperationStart(
  em: EntityManager,
  merchantId: string,
  orderId: string,
  key: string,
): Promise<OperationStartRow> {
  const [row] = await sql<OperationStartRow>(
    em,
    `select k.request_hash, k.operation_id, k.response_status, k.response_content_type, k.response_body,
            op.status as op_status, op.last_error as op_last_error, op.next_attempt_at as op_next_attempt_at,
            o.id, o.status, o.klarna_order_id, o.order_amount, o.captured_amount, o.refunded_amount, o.canceled_at,
            o.authorization_expires_at, o.klarna_status, o.money_version,
            coalesce((select sum(amount) from order_operations op
                       where op.order_id = o.id and op.kind = 'capture' and op.status = 'unknown'), 0) as pending_captures,
            coalesce((select sum(amount) from order_operations op
                       where op.order_id = o.id and op.kind = 'refund' and op.status = 'unknown'), 0) as pending_refunds,
            (select count(*) from order_operations op
              where op.order_id = o.id and op.kind = 'cancel' and op.status = 'unknown')::int as pending_cancels,
            m.klarna_username, m.klarna_password_enc, m.klarna_region, m.klarna_environment, m.klarna_base_url
       from (select 1) one
       left join idempotency_keys k on k.merchant_id = $1 and k.key = $3
       left join order_operations op on op.id = k.operation_id
       left join orders o on o.id = $2 and o.merchant_id = $1
       left join merchants m on m.id = o.merchant_id`,
    [merchantId, orderId, key],
  );
  return row;
}

/** An order's money as one snapshot saw it, with what is in flight at Klarna, and its version. */
export interface OrderMoneyRow {
  id: string;
  status: string;
  klarna_order_id: string | null;
  order_amount: string;
  captured_amount: string;
  refunded_amount: string;
  canceled_at: string | null;
  authorization_expires_at: string | null;
  klarna_status: string | null;
  pending_captures: string;
  pending_refunds: string;
  pending_cancels: number;
  money_version: number;
}

export interface NewOperation {
  id: string;
  orderId: string;
  merchantId: string;
  kind: OperationKind;
  amount: number;
  orderLines: unknown[] | null;
  description: string | null;
  reference: string | null;
  idempotencyKey: string;
  klarnaIdempotencyKey: string;
  requestId: string;
  actor: string;
  nextAttemptAt: Date;
  now: Date;
}

/**
 * Claims the idempotency key and commits the first attempt in one statement, only if the order's money is still
 * at the version the checks were made against (`money_version`, which every claim and every recorded outcome
 * moves on): `version_changed` when another operation claimed or finished meanwhile (read again and re-check),
 * `key_taken` when another request holds the key already. The update takes the order's row lock, so claims of
 * one order are serialized without holding a lock across round trips.
 */
export async function claimOperation(
  em: EntityManager,
  op: NewOperation,
  requestHash: string,
  keyExpiresAt: Date,
  moneyVersion: number,
): Promise<'claimed' | 'version_changed' | 'key_taken'> {
  const [row] = await sql<{ versioned: number; claimed: number }>(
    em,
    `with v as (
           update orders set money_version = money_version + 1, updated_at = $5
            where id = $7 and merchant_id = $1 and money_version = $17 returning id),
         claimed as (
           insert into idempotency_keys (merchant_id, key, request_hash, operation_id, created_at, expires_at)
           select $1, $2, $3, $4, $5, $6 from v on conflict do nothing returning operation_id),
         op as (
           insert into order_operations (id, order_id, merchant_id, kind, source, status, amount, order_lines,
                                         description, reference, idempotency_key, klarna_idempotency_key, request_id,
                                         actor, attempts, next_attempt_at, created_at, updated_at)
           select operation_id, $7, $1, $8, 'api', 'unknown', $9, $10::jsonb, $11, $12, $2, $13, $14, $15, 1, $16, $5, $5
             from claimed
           returning id)
     select (select count(*) from v)::int as versioned, (select count(*) from op)::int as claimed`,
    [
      op.merchantId,
      op.idempotencyKey,
      requestHash,
      op.id,
      op.now,
      keyExpiresAt,
      op.orderId,
      op.kind,
      op.amount,
      op.orderLines === null ? null : JSON.stringify(op.orderLines),
      op.description,
      op.reference,
      op.klarnaIdempotencyKey,
      op.requestId,
      op.actor,
      op.nextAttemptAt,
      moneyVersion,
    ],
  );
  return row.claimed === 1 ? 'claimed' : row.versioned === 1 ? 'key_taken' : 'version_changed';
}

/**
 * Gives key and operation back when Klarna certainly never saw this attempt (and nobody took it over).
 *
 * This file's statements that find one operation by id while it is still unknown compare the status to
 * `(select 'unknown')`, a value the planner learns only when the statement runs: against the constant it may
 * reach the row through the partial index of unknown operations, scanning it whole with the id as a filter, dead
 * entries and all (issue #16; test/database/query-plans.e2e-spec.ts).
 */
export async function releaseOperation(em: EntityManager, id: string, attempt: number): Promise<boolean> {
  const rows = await sql<{ id: string }>(
    em,
    `with released as (
         delete from order_operations where id = $1 and status = (select 'unknown') and attempts = $2 returning id)
       delete from idempotency_keys where operation_id in (select id from released) returning operation_id as id`,
    [id, attempt],
  );
  return rows.length > 0;
}

/** Leaves an unknown operation due for the completer after a backoff (only while this attempt holds it). */
export async function rescheduleOperation(
  em: EntityManager,
  id: string,
  attempt: number,
  nextAttemptAt: Date,
  reason: string,
  now: Date,
): Promise<void> {
  await sql(
    em,
    `update order_operations set next_attempt_at = $3, last_error = $4, updated_at = $5
      where id = $1 and status = (select 'unknown') and attempts = $2`,
    [id, attempt, nextAttemptAt, reason, now],
  );
}

export interface FinalOperation {
  id: string;
  orderId: string;
  merchantId: string;
  kind: OperationKind;
  amount: number;
  status: 'succeeded' | 'failed';
  klarnaId: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

/**
 * Records Klarna's definite answer in ONE statement (one implicit transaction, one round trip): the operation
 * (only while still unknown), the order's money when it succeeded, the answer for replays, and — when it
 * succeeded and this call won — the event with its webhook deliveries. True when this call won.
 *
 * Committed without waiting for the WAL flush, like a token order's outcome (see OrderAttempts.record): the
 * operation was committed durably before Klarna was called and Klarna replays the same answer for the same
 * Klarna-Idempotency-Key, so an outcome PostgreSQL lost in a crash is recorded again, the same, by the completer.
 */
export async function finalizeOperation(
  em: EntityManager,
  op: FinalOperation,
  answer: { status: number; contentType: string; body: string },
  now: Date,
  event: Omit<OutboxCteInput, 'when'>,
): Promise<boolean> {
  const { values, p } = sqlParams();
  const ok = p(op.status === 'succeeded');
  const at = p(now);
  const finalized = `${ASYNC_COMMIT_CTE},
       f as (
         update order_operations set status = ${p(op.status)}, klarna_id = ${p(op.klarnaId)},
                error_code = ${p(op.errorCode)}, error_message = ${p(op.errorMessage)},
                next_attempt_at = null, last_error = null, completed_at = ${at}, updated_at = ${at}
          where id = ${p(op.id)} and status = (select 'unknown') returning id, order_id, kind, amount),
       m as (
         update orders o set
                captured_amount = o.captured_amount + case when f.kind = 'capture' then f.amount else 0 end,
                refunded_amount = o.refunded_amount + case when f.kind = 'refund' then f.amount else 0 end,
                canceled_at = case when f.kind = 'cancel' then ${at}::timestamptz else o.canceled_at end,
                money_version = o.money_version + 1, updated_at = ${at}
           from f where o.id = f.order_id and ${ok}::boolean returning o.id),
       k as (
         update idempotency_keys set response_status = ${p(answer.status)},
                response_content_type = ${p(answer.contentType)}, response_body = ${p(answer.body)}
          where operation_id in (select id from f) returning 1)`;
  const { ctes } = outboxCtes(p, { ...event, when: 'm' }, now);
  const rows = await sql<{ won: number }>(
    em,
    `with ${finalized}, ${ctes}
     select ((select count(*) from f) + 0 * (select count(*) from k)
             + 0 * (select count(*) from outbox_deliveries) + 0 * (select count(*) from commit_mode))::int as won`,
    values,
  );
  return rows[0].won === 1;
}

/** The stored answer of a final operation (another recorder won). */
export async function storedOperationAnswer(
  em: EntityManager,
  operationId: string,
): Promise<{ status: number; contentType: string; body: string } | undefined> {
  const [row] = await sql<{ response_status: number; response_content_type: string; response_body: string }>(
    em,
    `select response_status, response_content_type, response_body from idempotency_keys
      where operation_id = $1 and response_status is not null`,
    [operationId],
  );
  return row
    ? { status: row.response_status, contentType: row.response_content_type, body: row.response_body }
    : undefined;
}

/** `last_error` of an unknown operation the completer stopped retrying. */
export const GAVE_UP = 'gave_up';

/** Unknown operations past the give-up age: no longer retried (a retry could fall outside Klarna's window). */
export function abandonOverdueOperations(
  em: EntityManager,
  now: Date,
  giveUpBefore: Date,
): Promise<{ id: string }[]> {
  return sql<{ id: string }>(
    em,
    `update order_operations set next_attempt_at = null, last_error = $3, updated_at = $1
        where status = 'unknown' and next_attempt_at <= $1 and created_at <= $2 returning id`,
    [now, giveUpBefore, GAVE_UP],
  );
}

/** Leases up to `batch` due unknown operations to this instance (SKIP LOCKED), counting the attempt. */
export function claimDueOperations(
  em: EntityManager,
  leaseUntil: Date,
  now: Date,
  batch: number,
): Promise<{ id: string; attempts: number }[]> {
  return sql<{ id: string; attempts: number }>(
    em,
    `update order_operations set attempts = attempts + 1, next_attempt_at = $1, updated_at = $2
        where id in (select id from order_operations
                      where status = 'unknown' and next_attempt_at <= $2
                      order by next_attempt_at limit $3 for update skip locked)
        returning id, attempts`,
    [leaseUntil, now, batch],
  );
}

export interface OrderListFilter {
  merchantId: string;
  before?: string;
  status?: string;
  createdFrom?: Date;
  createdTo?: Date;
  customerTokenId?: string;
  subscriptionId?: string;
  limit: number;
}

/** A merchant's orders across tokens, newest first, with the filters of GET /v1/orders. */
export function listOrderIds(em: EntityManager, f: OrderListFilter): Promise<{ id: string }[]> {
  const { values, p } = sqlParams();
  const where = [`merchant_id = ${p(f.merchantId)}`];
  if (f.before) where.push(`id < ${p(f.before)}`);
  if (f.status) where.push(`status = ${p(f.status)}`);
  if (f.createdFrom) where.push(`created_at >= ${p(f.createdFrom)}`);
  if (f.createdTo) where.push(`created_at < ${p(f.createdTo)}`);
  if (f.customerTokenId) where.push(`customer_token_id = ${p(f.customerTokenId)}`);
  if (f.subscriptionId) where.push(`subscription_id = ${p(f.subscriptionId)}`);
  return sql<{ id: string }>(
    em,
    `select id from orders where ${where.join(' and ')} order by id desc limit ${p(f.limit + 1)}`,
    values,
  );
}

/**
 * Leases placed orders whose money can still change at Klarna and that are due for a read (none of their own
 * operations in flight), longest unread first; the lease moves `reconciled_at` in the same statement.
 */
export function claimOrdersToReconcile(
  em: EntityManager,
  claimedAs: Date,
  dueBefore: Date,
  batch: number,
): Promise<{ id: string }[]> {
  return sql<{ id: string }>(
    em,
    `update orders set reconciled_at = $1
      where id in (select o.id from orders o
                    where o.status in ('accepted', 'pending') and o.klarna_order_id is not null
                      and coalesce(o.klarna_status, '') not in ('CLOSED', 'CANCELLED', 'EXPIRED')
                      and o.canceled_at is null
                      and (o.reconciled_at is null or o.reconciled_at <= $2)
                      and not exists (select 1 from order_operations op
                                       where op.order_id = o.id and op.status = 'unknown')
                    order by o.reconciled_at nulls first, o.id
                    limit $3 for update skip locked)
      returning id`,
    [claimedAs, dueBefore, batch],
  );
}

/** Klarna's capture and refund ids this order already has rows for. */
export function knownKlarnaIds(em: EntityManager, orderId: string): Promise<{ klarna_id: string }[]> {
  return sql<{ klarna_id: string }>(
    em,
    `select klarna_id from order_operations where order_id = $1 and klarna_id is not null`,
    [orderId],
  );
}

export interface ReconciledMoney {
  orderId: string;
  version: number;
  capturedAmount: number;
  refundedAmount: number;
  klarnaStatus: string;
  expiresAt: Date | null;
  canceled: boolean;
  now: Date;
}

/** Writes Klarna's amounts over the version read; false when an operation changed the order meanwhile. */
export async function applyReconciledMoney(tx: EntityManager, r: ReconciledMoney): Promise<boolean> {
  const rows = await sql<{ id: string }>(
    tx,
    `update orders set captured_amount = $3, refunded_amount = $4, klarna_status = $5,
            authorization_expires_at = coalesce($6::timestamptz, authorization_expires_at),
            canceled_at = case when $7::boolean then coalesce(canceled_at, $8::timestamptz) else canceled_at end,
            money_version = money_version + 1, reconciled_at = $8, updated_at = $8
      where id = $1 and money_version = $2
        and not exists (select 1 from order_operations op where op.order_id = $1 and op.status = 'unknown')
      returning id`,
    [
      r.orderId,
      r.version,
      r.capturedAmount,
      r.refundedAmount,
      r.klarnaStatus,
      r.expiresAt,
      r.canceled,
      r.now,
    ],
  );
  return rows.length === 1;
}

/** Orders whose uncaptured authorization expires before `horizon`, not yet announced; marked in the statement. */
export function claimExpiringAuthorizations(
  em: EntityManager,
  now: Date,
  horizon: Date,
  batch: number,
): Promise<{ id: string }[]> {
  return sql<{ id: string }>(
    em,
    `update orders set capture_expiring_notified_at = $1
      where id in (select id from orders
                    where status in ('accepted', 'pending') and canceled_at is null
                      and captured_amount < order_amount and capture_expiring_notified_at is null
                      and authorization_expires_at is not null
                      and authorization_expires_at > $1 and authorization_expires_at <= $2
                    order by authorization_expires_at limit $3 for update skip locked)
      returning id`,
    [now, horizon, batch],
  );
}

export interface ExternalOperation {
  id: string;
  orderId: string;
  merchantId: string;
  kind: OperationKind;
  amount: number;
  klarnaId: string | null;
  description: string | null;
  reference: string | null;
  at: Date;
  now: Date;
}

/** Records a capture, refund or cancellation made outside Autopay (found at Klarna by reconciliation). */
export async function insertExternalOperation(tx: EntityManager, op: ExternalOperation): Promise<void> {
  await sql(
    tx,
    `insert into order_operations (id, order_id, merchant_id, kind, source, status, amount, description, reference,
                                   klarna_id, actor, attempts, created_at, updated_at, completed_at)
     values ($1, $2, $3, $4, 'klarna', 'succeeded', $5, $6, $7, $8, 'klarna', 0, $9, $10, $10)`,
    [
      op.id,
      op.orderId,
      op.merchantId,
      op.kind,
      op.amount,
      op.description,
      op.reference,
      op.klarnaId,
      op.at,
      op.now,
    ],
  );
}
