import { ThrottlerStorageService } from '@nestjs/throttler';
import { FakeClock } from '../clock/clock';
import { HitLogThrottlerStorage } from './hit-log-storage';

const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);

describe('HitLogThrottlerStorage', () => {
  afterEach(() => jest.useRealTimers());

  it('blocks the request over the limit for the block duration, then counts afresh', async () => {
    const clock = new FakeClock(T0);
    const storage = new HitLogThrottlerStorage(clock);
    const hit = () => storage.increment('k', 60_000, 3, 60_000, 'default');
    for (let i = 1; i <= 3; i++) expect(await hit()).toMatchObject({ totalHits: i, isBlocked: false });
    expect(await hit()).toMatchObject({ totalHits: 4, isBlocked: true, timeToBlockExpire: 60 });
    clock.advance(30_000);
    expect(await hit()).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    clock.advance(30_000);
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    // Other keys and other throttlers count on their own.
    expect(await storage.increment('other', 60_000, 3, 60_000, 'default')).toMatchObject({ totalHits: 1 });
    expect(await storage.increment('k', 60_000, 3, 60_000, 'burst')).toMatchObject({ totalHits: 1 });
  });

  it('without a block, refuses while the window is full and lets a request in as each hit expires', async () => {
    const clock = new FakeClock(T0);
    const storage = new HitLogThrottlerStorage(clock);
    const hit = () => storage.increment('k', 60_000, 2, 0, 'default');
    await hit();
    clock.advance(30_000);
    await hit();
    clock.advance(10_000);
    expect(await hit()).toMatchObject({ totalHits: 3, isBlocked: true, timeToBlockExpire: 20 });
    clock.advance(20_000);
    expect(await hit()).toMatchObject({ totalHits: 2, isBlocked: false });
  });

  it('keeps an exact count over a long log (expired hits are dropped from the front)', async () => {
    const clock = new FakeClock(T0);
    const storage = new HitLogThrottlerStorage(clock);
    let last = { totalHits: 0 };
    for (let i = 0; i < 20_000; i++) {
      last = await storage.increment('k', 1_000, 1_000_000, 1_000, 'default');
      clock.advance(1);
    }
    // One hit per millisecond, each counting for 1,000 ms.
    expect(last.totalHits).toBe(1_000);
  });

  it('forgets keys that have nothing live', async () => {
    const clock = new FakeClock(T0);
    const storage = new HitLogThrottlerStorage(clock);
    for (let i = 0; i < 100; i++) await storage.increment(`ip:${i}`, 1_000, 10, 1_000, 'default');
    clock.advance(120_000);
    await storage.increment('key:a', 1_000, 10, 1_000, 'default');
    expect((storage as unknown as { tracked: Map<string, unknown> }).tracked.size).toBe(1);
  });

  it("answers exactly like @nestjs/throttler's own storage over a random sequence", async () => {
    jest.useFakeTimers({ now: T0, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
    const clock = new FakeClock(T0);
    const ours = new HitLogThrottlerStorage(clock);
    const theirs = new ThrottlerStorageService();
    let seed = 42;
    let blocked = 0;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    try {
      for (let i = 0; i < 3_000; i++) {
        const step = Math.floor(random() * 400);
        clock.advance(step);
        jest.setSystemTime(clock.nowMs());
        const block = random() < 0.5 ? 0 : 5_000;
        const args = [`k${Math.floor(random() * 3)}:${block}`, 10_000, 5, block, 'default'] as const;
        // Their timeToBlockExpire means nothing while not blocked (it is negative then); ours is 0.
        const answer = ({ timeToBlockExpire, ...rest }: Awaited<ReturnType<typeof ours.increment>>) => ({
          i,
          ...rest,
          ...(rest.isBlocked ? { timeToBlockExpire } : {}),
        });
        const got = await ours.increment(...args);
        if (got.isBlocked) blocked += 1;
        expect(answer(got)).toEqual(answer(await theirs.increment(...args)));
      }
      // The sequence went through blocks and their ends, not only through free passes.
      expect(blocked).toBeGreaterThan(300);
      expect(blocked).toBeLessThan(2_700);
    } finally {
      theirs.onApplicationShutdown();
    }
  });

  it('peeks whether a key would be refused without counting a hit', async () => {
    const clock = new FakeClock(T0);
    const storage = new HitLogThrottlerStorage(clock);
    expect(storage.peek('k', 2, 'x')).toEqual({ isBlocked: false, timeToBlockExpire: 0 });
    await storage.increment('k', 60_000, 2, 0, 'x');
    clock.advance(20_000);
    await storage.increment('k', 60_000, 2, 0, 'x');
    for (let i = 0; i < 3; i++)
      expect(storage.peek('k', 2, 'x')).toEqual({ isBlocked: true, timeToBlockExpire: 40 });
    clock.advance(40_000);
    expect(storage.peek('k', 2, 'x')).toEqual({ isBlocked: false, timeToBlockExpire: 0 });
    expect(await storage.increment('k', 60_000, 2, 0, 'x')).toMatchObject({ totalHits: 2, isBlocked: false });
  });
});
