import { ConfigService } from '@nestjs/config';
import { MikroORM } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig } from '../../config/app-config';
import { Authorization } from './authorization.entity';
import { AuthorizationsService } from './authorizations.service';
import { expireAuthorizations, releaseAbandonedAuthorizations } from './sessions.queries';

const BATCH = 100;

/**
 * Releases authorizations nobody exchanged within the configured time (the consumer dropped out), so that
 * Klarna does not hold the amount for the full 60 minutes. Rows are claimed and marked `released` in one
 * statement (SKIP LOCKED), so concurrent instances and a concurrent token creation never take the same row;
 * Klarna is called afterwards, best effort.
 */
@Injectable()
export class AuthorizationReleaseJob extends PeriodicJob {
  readonly name = 'authorization-release';
  readonly intervalMs = 60_000;
  private readonly releaseAfterMs: number;

  constructor(
    scheduler: SchedulerRegistry,
    config: ConfigService<AppConfig, true>,
    private readonly orm: MikroORM,
    private readonly clock: Clock,
    private readonly authorizations: AuthorizationsService,
  ) {
    super(scheduler, config.getOrThrow('jobs', { infer: true }).enabled);
    this.releaseAfterMs = config.getOrThrow('authorizations', { infer: true }).releaseAfterMs;
  }

  async runOnce(): Promise<number> {
    const em = this.orm.em.fork();
    const now = this.clock.now();
    const cutoff = new Date(now.getTime() - this.releaseAfterMs);
    await expireAuthorizations(em, now);

    // Claim, mark and write the outbox events in one transaction: a crash leaves either all or nothing.
    const claimed = await em.transactional(async (tx) => {
      const rows = await releaseAbandonedAuthorizations(tx, now, cutoff, BATCH);

      for (const row of rows) {
        const released = [{ id: row.id, sessionId: row.session_id }];
        await this.authorizations.emitReleased(tx, row.merchant_id, released, 'abandoned');
      }
      return rows;
    });
    const byMerchant = new Map<string, string[]>();
    for (const row of claimed)
      byMerchant.set(row.merchant_id, [...(byMerchant.get(row.merchant_id) ?? []), row.id]);
    for (const [merchantId, ids] of byMerchant) {
      const rows = await em.find(Authorization, { id: { $in: ids } }, { populate: ['tokenEnc'] });
      await this.authorizations.releaseAtKlarna(merchantId, rows);
    }
    return claimed.length;
  }
}
