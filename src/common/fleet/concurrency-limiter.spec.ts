import { ConcurrencyLimitTimeoutError, LocalConcurrencyLimiter } from './concurrency-limiter';
import { Drain } from './drain';

describe('LocalConcurrencyLimiter', () => {
  it('lets `limit` holders of a key in at once, the next in turn as slots come back, others independent', async () => {
    const limiter = new LocalConcurrencyLimiter();
    const first = await limiter.acquire('a', 2, 1000);
    const second = await limiter.acquire('a', 2, 1000);
    const order: string[] = [];
    const third = limiter.acquire('a', 2, 1000).then((release) => (order.push('third'), release));
    const fourth = limiter.acquire('a', 2, 1000).then((release) => (order.push('fourth'), release));
    await (
      await limiter.acquire('b', 2, 1000)
    )();
    await Promise.resolve();
    expect(order).toEqual([]);
    await first();
    await first(); // giving a slot back twice frees one slot only
    await (
      await third
    )();
    await second();
    await (
      await fourth
    )();
    expect(order).toEqual(['third', 'fourth']);
  });

  it('gives up after the wait with ConcurrencyLimitTimeoutError and keeps counting right', async () => {
    const limiter = new LocalConcurrencyLimiter();
    const held = await limiter.acquire('a', 1, 1000);
    await expect(limiter.acquire('a', 1, 20)).rejects.toBeInstanceOf(ConcurrencyLimitTimeoutError);
    await held();
    await expect(limiter.acquire('a', 1, 20)).resolves.toEqual(expect.any(Function));
  });
});

describe('Drain', () => {
  it('is not draining until begin(), then tells its listeners once', () => {
    const drain = new Drain();
    const seen: string[] = [];
    drain.onDrain(() => seen.push('early'));
    expect(drain.draining).toBe(false);
    drain.begin();
    drain.begin();
    drain.onDrain(() => seen.push('late'));
    expect(drain.draining).toBe(true);
    expect(seen).toEqual(['early', 'late']);
  });
});
