import { MikroORM } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/core.module';

const BATCH = 1000;

/**
 * Forgets Idempotency-Keys after the retention period (IDEMPOTENCY_RETENTION_HOURS). A key whose order is
 * still unknown stays until the order is final, so a replay can never start a second order meanwhile. The
 * orders themselves are kept.
 */
@Injectable()
export class IdempotencyCleanupJob extends PeriodicJob {
  readonly name = 'idempotency-cleanup';
  readonly intervalMs = 10 * 60_000;

  constructor(
    scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly orm: MikroORM,
    private readonly clock: Clock,
  ) {
    super(scheduler, config.jobs.enabled);
  }

  async runOnce(): Promise<number> {
    const em = this.orm.em.fork();
    let total = 0;
    for (;;) {
      const deleted = await em.execute<{ affectedRows: number }>(
        `delete from idempotency_keys where ctid in (
           select ctid from idempotency_keys
            where expires_at <= ? and response_status is not null limit ?)`,
        [this.clock.now(), BATCH],
        'run',
      );
      total += deleted.affectedRows;
      if (deleted.affectedRows < BATCH) return total;
    }
  }
}
