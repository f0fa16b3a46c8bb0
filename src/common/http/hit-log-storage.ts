import type { ThrottlerStorage } from '@nestjs/throttler';
import type { Clock } from '../clock/clock';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Tracked {
  /** When each hit of the window expires, oldest first; `hits[head]` is the oldest live one. */
  hits: number[];
  head: number;
  /** When the window that `timeToExpire` reports ends. */
  expiresAt: number;
  /** While blocked (the limit was exceeded), every request is refused until then. */
  blockedUntil: number;
}

/** Expired hits are dropped from the front of the array once this many have piled up (and half of it is dead). */
const COMPACT_AFTER = 1024;
/** Keys with no live hits and no block are forgotten this often. */
const SWEEP_EVERY_MS = 60_000;

/**
 * In-memory storage for @nestjs/throttler with the same sliding-log rules as its own `ThrottlerStorageService`
 * (a hit counts for `ttl`; the request that exceeds the limit blocks the key for `blockDuration`; once the block
 * ends, counting starts afresh), but at constant cost per request. The library's storage copies a key's whole log
 * on every request (`filter`) and spreads it into `Math.min(...)`: with a high limit that is O(requests per
 * minute) per request, and the copies, one per request and up to hundreds of KB each, land in V8's large-object
 * space. Measured at 200 orders/s: 15% of all bytes the service allocated, and a major GC every 3–4 s. Here the
 * log is a queue whose expired front is skipped by index, and the oldest live hit is its first entry (hits are
 * appended in time order with the same ttl).
 *
 * Time comes from the application's clock. Counters are per instance, like the library's.
 */
export class HitLogThrottlerStorage implements ThrottlerStorage {
  private readonly tracked = new Map<string, Tracked>();
  private nextSweepAt = 0;

  constructor(private readonly clock: Clock) {}

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.clock.nowMs();
    if (now >= this.nextSweepAt) this.sweep(now);
    const id = `${throttlerName}\u0000${key}`;
    let entry = this.tracked.get(id);
    if (!entry) {
      entry = { hits: [], head: 0, expiresAt: now + ttl, blockedUntil: 0 };
      this.tracked.set(id, entry);
    }
    dropExpired(entry, now);
    if (entry.expiresAt <= now) entry.expiresAt = now + ttl;
    const timeToExpire = secondsUntil(entry.expiresAt, now);

    if (blockDuration <= 0) {
      // No block: a request over the limit is refused and not counted.
      const isBlocked = live(entry) >= limit;
      if (!isBlocked) entry.hits.push(now + ttl);
      return Promise.resolve({
        totalHits: live(entry) + (isBlocked ? 1 : 0),
        timeToExpire,
        isBlocked,
        timeToBlockExpire: isBlocked && live(entry) > 0 ? secondsUntil(entry.hits[entry.head], now) : 0,
      });
    }
    if (entry.blockedUntil !== 0 && entry.blockedUntil <= now) {
      // The block is over: start counting afresh.
      entry.blockedUntil = 0;
      entry.hits = [];
      entry.head = 0;
    }
    if (entry.blockedUntil === 0) {
      entry.hits.push(now + ttl);
      if (live(entry) > limit) entry.blockedUntil = now + blockDuration;
    }
    const isBlocked = entry.blockedUntil !== 0;
    return Promise.resolve({
      totalHits: live(entry),
      timeToExpire,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsUntil(entry.blockedUntil, now) : 0,
    });
  }

  /**
   * Whether `increment` with this limit and no block would refuse `key` now, without counting a hit; and when it
   * will not any more (seconds).
   */
  peek(key: string, limit: number, throttlerName: string): { isBlocked: boolean; timeToBlockExpire: number } {
    const now = this.clock.nowMs();
    const entry = this.tracked.get(`${throttlerName}\u0000${key}`);
    if (!entry) return { isBlocked: false, timeToBlockExpire: 0 };
    dropExpired(entry, now);
    const isBlocked = live(entry) >= limit;
    return { isBlocked, timeToBlockExpire: isBlocked ? secondsUntil(entry.hits[entry.head], now) : 0 };
  }

  /** Forgets keys that have nothing live, so that one-off callers (IPs, revoked keys) do not pile up. */
  private sweep(now: number): void {
    this.nextSweepAt = now + SWEEP_EVERY_MS;
    for (const [id, entry] of this.tracked) {
      dropExpired(entry, now);
      if (live(entry) === 0 && (entry.blockedUntil === 0 || entry.blockedUntil <= now))
        this.tracked.delete(id);
    }
  }
}

const live = (entry: Tracked): number => entry.hits.length - entry.head;

const secondsUntil = (at: number, now: number): number => Math.ceil((at - now) / 1000);

function dropExpired(entry: Tracked, now: number): void {
  const { hits } = entry;
  while (entry.head < hits.length && hits[entry.head] <= now) entry.head++;
  if (entry.head === hits.length) {
    entry.hits = [];
    entry.head = 0;
  } else if (entry.head >= COMPACT_AFTER && entry.head * 2 >= hits.length) {
    entry.hits = hits.slice(entry.head);
    entry.head = 0;
  }
}
