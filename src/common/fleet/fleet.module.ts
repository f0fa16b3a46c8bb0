import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from '../clock/clock';
import { HitLogThrottlerStorage } from '../http/hit-log-storage';
import { ConcurrencyLimiter, LocalConcurrencyLimiter, RedisConcurrencyLimiter } from './concurrency-limiter';
import { Drain } from './drain';
import { FleetRedis } from './fleet-redis';
import { FleetThrottlerStorage } from './fleet-throttler-storage';

/** The @nestjs/throttler storage: in Redis for the fleet, or in memory for one instance. */
export const THROTTLER_STORAGE = Symbol('THROTTLER_STORAGE');

export interface FleetOptions {
  /** Unset: one instance, everything counted in memory. */
  redis?: { url: string; keyPrefix: string };
  /** How long a shared slot outlives a holder that died without giving it back. */
  slotLeaseMs: number;
}

/**
 * What instances of one deployment share besides PostgreSQL: rate-limit counters and concurrency slots in Redis
 * (when REDIS_URL is set), and this instance's drain state.
 */
@Global()
@Module({})
export class FleetModule {
  static forRoot(options: FleetOptions): DynamicModule {
    return {
      module: FleetModule,
      providers: [
        { provide: Drain, useValue: new Drain() },
        // Created when the application is, not when the module is declared (the OpenAPI writer connects nothing).
        { provide: FleetRedis, useFactory: () => new FleetRedis(options.redis) },
        {
          provide: ConcurrencyLimiter,
          inject: [FleetRedis],
          useFactory: (redis: FleetRedis) => {
            if (!redis.client) return new LocalConcurrencyLimiter();
            const limiter = new RedisConcurrencyLimiter(redis.client, options.slotLeaseMs);
            // Slots still held at shutdown go back before the connection closes.
            redis.beforeClose(() => limiter.releaseAll());
            return limiter;
          },
        },
        {
          provide: THROTTLER_STORAGE,
          inject: [FleetRedis, Clock],
          useFactory: (redis: FleetRedis, clock: Clock) =>
            redis.client ? new FleetThrottlerStorage(redis.client, clock) : new HitLogThrottlerStorage(clock),
        },
      ],
      exports: [Drain, ConcurrencyLimiter, THROTTLER_STORAGE],
    };
  }
}
