import { Logger } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type Redis from 'ioredis';
import type { Clock } from '../clock/clock';
import { HitLogThrottlerStorage } from '../http/hit-log-storage';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/**
 * Rate-limit counters in Redis, shared by every instance (`@nest-lab/throttler-storage-redis`: one Lua script
 * per request, a fixed window per key that starts with its first hit), so a key's limit holds for the fleet.
 * While Redis does not answer, each instance counts in memory instead (the limit then holds per instance, as
 * without Redis): a Redis outage must not turn every request into an error.
 */
export class FleetThrottlerStorage implements ThrottlerStorage {
  private readonly logger = new Logger(FleetThrottlerStorage.name);
  private readonly shared: ThrottlerStorageRedisService;
  private readonly local: HitLogThrottlerStorage;
  private warnedAt = 0;

  constructor(
    private readonly redis: Redis,
    clock: Clock,
  ) {
    this.shared = new ThrottlerStorageRedisService(redis);
    this.local = new HitLogThrottlerStorage(clock);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    if (this.redis.status === 'ready') {
      try {
        return await this.shared.increment(`ratelimit:${key}`, ttl, limit, blockDuration, throttlerName);
      } catch (error) {
        this.warn(error);
      }
    }
    return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
  }

  private warn(error: unknown): void {
    if (Date.now() - this.warnedAt < 60_000) return;
    this.warnedAt = Date.now();
    this.logger.warn({ err: error }, 'Redis did not answer: rate limits are counted per instance for now');
  }
}
