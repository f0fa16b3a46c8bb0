import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';
import { fail, Json } from '../validation/primitives';
import { validated } from './validated';

export interface FaultConfig {
  error_500_rate: number;
  error_503_rate: number;
  rate_limit_rate: number;
  hang_rate: number;
  hang_ms: number;
  lost_response_rate: number;
  latency_ms: number;
  retry_after_seconds: number;
  seed: number | null;
  paths: string[];
}

export interface FaultDecision {
  delayMs: number;
  error: 500 | 503 | 429 | null;
  loseResponse: boolean;
}

const NO_FAULTS: FaultConfig = {
  error_500_rate: 0,
  error_503_rate: 0,
  rate_limit_rate: 0,
  hang_rate: 0,
  hang_ms: 30_000,
  lost_response_rate: 0,
  latency_ms: 0,
  retry_after_seconds: 1,
  seed: null,
  paths: [],
};

const RATES = [
  'error_500_rate',
  'error_503_rate',
  'rate_limit_rate',
  'hang_rate',
  'lost_response_rate',
] as const;
const DURATIONS = ['hang_ms', 'latency_ms', 'retry_after_seconds'] as const;

/** mulberry32: small, fast and good enough to make a seeded fault sequence repeatable. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function parseConfig(o: Json): FaultConfig {
  const config: FaultConfig = { ...NO_FAULTS };
  for (const key of RATES) {
    const v = o[key] ?? 0;
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(key);
    config[key] = v;
  }
  for (const key of DURATIONS) {
    const v = o[key] ?? NO_FAULTS[key];
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) fail(key);
    config[key] = v;
  }
  if (config.error_500_rate + config.error_503_rate + config.rate_limit_rate > 1) fail('error_500_rate');
  if (o.seed !== undefined && o.seed !== null) {
    if (typeof o.seed !== 'number' || !Number.isSafeInteger(o.seed)) fail('seed');
    config.seed = o.seed;
  }
  const paths = o.paths ?? [];
  if (!Array.isArray(paths)) fail('paths');
  config.paths = paths.map((p: unknown, i) => {
    try {
      if (typeof p !== 'string') throw new Error();
      new RegExp(p);
      return p;
    } catch {
      return fail(`paths[${i}]`);
    }
  });
  return config;
}

/** Fault injection for the Klarna endpoints: Payments, Customer Token, Order Management (never the controls). */
@Injectable()
export class FaultsService implements BeforeApplicationShutdown {
  private config: FaultConfig = NO_FAULTS;
  private active = false;
  private pathFilters: RegExp[] = [];
  private random: () => number = Math.random;
  private readonly waits = new Set<NodeJS.Timeout>();

  set(input: unknown): FaultConfig {
    const { result } = validated(input, parseConfig);
    this.config = result;
    this.pathFilters = result.paths.map((p) => new RegExp(p));
    this.random = result.seed === null ? Math.random : seededRandom(result.seed);
    this.active = RATES.some((key) => result[key] > 0) || result.latency_ms > 0;
    return this.current();
  }

  reset(): void {
    this.set({});
  }

  current(): FaultConfig {
    return { ...this.config, paths: [...this.config.paths] };
  }

  get retryAfterSeconds(): number {
    return this.config.retry_after_seconds;
  }

  /** Null on the hot path when no fault is configured or the path is filtered out. */
  decide(path: string): FaultDecision | null {
    if (!this.active) return null;
    if (this.pathFilters.length > 0 && !this.pathFilters.some((re) => re.test(path))) return null;
    const c = this.config;
    const hang = this.random() < c.hang_rate;
    const roll = this.random();
    let error: FaultDecision['error'] = null;
    if (roll < c.error_500_rate) error = 500;
    else if (roll < c.error_500_rate + c.error_503_rate) error = 503;
    else if (roll < c.error_500_rate + c.error_503_rate + c.rate_limit_rate) error = 429;
    const loseResponse = error === null && this.random() < c.lost_response_rate;
    return { delayMs: c.latency_ms + (hang ? c.hang_ms : 0), error, loseResponse };
  }

  /** Timers are unref'd and cleared on shutdown so a hanging request never keeps the process alive. */
  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waits.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      this.waits.add(timer);
    });
  }

  beforeApplicationShutdown(): void {
    for (const timer of this.waits) clearTimeout(timer);
    this.waits.clear();
  }
}
