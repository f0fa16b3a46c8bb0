import { AsyncLocalStorage } from 'node:async_hooks';

/** The frozen time of the test clock the current work runs on (see {@link Clock.runFrozenAt}). */
const frozen = new AsyncLocalStorage<number>();

/**
 * The only source of "now" in the service. Tests bind a FakeClock and move time forward instead of sleeping.
 *
 * Work done for objects on a test clock (a subscription created with `test_clock`) runs inside
 * {@link Clock.runFrozenAt}: every `now()` it reads, down to the orders, consent checks and events it writes,
 * is the test clock's time. One scope instead of a time argument threaded through every call, so no step of a
 * charge can read the real time by mistake. `wallNow()` is the real time for what happens in the real world
 * whatever clock an object is on (webhook deliveries are sent now).
 */
export abstract class Clock {
  /** The real (or, in tests, the fake) time, ignoring any test clock. */
  abstract wallNow(): Date;

  now(): Date {
    const at = frozen.getStore();
    return at === undefined ? this.wallNow() : new Date(at);
  }

  nowMs(): number {
    return this.now().getTime();
  }

  /** Runs `work` with `now()` fixed at `at` for everything it calls and awaits. */
  static runFrozenAt<T>(at: Date, work: () => Promise<T>): Promise<T> {
    return frozen.run(at.getTime(), work);
  }

  /** The frozen time in effect, if the caller runs on a test clock. */
  static frozenTime(): Date | undefined {
    const at = frozen.getStore();
    return at === undefined ? undefined : new Date(at);
  }
}

export class SystemClock extends Clock {
  wallNow(): Date {
    return new Date();
  }
}

export class FakeClock extends Clock {
  private current: number;
  constructor(start: Date | number = Date.UTC(2026, 0, 1, 12, 0, 0)) {
    super();
    this.current = typeof start === 'number' ? start : start.getTime();
  }
  wallNow(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current += ms;
  }
  set(at: Date | number): void {
    this.current = typeof at === 'number' ? at : at.getTime();
  }
}
