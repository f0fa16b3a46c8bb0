import { ConfigService } from '@nestjs/config';
import type { PendingAuditEntry } from '../../evidence/audit/audit-in-outcome';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import { notFound, ProblemException, validationProblem } from '../../common/errors/problem.exception';
import { sha256OfCanonical } from '../../common/hashing/canonical-json';
import {
  idempotencyKeyReused,
  outcomeUnknown,
  requestInProgress,
} from '../../common/idempotency/idempotency.problems';
import { newId } from '../../common/ids';
import { decodeCursor, type Page, pageLimit, toPage } from '../../common/pagination/pagination';
import type { AppConfig, OrdersConfig } from '../../config/app-config';
import type { KlarnaOmOrderLine } from '../../klarna/klarna.types';
import { MerchantsService } from '../../merchants/merchants.service';
import {
  toOrderDto,
  viewOf,
  klarnaIdempotencyKey,
  type RenderedAnswer,
  JSON_CONTENT_TYPE,
} from '../orders/order-answers';
import { Order } from '../orders/order.entity';
import type { OrderDetailDto, OrderListQueryDto } from './dto/money.dto';
import {
  amountTooLarge,
  KLARNA_KEY_NAMESPACE,
  moneyOf,
  notAllowed,
  OPERATION_ID_PREFIX,
  toOperationDto,
} from './money-answers';
import { MoneyAttempts, type OperationSettled } from './money-attempts';
import {
  claimOperation,
  GAVE_UP,
  listOrderIds,
  type OrderMoneyRow,
  readOperationStart,
  type OperationKeyRow,
} from './money.queries';
import { OrderOperation, type OperationKind } from './order-operation.entity';

export interface OperationRequest {
  kind: OperationKind;
  /** Requested amount (captures: default the remaining amount; cancels: none). */
  amount?: number;
  orderLines?: KlarnaOmOrderLine[];
  description?: string;
  reference?: string;
}

/** Rounds of read, check and claim before a request gives up on an order that keeps changing (409). */
const MAX_CLAIM_ROUNDS = 25;

export interface OperationContext {
  requestId: string;
  /** `merchant` or `admin:<key id>`. */
  actor: string;
  /** An admin's request: its audit entry, written in the transaction that records the outcome. */
  auditEntry?: PendingAuditEntry;
}

/** The HTTP answer of an operation request: a rendered answer (sent as is) or a problem. */
export interface OperationAnswer {
  answer: RenderedAnswer | ProblemException;
  replayed: boolean;
}

/**
 * Captures, refunds and cancellations of token orders at Klarna's Order Management, exactly once per
 * Idempotency-Key. Checked against one snapshot of the order's money (captured and refunded amounts, plus what is
 * still in flight), claimed only if that money has not changed since (its version), BEFORE anything is sent, so an over-capture, an over-refund or a
 * cancel after a capture is refused here with nothing sent. Then the operation and the key are committed, and
 * Klarna is called with a Klarna-Idempotency-Key derived from ours; an unknown outcome is left to the completer.
 */
@Injectable()
export class MoneyService {
  private readonly config: OrdersConfig;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly merchants: MerchantsService,
    private readonly attempts: MoneyAttempts,
    config: ConfigService<AppConfig, true>,
  ) {
    this.config = config.getOrThrow('orders', { infer: true });
  }

  async operate(
    merchantId: string,
    orderId: string,
    idempotencyKey: string,
    request: OperationRequest,
    context: OperationContext,
  ): Promise<OperationAnswer> {
    const requestHash = sha256OfCanonical({
      route: `order.${request.kind}`,
      order_id: orderId,
      amount: request.amount,
      order_lines: request.orderLines,
      description: request.description,
      reference: request.reference,
    });
    // Each round reads the order's money in one snapshot, checks, and claims only if nothing changed meanwhile
    // (claimOperation): under concurrent operations on one order, the losers read again.
    for (let round = 0; round < MAX_CLAIM_ROUNDS; round++) {
      const start = await readOperationStart(this.em, merchantId, orderId, idempotencyKey);
      if (start.request_hash !== null)
        return this.fromExisting({ ...start, request_hash: start.request_hash }, requestHash);
      // 404 for an unknown or foreign order; 409 KLARNA_NOT_CONFIGURED; before anything is recorded.
      if (start.id === null) throw notFound('Order', orderId);
      const credentials = this.merchants.klarnaCredentialsOf(merchantId, {
        klarnaUsername: start.klarna_username,
        klarnaPasswordEnc: start.klarna_password_enc,
        klarnaRegion: start.klarna_region,
        klarnaEnvironment: start.klarna_environment,
        klarnaBaseUrl: start.klarna_base_url,
      });
      const claimed = await this.claim(
        merchantId,
        { ...start, id: start.id },
        idempotencyKey,
        requestHash,
        request,
        context,
      );
      if (!claimed) continue;
      const settled = await this.attempts.run({
        operation: claimed,
        klarnaOrderId: start.klarna_order_id!,
        attempt: 1,
        credentials,
        origin: 'request',
        auditEntry: context.auditEntry,
      });
      return answerOf(settled, context.actor.startsWith('admin:') ? '/admin/v1/orders/' : '/v1/orders/');
    }
    throw new ProblemException({
      status: 409,
      code: 'CONFLICT',
      title: 'Conflict',
      detail: `Order ${orderId} kept changing under concurrent operations; nothing was recorded. Retry with the same Idempotency-Key.`,
    });
  }

  /**
   * An admin's operation on any merchant's order: the same checks, ledger and Klarna call as the merchant's,
   * recorded with actor `admin:<key id>`. Admin idempotency keys live in a namespace of their own (see
   * adminIdempotencyKey), so that an admin's key never replays or blocks one of the merchant's.
   */
  async operateAsAdmin(
    adminKeyId: string,
    orderId: string,
    idempotencyKey: string,
    request: OperationRequest,
    requestId: string,
    auditEntry?: PendingAuditEntry,
  ): Promise<OperationAnswer> {
    const order = await this.em.fork().findOne(Order, { id: orderId }, { fields: ['merchant'] });
    if (!order) throw notFound('Order', orderId);
    return this.operate(order.merchant.id, orderId, adminIdempotencyKey(idempotencyKey), request, {
      requestId,
      actor: `admin:${adminKeyId}`,
      auditEntry,
    });
  }

  /** An order with its money; `merchantId` null for any merchant's (admins and auditors). */
  async get(merchantId: string | null, orderId: string): Promise<OrderDetailDto> {
    const em = this.em.fork();
    const order = await em.findOne(
      Order,
      merchantId === null ? { id: orderId } : { id: orderId, merchant: merchantId },
    );
    if (!order) throw notFound('Order', orderId);
    const operations = await em.find(OrderOperation, { orderId: order.id }, { orderBy: { id: 'asc' } });
    return this.detail(order, operations);
  }

  async list(merchantId: string, query: OrderListQueryDto): Promise<Page<OrderDetailDto>> {
    const em = this.em.fork();
    const limit = pageLimit(query);
    const ids = await listOrderIds(em, {
      merchantId,
      limit,
      before: decodeCursor(query.cursor),
      status: query.status,
      createdFrom: query.created_from ? new Date(query.created_from) : undefined,
      createdTo: query.created_to ? new Date(query.created_to) : undefined,
      customerTokenId: query.customer_token_id,
      subscriptionId: query.subscription_id,
    });
    const wanted = ids.map((r) => r.id);
    const orders = wanted.length
      ? await em.find(Order, { id: { $in: wanted } }, { orderBy: { id: 'desc' } })
      : [];
    const operations = wanted.length
      ? await em.find(OrderOperation, { orderId: { $in: wanted } }, { orderBy: { id: 'asc' } })
      : [];
    const byOrder = new Map<string, OrderOperation[]>();
    for (const op of operations) byOrder.set(op.orderId, [...(byOrder.get(op.orderId) ?? []), op]);
    return toPage(orders, limit, (o) => this.detail(o, byOrder.get(o.id) ?? []));
  }

  private detail(order: Order, operations: OrderOperation[]): OrderDetailDto {
    return { ...toOrderDto(viewOf(order)), money: moneyOf(order, operations, this.clock.now()) };
  }

  private fromExisting(row: OperationKeyRow, requestHash: string): OperationAnswer {
    if (row.request_hash !== requestHash || row.operation_id === null) {
      return { answer: idempotencyKeyReused(), replayed: false };
    }
    if (row.response_status !== null && row.response_body !== null) {
      return {
        answer: {
          status: row.response_status,
          contentType: row.response_content_type!,
          body: row.response_body,
        },
        replayed: true,
      };
    }
    if (row.op_status === 'unknown' && row.op_last_error === GAVE_UP) {
      return { answer: outcomeUnknown(`operation ${row.operation_id}`), replayed: false };
    }
    const waitMs =
      row.op_last_error && row.op_next_attempt_at
        ? new Date(row.op_next_attempt_at).getTime() - this.clock.nowMs()
        : 1000;
    const retryAfter = Math.min(60, Math.max(1, Math.ceil(waitMs / 1000)));
    return {
      answer: requestInProgress(retryAfter, `${row.operation_id}, its outcome at Klarna not known yet`),
      replayed: false,
    };
  }

  /**
   * The checks against the money as read, then the key and the operation committed together if the money is
   * still at that version. Null when it is not, or when another request took the key meanwhile (read again).
   * Throws the problem of a refused request (nothing recorded).
   */
  private async claim(
    merchantId: string,
    row: OrderMoneyRow,
    idempotencyKey: string,
    requestHash: string,
    request: OperationRequest,
    context: OperationContext,
  ): Promise<OrderOperation | null> {
    const now = this.clock.now();
    const amount = checkOperation(row, request, now);
    const operation: OrderOperation = {
      id: newId(OPERATION_ID_PREFIX[request.kind], now.getTime()),
      orderId: row.id,
      merchantId,
      kind: request.kind,
      source: 'api',
      status: 'unknown',
      amount,
      orderLines: request.orderLines ?? null,
      description: request.description ?? null,
      reference: request.reference ?? null,
      idempotencyKey,
      klarnaIdempotencyKey: klarnaIdempotencyKey(
        merchantId,
        idempotencyKey,
        KLARNA_KEY_NAMESPACE[request.kind],
      ),
      requestId: context.requestId,
      klarnaId: null,
      errorCode: null,
      errorMessage: null,
      actor: context.actor,
      attempts: 1,
      nextAttemptAt: new Date(now.getTime() + this.config.attemptLeaseMs),
      lastError: null,
      createdAt: now,
      updatedAt: now,
      completedAt: null,
    };
    const claimed = await claimOperation(
      this.em,
      {
        ...operation,
        orderLines: operation.orderLines ?? null,
        description: operation.description ?? null,
        reference: operation.reference ?? null,
        idempotencyKey,
        klarnaIdempotencyKey: operation.klarnaIdempotencyKey!,
        requestId: context.requestId,
        nextAttemptAt: operation.nextAttemptAt!,
        now,
      },
      requestHash,
      new Date(now.getTime() + this.config.idempotencyRetentionMs),
      Number(row.money_version),
    );
    return claimed === 'claimed' ? operation : null;
  }
}

/**
 * Where admin keys are stored among the merchant's: behind a control character, which a key sent by anyone can
 * never contain (idempotencyKeyProblem refuses them), so no merchant key can equal an admin key. One namespace for
 * all admin keys: a retry with another admin key (rotated meanwhile) still gets the first answer.
 */
export const adminIdempotencyKey = (key: string): string => `\u001fadmin\u001f${key}`;

/**
 * The checks of an operation against the order's money (amounts in flight count as spent), in the order
 * merchants see them. Returns the amount to send.
 */
export function checkOperation(row: OrderMoneyRow, request: OperationRequest, now: Date): number {
  const { kind } = request;
  const what = kind === 'cancel' ? 'canceled' : `${kind}d`;
  if ((row.status !== 'accepted' && row.status !== 'pending') || !row.klarna_order_id) {
    throw notAllowed(
      'ORDER_NOT_PLACED',
      `Order ${row.id} is ${row.status}; only an order Klarna placed can be ${what}.`,
    );
  }
  const ordered = Number(row.order_amount);
  const captured = Number(row.captured_amount);
  const refunded = Number(row.refunded_amount);
  const pendingCaptures = Number(row.pending_captures);
  const pendingRefunds = Number(row.pending_refunds);
  const canceled = row.canceled_at !== null || row.klarna_status === 'CANCELLED' || row.pending_cancels > 0;
  const closed = row.klarna_status === 'CLOSED';
  const expired =
    row.klarna_status === 'EXPIRED' ||
    (row.authorization_expires_at !== null &&
      new Date(row.authorization_expires_at).getTime() <= now.getTime());

  if (kind === 'capture') {
    const code = 'CAPTURE_NOT_ALLOWED';
    if (canceled) throw notAllowed(code, `Order ${row.id} is canceled; nothing can be captured.`);
    if (closed) throw notAllowed(code, `Order ${row.id} is closed at Klarna; nothing can be captured.`);
    const remaining = ordered - captured - pendingCaptures;
    if (remaining <= 0) {
      throw notAllowed(
        code,
        `Order ${row.id} is captured in full` + (pendingCaptures > 0 ? ' (a capture is in progress).' : '.'),
      );
    }
    if (expired) {
      throw notAllowed(code, `The authorization of order ${row.id} expired; nothing can be captured.`);
    }
    const lineTotal = request.orderLines?.reduce((sum, line) => sum + Number(line.total_amount ?? 0), 0);
    const amount = request.amount ?? lineTotal ?? remaining;
    if (lineTotal !== undefined && lineTotal !== amount) {
      throw validationProblem([
        { field: 'order_lines', message: `total_amount must add up to amount (${amount}), not ${lineTotal}` },
      ]);
    }
    if (amount > remaining) {
      throw amountTooLarge(
        'CAPTURE_EXCEEDS_AUTHORIZATION',
        `Capture of ${amount} exceeds the remaining authorized amount of order ${row.id} (${remaining}).`,
        remaining,
      );
    }
    return amount;
  }
  if (kind === 'refund') {
    const amount = request.amount!;
    const refundable = captured - refunded - pendingRefunds;
    if (captured === 0) {
      throw notAllowed(
        'REFUND_NOT_ALLOWED',
        `Nothing of order ${row.id} is captured yet; cancel it instead.`,
      );
    }
    const lineTotal = request.orderLines?.reduce((sum, line) => sum + Number(line.total_amount ?? 0), 0);
    if (lineTotal !== undefined && lineTotal !== amount) {
      throw validationProblem([
        { field: 'order_lines', message: `total_amount must add up to amount (${amount}), not ${lineTotal}` },
      ]);
    }
    if (amount > refundable) {
      throw amountTooLarge(
        'REFUND_EXCEEDS_CAPTURED',
        `Refund of ${amount} exceeds what is captured and not yet refunded on order ${row.id} (${Math.max(0, refundable)}).`,
        Math.max(0, refundable),
      );
    }
    return amount;
  }
  const code = 'CANCEL_NOT_ALLOWED';
  if (canceled) throw notAllowed(code, `Order ${row.id} is already canceled.`);
  if (captured > 0 || pendingCaptures > 0) {
    throw notAllowed(code, `Order ${row.id} is captured (${captured + pendingCaptures}); refund it instead.`);
  }
  if (closed || expired)
    throw notAllowed(code, `Order ${row.id} is ${closed ? 'closed' : 'expired'} at Klarna.`);
  return 0;
}

/** `orders` is where the caller reads the order: the merchant's route, or the admin's for an admin's operation. */
function answerOf(settled: OperationSettled, orders: string): OperationAnswer {
  switch (settled.kind) {
    case 'final':
      return { answer: settled.answer, replayed: false };
    case 'unknown':
      return {
        answer: {
          status: 202,
          contentType: JSON_CONTENT_TYPE,
          body: JSON.stringify(toOperationDto(settled.operation)),
          headers: { Location: `${orders}${settled.operation.orderId}`, 'Retry-After': '1' },
        },
        replayed: false,
      };
    case 'released':
      return { answer: settled.problem, replayed: false };
  }
}
