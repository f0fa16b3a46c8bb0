import { ConfigService } from '@nestjs/config';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig, OrdersConfig } from '../../config/app-config';
import { abandonOverdueOrders, claimDueOrders } from './orders.queries';
import { CustomerTokensService } from '../../signup/customer-tokens/customer-tokens.service';
import { MerchantsService } from '../../merchants/merchants.service';
import { EventsService } from '../../events/events.service';
import { toOrderDto, viewOf } from './order-answers';
import { OrderAttempts } from './order-attempts';
import { Order } from './order.entity';

const BATCH = 50;
const CONCURRENCY = 8;

interface ClaimedRow {
  id: string;
  attempts: number;
}

/**
 * Finishes token orders whose outcome is unknown: Klarna timed out or failed (5xx), the answer was lost, or
 * the request that made the attempt died (its lease ran out). Each due row is claimed in one statement
 * (`FOR UPDATE SKIP LOCKED`, attempt counter + new lease), so several instances never take the same row, and
 * Klarna is called again with the order's own Klarna-Idempotency-Key and body: Klarna then either replays the
 * answer of the order it already placed or places it now, never a second one. Retries back off exponentially
 * and stop after `giveUpAfterMs` (20 h), well inside Klarna's 24 h idempotency window.
 */
@Injectable()
export class OrderCompleterJob extends PeriodicJob {
  readonly name = 'order-completer';
  readonly intervalMs: number;
  private readonly config: OrdersConfig;

  constructor(
    scheduler: SchedulerRegistry,
    config: ConfigService<AppConfig, true>,
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly attempts: OrderAttempts,
    private readonly tokens: CustomerTokensService,
    private readonly merchants: MerchantsService,
    private readonly events: EventsService,
  ) {
    super(scheduler, config.getOrThrow('jobs', { infer: true }).enabled);
    this.config = config.getOrThrow('orders', { infer: true });
    this.intervalMs = config.getOrThrow('orders', { infer: true }).completerIntervalMs;
  }

  async runOnce(): Promise<number> {
    const em = this.orm.em.fork();
    const now = this.clock.now();
    const giveUpBefore = new Date(now.getTime() - this.config.giveUpAfterMs);
    // Past this point a retry could fall outside Klarna's idempotency window and charge twice: the order is
    // left for reconciliation by hand, and its merchant told (order.outcome_unknown) in the same transaction.
    const abandoned = await em.transactional(async (tx) => {
      const rows = await abandonOverdueOrders(tx, now, giveUpBefore);
      if (rows.length === 0) return [];
      const orders = await tx.find(Order, { id: { $in: rows.map((r) => r.id) } });
      await this.events.emitMany(
        tx,
        orders.map((o) => ({
          merchantId: o.merchant.id,
          type: 'order.outcome_unknown' as const,
          data: { ...toOrderDto(viewOf(o)) },
        })),
      );
      return rows;
    });
    for (const { id } of abandoned) {
      this.logger.error(
        { order_id: id },
        'token order outcome still unknown; reconcile it with Klarna by hand',
      );
    }
    const claimed = await claimDueOrders(
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

  private async complete(row: ClaimedRow): Promise<void> {
    try {
      const em = this.orm.em.fork();
      const order = await em.findOneOrFail(Order, { id: row.id }, { populate: ['klarnaRequest'] });
      const merchantId = order.merchant.id;
      const chargeable = await this.tokens.chargeable(merchantId, order.customerToken.id, em);
      const credentials = await this.merchants.klarnaCredentials(merchantId, em);
      const settled = await this.attempts.run({
        order: viewOf(order),
        attempt: row.attempts,
        klarnaIdempotencyKey: order.klarnaIdempotencyKey,
        body: order.klarnaRequest,
        klarnaTokenId: chargeable.klarnaTokenId,
        credentials,
        origin: 'completer',
      });
      this.logger.log({ order_id: row.id, attempt: row.attempts, result: settled.kind }, 'order completion');
    } catch (error) {
      // The lease runs out and a later run tries again.
      this.logger.error({ err: error, order_id: row.id }, 'order completion failed');
    }
  }
}
