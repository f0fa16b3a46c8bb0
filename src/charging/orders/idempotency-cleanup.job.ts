import { ConfigService } from '@nestjs/config';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig } from '../../config/app-config';
import { deleteExpiredKeys } from '../../common/idempotency/idempotency.queries';

const BATCH = 1000;

/**
 * Forgets Idempotency-Keys (of token orders and of every other idempotent route) after the retention period
 * (IDEMPOTENCY_RETENTION_HOURS). A key whose order is still unknown stays until the order is final, so a replay
 * can never start a second order meanwhile. The orders themselves are kept.
 */
@Injectable()
export class IdempotencyCleanupJob extends PeriodicJob {
  readonly name = 'idempotency-cleanup';
  readonly intervalMs = 10 * 60_000;

  constructor(
    scheduler: SchedulerRegistry,
    config: ConfigService<AppConfig, true>,
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {
    super(scheduler, config.getOrThrow('jobs', { infer: true }).enabled);
  }

  async runOnce(): Promise<number> {
    const em = this.orm.em.fork();
    let total = 0;
    for (;;) {
      const deleted = await deleteExpiredKeys(em, this.clock.now(), BATCH);
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}
