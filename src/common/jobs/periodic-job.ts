import {
  Inject,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  Optional,
} from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import { Drain } from '../fleet/drain';

/**
 * Base for background jobs. The database is the source of truth: each run claims due rows with
 * `FOR UPDATE SKIP LOCKED` (or an atomic UPDATE … RETURNING), so any number of instances can run the same job
 * safely. The interval only decides how often an instance looks; tests call `runOnce()` directly with a fake
 * clock instead of waiting. Once the instance drains (SIGTERM), no new run starts; shutdown waits for the
 * current one.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private running: Promise<unknown> | null = null;
  private stopped = false;
  @Optional() @Inject(Drain) private readonly drain?: Drain;

  protected constructor(
    private readonly scheduler: SchedulerRegistry,
    private readonly enabled: boolean,
  ) {}

  /** Stable name, for logs and the scheduler registry. */
  abstract readonly name: string;
  /** How often an instance polls, in milliseconds. */
  abstract readonly intervalMs: number;
  /** Does one batch of due work; returns how many items it handled. */
  abstract runOnce(): Promise<number>;

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    const timer = setInterval(() => this.tick(), this.intervalMs);
    timer.unref();
    this.scheduler.addInterval(this.name, timer);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.enabled && this.scheduler.doesExist('interval', this.name))
      this.scheduler.deleteInterval(this.name);
    await this.running;
  }

  /** Runs one batch unless the previous one is still going (no overlap within an instance). */
  private tick(): void {
    if (this.running || this.stopped || this.drain?.draining) return;
    this.running = this.runOnce()
      .then((handled) => {
        if (handled > 0) this.logger.debug({ job: this.name, handled }, 'job run');
      })
      .catch((error: unknown) => this.logger.error({ err: error, job: this.name }, 'job run failed'))
      .finally(() => {
        this.running = null;
      });
  }
}
