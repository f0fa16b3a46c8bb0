import { Inject, Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/core.module';
import { SubscriptionCharger } from './subscription-charger';

/**
 * Polls for due subscription cycles and charges them (see SubscriptionCharger: SKIP LOCKED claims, leases,
 * exactly-once keys). Safe on every instance; turn it off on API-only instances with JOBS_ENABLED=false.
 */
@Injectable()
export class SubscriptionChargeJob extends PeriodicJob {
  readonly name = 'subscription-charge';
  readonly intervalMs: number;

  constructor(
    scheduler: SchedulerRegistry,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly charger: SubscriptionCharger,
  ) {
    super(scheduler, config.jobs.enabled);
    this.intervalMs = config.subscriptions.pollIntervalMs;
  }

  async runOnce(): Promise<number> {
    return this.charger.runOnce();
  }
}
