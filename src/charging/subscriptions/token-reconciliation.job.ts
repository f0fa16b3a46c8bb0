import { ConfigService } from '@nestjs/config';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { Clock } from '../../common/clock/clock';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig } from '../../config/app-config';
import { TokenReconciliation } from './token-reconciliation';
import { claimTokensToReconcile } from './subscriptions.queries';

/** A token whose read failed is looked at again after this long instead of a whole reconciliation interval. */
const FAILED_CHECK_RETRY_MS = 15 * 60_000;
const CONCURRENCY = 8;

/**
 * Klarna sends no token webhooks, so every active or suspended token is read from Klarna about once per
 * TOKEN_RECONCILE_EVERY_HOURS, the longest-unchecked first, a bounded batch per run. The claim moves
 * `status_checked_at` in the same statement (SKIP LOCKED), so instances never read the same token twice.
 */
@Injectable()
export class TokenReconciliationJob extends PeriodicJob {
  readonly name = 'token-reconciliation';
  readonly intervalMs: number;

  /** The settings this class reads, from @nestjs/config's ConfigService. */
  private readonly config: Pick<AppConfig, 'subscriptions'>;

  constructor(
    scheduler: SchedulerRegistry,
    configService: ConfigService<AppConfig, true>,
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly reconciliation: TokenReconciliation,
  ) {
    super(scheduler, configService.getOrThrow('jobs', { infer: true }).enabled);
    this.config = {
      subscriptions: configService.getOrThrow('subscriptions', { infer: true }),
    };
    this.intervalMs = this.config.subscriptions.reconcilePollIntervalMs;
  }

  async runOnce(): Promise<number> {
    const now = this.clock.nowMs();
    const every = this.config.subscriptions.reconcileEveryMs;
    // Claimed as "checked a little less than an interval ago": a success sets it to now, a failure leaves it
    // due again soon.
    const claimedAs = new Date(now - every + Math.min(FAILED_CHECK_RETRY_MS, every));
    const queue = await claimTokensToReconcile(
      this.em.fork(),
      claimedAs,
      new Date(now - every),
      this.config.subscriptions.reconcileBatchSize,
    );
    const claimed = queue.length;
    const worker = async (): Promise<void> => {
      for (let id = queue.shift(); id; id = queue.shift()) {
        try {
          await this.reconciliation.check(id);
        } catch (error) {
          this.logger.warn({ err: error, customerTokenId: id }, 'token reconciliation failed; retried later');
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queue.length) }, worker));
    return claimed;
  }
}
