import { ConfigService } from '@nestjs/config';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig } from '../../config/app-config';
import { EventsService } from '../../events/events.service';
import { Order } from '../orders/order.entity';
import { claimExpiringAuthorizations } from './money.queries';

/** `order.capture_expiring` is raised this long before an uncaptured authorization expires. */
export const CAPTURE_EXPIRING_NOTICE_MS = 3 * 24 * 3600_000;
const BATCH = 200;

/**
 * Money must never stay silently uncollected: an order whose authorization still has an uncaptured remainder
 * CAPTURE_EXPIRING_NOTICE_MS (3 days) before Klarna's `expires_at` raises `order.capture_expiring`, once. The
 * orders are marked in the same statement that picks them and the events are written in that transaction.
 */
@Injectable()
export class CaptureExpiryJob extends PeriodicJob {
  readonly name = 'capture-expiry';
  readonly intervalMs = 60 * 60_000;

  constructor(
    scheduler: SchedulerRegistry,
    config: ConfigService<AppConfig, true>,
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly events: EventsService,
  ) {
    super(scheduler, config.getOrThrow('jobs', { infer: true }).enabled);
  }

  async runOnce(): Promise<number> {
    const now = this.clock.now();
    return this.orm.em.fork().transactional(async (tx) => {
      const rows = await claimExpiringAuthorizations(
        tx,
        now,
        new Date(now.getTime() + CAPTURE_EXPIRING_NOTICE_MS),
        BATCH,
      );
      if (rows.length === 0) return 0;
      const orders = await tx.find(Order, { id: { $in: rows.map((r) => r.id) } });
      await this.events.emitMany(
        tx,
        orders.map((o) => ({
          merchantId: o.merchant.id,
          type: 'order.capture_expiring' as const,
          data: {
            order_id: o.id,
            customer_token_id: o.customerToken.id,
            subscription_id: o.subscriptionId ?? null,
            purchase_currency: o.purchaseCurrency,
            authorized_amount: Number(o.orderAmount),
            captured_amount: Number(o.capturedAmount),
            remaining_authorized_amount: Number(o.orderAmount) - Number(o.capturedAmount),
            authorization_expires_at: o.authorizationExpiresAt!.toISOString(),
          },
        })),
      );
      return rows.length;
    });
  }
}
