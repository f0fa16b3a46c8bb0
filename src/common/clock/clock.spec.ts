import { setTimeout as sleep } from 'node:timers/promises';
import { Clock, FakeClock } from './clock';

describe('Clock.runFrozenAt', () => {
  const wall = new Date('2026-03-01T09:00:00Z');
  const frozen = new Date('2027-06-01T00:00:00Z');

  it('fixes now() for everything the work awaits, and only there', async () => {
    const clock = new FakeClock(wall);
    const seen = await Clock.runFrozenAt(frozen, async () => {
      const first = clock.now().toISOString();
      await sleep(5);
      const inner = await Promise.all([1, 2].map(async () => (await Promise.resolve(clock)).nowMs()));
      return { first, inner, wall: clock.wallNow().toISOString(), scope: Clock.frozenTime()?.toISOString() };
    });
    expect(seen).toEqual({
      first: frozen.toISOString(),
      inner: [frozen.getTime(), frozen.getTime()],
      wall: wall.toISOString(),
      scope: frozen.toISOString(),
    });
    expect(clock.now()).toEqual(wall);
    expect(Clock.frozenTime()).toBeUndefined();
  });

  it('keeps concurrent scopes apart', async () => {
    const clock = new FakeClock(wall);
    const other = new Date('2030-01-01T00:00:00Z');
    const [a, b] = await Promise.all([
      Clock.runFrozenAt(frozen, async () => {
        await sleep(10);
        return clock.now();
      }),
      Clock.runFrozenAt(other, async () => {
        await sleep(1);
        return clock.now();
      }),
    ]);
    expect([a, b]).toEqual([frozen, other]);
  });

  it('lets the fake time move underneath while a scope holds its own', async () => {
    const clock = new FakeClock(wall);
    await Clock.runFrozenAt(frozen, async () => {
      clock.advance(60_000);
      expect(clock.now()).toEqual(frozen);
      expect(clock.wallNow()).toEqual(new Date(wall.getTime() + 60_000));
      await Promise.resolve();
    });
  });
});
