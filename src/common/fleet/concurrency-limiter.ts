import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { Semaphore, TimeoutError } from 'redis-semaphore';

/** Gives a slot back. Never throws. */
export type Release = () => Promise<void>;

/** No slot became free within the wait: nothing was done. */
export class ConcurrencyLimitTimeoutError extends Error {
  constructor(readonly key: string) {
    super(`no free slot for ${key}`);
    this.name = 'ConcurrencyLimitTimeoutError';
  }
}

/**
 * Caps how many holders of one key may be inside at once (e.g. Klarna calls per merchant credential). The
 * in-memory implementation caps one instance; {@link RedisConcurrencyLimiter} caps the fleet.
 */
export abstract class ConcurrencyLimiter {
  /** Waits up to `waitMs` for one of `limit` slots of `key`; throws ConcurrencyLimitTimeoutError after that. */
  abstract acquire(key: string, limit: number, waitMs: number): Promise<Release>;
  /** Gives back every slot this instance holds (shutdown). */
  abstract releaseAll(): Promise<void>;
}

interface Waiter {
  grant: () => void;
}

/** Slots counted in this process: FIFO waiters per key. */
export class LocalConcurrencyLimiter extends ConcurrencyLimiter {
  private readonly slots = new Map<string, { held: number; waiters: Waiter[] }>();

  acquire(key: string, limit: number, waitMs: number): Promise<Release> {
    let entry = this.slots.get(key);
    if (!entry) {
      entry = { held: 0, waiters: [] };
      this.slots.set(key, entry);
    }
    const slot = entry;
    const release = (): Promise<void> => {
      const next = slot.waiters.shift();
      if (next) next.grant();
      else if (--slot.held === 0) this.slots.delete(key);
      return Promise.resolve();
    };
    const once = (): Release => {
      let done = false;
      return () => (done ? Promise.resolve() : ((done = true), release()));
    };
    if (slot.held < limit) {
      slot.held += 1;
      return Promise.resolve(once());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve(once());
        },
      };
      const timer = setTimeout(() => {
        slot.waiters.splice(slot.waiters.indexOf(waiter), 1);
        reject(new ConcurrencyLimitTimeoutError(key));
      }, waitMs);
      slot.waiters.push(waiter);
    });
  }

  releaseAll(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Slots counted in Redis for the whole fleet (redis-semaphore: a sorted set per key, one member per holder,
 * scored by when it was taken). A holder that dies without giving its slot back (SIGKILL, lost network) loses it
 * after `leaseMs`, so slots cannot leak. While Redis does not answer, slots are counted per instance instead
 * (the limit then holds per instance, as without Redis) rather than refusing work.
 */
export class RedisConcurrencyLimiter extends ConcurrencyLimiter {
  private readonly logger = new Logger(RedisConcurrencyLimiter.name);
  private readonly fallback = new LocalConcurrencyLimiter();
  private readonly held = new Set<Semaphore>();
  private warnedAt = 0;

  constructor(
    private readonly redis: Redis,
    /** How long a slot outlives a holder that never gives it back; longer than any holder keeps it. */
    private readonly leaseMs: number,
  ) {
    super();
  }

  async acquire(key: string, limit: number, waitMs: number): Promise<Release> {
    if (this.redis.status !== 'ready') return this.fallback.acquire(key, limit, waitMs);
    const semaphore = new Semaphore(this.redis, `semaphore:${key}`, limit, {
      lockTimeout: this.leaseMs,
      acquireTimeout: waitMs,
      retryInterval: 5,
      // Holders are bounded by their own timeouts, well inside the lease: no refresh timer per slot.
      refreshInterval: 0,
    });
    try {
      await semaphore.acquire();
    } catch (error) {
      if (error instanceof TimeoutError) throw new ConcurrencyLimitTimeoutError(key);
      this.warn(error);
      return this.fallback.acquire(key, limit, waitMs);
    }
    this.held.add(semaphore);
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      this.held.delete(semaphore);
      // A slot that cannot be given back now runs out with its lease.
      await semaphore.release().catch((error: unknown) => this.warn(error));
    };
  }

  async releaseAll(): Promise<void> {
    const held = [...this.held];
    this.held.clear();
    await Promise.all(held.map((s) => s.release().catch(() => undefined)));
  }

  private warn(error: unknown): void {
    if (Date.now() - this.warnedAt < 60_000) return;
    this.warnedAt = Date.now();
    this.logger.warn(
      { err: error },
      'Redis did not answer: Klarna call slots are counted per instance for now',
    );
  }
}
