import { ConfigService } from '@nestjs/config';
import { Injectable } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { PeriodicJob } from '../../common/jobs/periodic-job';
import type { AppConfig } from '../../config/app-config';
import { TestClockRunner } from './test-clock-runner';

/**
 * An advance starts its clock's work at once on the instance that took it; this poll finishes advances whose
 * instance stopped (their lease ran out).
 */
@Injectable()
export class TestClockJob extends PeriodicJob {
  readonly name = 'test-clocks';
  readonly intervalMs: number;

  constructor(
    scheduler: SchedulerRegistry,
    config: ConfigService<AppConfig, true>,
    private readonly runner: TestClockRunner,
  ) {
    super(scheduler, config.getOrThrow('jobs', { infer: true }).enabled);
    this.intervalMs = config.getOrThrow('subscriptions', { infer: true }).pollIntervalMs;
  }

  runOnce(): Promise<number> {
    return this.runner.runDue();
  }
}
