import { ConfigService } from '@nestjs/config';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { newId } from '../../common/ids';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig } from '../../config/app-config';
import { EventsService } from '../../events/events.service';
import { KlarnaClient } from '../../klarna/klarna.client';
import type { KlarnaOmOrder } from '../../klarna/klarna.types';
import { MerchantsService } from '../../merchants/merchants.service';
import { Order } from '../orders/order.entity';
import { EVENT_OF_KIND, OPERATION_ID_PREFIX, toOperationDto } from './money-answers';
import {
  applyReconciledMoney,
  claimOrdersToReconcile,
  type ExternalOperation,
  insertExternalOperation,
  knownKlarnaIds,
} from './money.queries';
import type { OrderOperation } from './order-operation.entity';

/** How often each open order is read from Klarna. */
export const RECONCILE_EVERY_MS = 6 * 3600_000;
/** A failed read is retried after this long instead of a whole interval. */
const FAILED_READ_RETRY_MS = 15 * 60_000;
const BATCH = 100;
const CONCURRENCY = 8;

/**
 * Picks up what changed at Klarna outside Autopay (a refund or capture in Klarna's merchant portal, a
 * cancellation, an expiry, a closed order): every placed order whose money can still change is read from
 * Klarna's Order Management about once per RECONCILE_EVERY_MS (leased in one statement, SKIP LOCKED). Captures
 * and refunds Autopay has no row for are recorded (`source: klarna`) with their events, and Klarna's amounts and
 * status are written over the version read, never while an operation of Autopay's own is in flight.
 */
@Injectable()
export class OrderReconciliationJob extends PeriodicJob {
  readonly name = 'order-reconciliation';
  readonly intervalMs = 5 * 60_000;

  constructor(
    scheduler: SchedulerRegistry,
    config: ConfigService<AppConfig, true>,
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly klarna: KlarnaClient,
    private readonly merchants: MerchantsService,
    private readonly events: EventsService,
  ) {
    super(scheduler, config.getOrThrow('jobs', { infer: true }).enabled);
  }

  async runOnce(): Promise<number> {
    const now = this.clock.nowMs();
    const claimedAs = new Date(now - RECONCILE_EVERY_MS + FAILED_READ_RETRY_MS);
    const rows = await claimOrdersToReconcile(
      this.orm.em.fork(),
      claimedAs,
      new Date(now - RECONCILE_EVERY_MS),
      BATCH,
    );
    const queue = rows.map((r) => r.id);
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        try {
          await this.reconcile(id);
        } catch (error) {
          this.logger.warn({ err: error, order_id: id }, 'order reconciliation failed; retried later');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    return rows.length;
  }

  /** Reads one order from Klarna and records what changed; true when something did. */
  async reconcile(orderId: string): Promise<boolean> {
    const em = this.orm.em.fork();
    const order = await em.findOneOrFail(Order, { id: orderId });
    const version = order.moneyVersion;
    const merchantId = order.merchant.id;
    const credentials = await this.merchants.klarnaCredentials(merchantId, em);
    const { data } = await this.klarna.readOmOrder(credentials, order.klarnaOrderId!);
    const known = new Set((await knownKlarnaIds(em, orderId)).map((r) => r.klarna_id));
    const now = this.clock.now();
    const found = externalOperations(order, data, known, now);
    const unchanged =
      found.length === 0 &&
      Number(order.capturedAmount) === data.captured_amount &&
      Number(order.refundedAmount) === data.refunded_amount &&
      order.klarnaStatus === data.status;
    return this.orm.em.fork().transactional(async (tx) => {
      const applied = await applyReconciledMoney(tx, {
        orderId,
        version,
        capturedAmount: data.captured_amount,
        refundedAmount: data.refunded_amount,
        klarnaStatus: data.status,
        expiresAt: data.expires_at ? new Date(data.expires_at) : null,
        canceled: data.status === 'CANCELLED',
        now,
      });
      if (!applied) return false;
      for (const op of found) {
        await insertExternalOperation(tx, op);
        this.logger.log({ order_id: orderId, operation_id: op.id, kind: op.kind }, 'found at Klarna');
        await this.events.emit(tx, {
          merchantId,
          type: EVENT_OF_KIND[op.kind],
          data: { ...toOperationDto(operationOf(op)) },
        });
      }
      return !unchanged;
    });
  }
}

function externalOperations(
  order: Order,
  data: KlarnaOmOrder,
  known: Set<string>,
  now: Date,
): ExternalOperation[] {
  const base = { orderId: order.id, merchantId: order.merchant.id, now };
  const found: ExternalOperation[] = [];
  for (const c of data.captures ?? []) {
    if (known.has(c.capture_id)) continue;
    // An auto_capture order's capture is recorded on the first read (its amount counted since placement).
    const at = c.captured_at ? new Date(c.captured_at) : now;
    found.push({
      ...base,
      id: newId(OPERATION_ID_PREFIX.capture, at.getTime()),
      kind: 'capture',
      amount: c.captured_amount,
      klarnaId: c.capture_id,
      description: c.description ?? null,
      reference: c.reference ?? null,
      at,
    });
  }
  for (const r of data.refunds ?? []) {
    if (known.has(r.refund_id)) continue;
    const at = r.refunded_at ? new Date(r.refunded_at) : now;
    found.push({
      ...base,
      id: newId(OPERATION_ID_PREFIX.refund, at.getTime()),
      kind: 'refund',
      amount: r.refunded_amount,
      klarnaId: r.refund_id,
      description: r.description ?? null,
      reference: r.reference ?? null,
      at,
    });
  }
  if (data.status === 'CANCELLED' && !order.canceledAt) {
    found.push({
      ...base,
      id: newId(OPERATION_ID_PREFIX.cancel, now.getTime()),
      kind: 'cancel',
      amount: 0,
      klarnaId: null,
      description: null,
      reference: null,
      at: now,
    });
  }
  return found;
}

function operationOf(op: ExternalOperation): OrderOperation {
  return {
    id: op.id,
    orderId: op.orderId,
    merchantId: op.merchantId,
    kind: op.kind,
    source: 'klarna',
    status: 'succeeded',
    amount: op.amount,
    orderLines: null,
    description: op.description,
    reference: op.reference,
    klarnaId: op.klarnaId,
    actor: 'klarna',
    attempts: 0,
    createdAt: op.at,
    updatedAt: op.now,
    completedAt: op.now,
  };
}
