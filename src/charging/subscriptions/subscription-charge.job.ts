import { ConfigService } from '@nestjs/config';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig } from '../../config/app-config';
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
    config: ConfigService<AppConfig, true>,
    private readonly charger: SubscriptionCharger,
  ) {
    super(scheduler, config.getOrThrow('jobs', { infer: true }).enabled);
    this.intervalMs = config.getOrThrow('subscriptions', { infer: true }).pollIntervalMs;
  }

  async runOnce(): Promise<number> {
    return this.charger.runOnce();
  }
}
