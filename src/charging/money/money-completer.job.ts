import { ConfigService } from '@nestjs/config';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig, OrdersConfig } from '../../config/app-config';
import { MerchantsService } from '../../merchants/merchants.service';
import { Order } from '../orders/order.entity';
import { EventsService } from '../../events/events.service';
import { AuditService } from '../../evidence/audit/audit.service';
import { adminFollowUp } from './admin-follow-up';
import { toOperationDto } from './money-answers';
import { MoneyAttempts } from './money-attempts';
import { abandonOverdueOperations, claimDueOperations } from './money.queries';
import { OrderOperation } from './order-operation.entity';

const BATCH = 50;
const CONCURRENCY = 8;

/**
 * Finishes captures, refunds and cancellations whose outcome is unknown (Klarna timed out, a 5xx, a lost answer,
 * or the request died and its lease ran out), like the token orders' completer: each due row is leased in one
 * statement (SKIP LOCKED, attempt counter + new lease) and Klarna is called again with the operation's own
 * Klarna-Idempotency-Key and body, so Klarna executes it at most once. Gives up after `giveUpAfterMs` (20 h),
 * inside Klarna's 24 h idempotency window.
 */
@Injectable()
export class MoneyCompleterJob extends PeriodicJob {
  readonly name = 'money-completer';
  readonly intervalMs: number;
  private readonly config: OrdersConfig;

  constructor(
    scheduler: SchedulerRegistry,
    config: ConfigService<AppConfig, true>,
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly attempts: MoneyAttempts,
    private readonly merchants: MerchantsService,
    private readonly events: EventsService,
    private readonly audit: AuditService,
  ) {
    super(scheduler, config.getOrThrow('jobs', { infer: true }).enabled);
    this.config = config.getOrThrow('orders', { infer: true });
    this.intervalMs = this.config.completerIntervalMs;
  }

  async runOnce(): Promise<number> {
    const em = this.orm.em.fork();
    const now = this.clock.now();
    // Left for reconciliation by hand; the merchant is told in the transaction that gives up.
    const abandoned = await em.transactional(async (tx) => {
      const rows = await abandonOverdueOperations(
        tx,
        now,
        new Date(now.getTime() - this.config.giveUpAfterMs),
      );
      if (rows.length === 0) return [];
      const operations = await tx.find(OrderOperation, { id: { $in: rows.map((r) => r.id) } });
      await this.events.emitMany(
        tx,
        operations.map((op) => ({
          merchantId: op.merchantId,
          type: 'order.operation_outcome_unknown' as const,
          data: { ...toOperationDto(op) },
        })),
      );
      // An admin's refund or cancel: the audit log says that its outcome will not be known (a repeat gets 409).
      for (const op of operations) {
        const followUp = adminFollowUp(op, 'outcome_unknown', 409);
        if (followUp) await this.audit.record(tx, followUp);
      }
      return rows;
    });
    for (const { id } of abandoned) {
      this.logger.error(
        { operation_id: id },
        'money operation outcome still unknown; reconcile it with Klarna',
      );
    }
    const claimed = await claimDueOperations(
      em,
      new Date(now.getTime() + this.config.attemptLeaseMs),
      now,
      BATCH,
    );
    const queue = [...claimed];
    const worker = async () => {
      for (let row = queue.shift(); row; row = queue.shift()) await this.complete(row);
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    return claimed.length;
  }

  private async complete(row: { id: string; attempts: number }): Promise<void> {
    try {
      const em = this.orm.em.fork();
      const operation = await em.findOneOrFail(OrderOperation, { id: row.id });
      const order = await em.findOneOrFail(Order, { id: operation.orderId });
      const credentials = await this.merchants.klarnaCredentials(operation.merchantId, em);
      const settled = await this.attempts.run({
        operation: { ...operation, attempts: row.attempts },
        klarnaOrderId: order.klarnaOrderId!,
        attempt: row.attempts,
        credentials,
        origin: 'completer',
      });
      this.logger.log(
        { operation_id: row.id, attempt: row.attempts, result: settled.kind },
        'money completion',
      );
    } catch (error) {
      this.logger.error({ err: error, operation_id: row.id }, 'money completion failed');
    }
  }
}
