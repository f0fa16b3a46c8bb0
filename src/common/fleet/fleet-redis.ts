import { Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';

/** How long boot waits for Redis before going on without it (limits then count per instance until it answers). */
const CONNECT_WAIT_MS = 3000;

/**
 * The Redis connection the fleet shares limits through, or none (single instance: limits in memory). Commands
 * fail at once instead of queueing while Redis is away (callers fall back to counting in memory); the client
 * reconnects by itself.
 */
export class FleetRedis implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(FleetRedis.name);
  readonly client?: Redis;
  private warnedAt = 0;
  private readonly closing: (() => Promise<void>)[] = [];

  constructor(options?: { url: string; keyPrefix: string }) {
    if (!options) return;
    this.client = new Redis(options.url, {
      keyPrefix: options.keyPrefix,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times) => Math.min(times * 200, 2000),
    });
    this.client.on('error', (error: unknown) => {
      if (Date.now() - this.warnedAt < 60_000) return;
      this.warnedAt = Date.now();
      this.logger.warn({ err: error }, 'Redis connection error');
    });
  }

  async onModuleInit(): Promise<void> {
    if (!this.client) return;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<void>((resolve) => (timer = setTimeout(resolve, CONNECT_WAIT_MS)));
    await Promise.race([this.client.connect().catch(() => undefined), waited]);
    clearTimeout(timer);
    if (this.client.status !== 'ready') {
      this.logger.warn('Redis is not answering yet: limits are counted per instance until it does');
    }
  }

  /** Runs `step` at shutdown while the connection is still open. */
  beforeClose(step: () => Promise<void>): void {
    this.closing.push(step);
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    for (const step of this.closing) await step().catch(() => undefined);
    await this.client.quit().catch(() => this.client?.disconnect());
  }
}
