import { ConfigService } from '@nestjs/config';
import { RequestContext } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { Clock } from '../../common/clock/clock';
import type { AppConfig } from '../../config/app-config';
import { KlarnaTestTime } from '../../klarna/klarna-test-time';
import { MerchantsService } from '../../merchants/merchants.service';
import { claimAdvancingClocks, nextDueOnClock, staleTokensOnClock } from './subscriptions.queries';
import { SubscriptionCharger } from './subscription-charger';
import { TestClock } from './test-clock.entity';
import { TokenReconciliation } from './token-reconciliation';

/** An instance doing a clock's work holds it this long (real time), renewed at every step. */
const LEASE_MS = 60_000;
/**
 * Moments one advance steps through at most: a DAY subscription over the longest advance (2 years) with a retry
 * or two is well below; a charge that keeps failing transiently (every 5 minutes) is not, and ends the advance
 * as `internal_failure` instead of running for hours.
 */
const MAX_STEPS = 5_000;
/** Due work another worker holds (its lease runs): waited for this often, this long, before giving up. */
const MAX_IDLE_ROUNDS = 50;
const IDLE_WAIT_MS = 100;

interface ClaimedClock {
  id: string;
  merchant_id: string;
  frozen_time: Date;
}

/**
 * Does the work that came due on a test clock when it was advanced, in time order as the real time would: each
 * renewal, retry and re-check at its own moment (so a year is twelve renewals, never one catch-up charge), each
 * inside `Clock.runFrozenAt(that moment)`, so orders, consent checks, history and events carry the clock's time.
 * Klarna's time (the emulator's) is moved along at each step. Then the clock's tokens that are due for a check
 * with Klarna are checked, at the clock's time. The clock's row is the lease: any instance can finish an advance
 * that another left (see TestClockJob).
 */
@Injectable()
export class TestClockRunner implements OnApplicationShutdown {
  private readonly logger = new Logger(TestClockRunner.name);
  private readonly running = new Set<Promise<void>>();
  /** The settings this class reads, from @nestjs/config's ConfigService. */
  private readonly config: Pick<AppConfig, 'subscriptions'>;

  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly charger: SubscriptionCharger,
    private readonly reconciliation: TokenReconciliation,
    private readonly merchants: MerchantsService,
    private readonly klarnaTime: KlarnaTestTime,
    configService: ConfigService<AppConfig, true>,
  ) {
    this.config = { subscriptions: configService.getOrThrow('subscriptions', { infer: true }) };
  }

  /** Starts an advanced clock's work in the background, right after its advance was recorded. */
  kick(testClockId: string): void {
    // Its own EntityManager context: the work outlives the request that started it.
    const run = RequestContext.create(this.em, () => this.runDue(testClockId))
      .then(() => undefined)
      .catch((error: unknown) => this.logger.error({ err: error, testClockId }, 'test clock run failed'));
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  /** Finishes advances nobody holds (one clock, or any): returns how many clocks it took. */
  async runDue(testClockId?: string): Promise<number> {
    const now = this.clock.wallNow();
    const claimed = await claimAdvancingClocks(
      this.em.fork(),
      now,
      new Date(now.getTime() + LEASE_MS),
      10,
      testClockId,
    );
    for (const row of claimed) await this.advance(row);
    return claimed.length;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  private async advance(row: ClaimedClock): Promise<void> {
    const target = new Date(row.frozen_time);
    let status: 'ready' | 'internal_failure' = 'ready';
    let klarnaTime: Date | null | undefined;
    try {
      const credentials = await this.merchants.klarnaCredentials(row.merchant_id, this.em.fork());
      let klarnaMovable = true;
      const moveKlarna = async (at: Date): Promise<void> => {
        if (!klarnaMovable) return;
        klarnaTime = await this.klarnaTime.moveTo(credentials, at);
        klarnaMovable = klarnaTime !== null;
      };
      const scope = { testClockId: row.id };
      // Never back: a moment already passed on this advance is not revisited.
      let atMs = 0;
      let idle = 0;
      for (let steps = 0; ; steps++) {
        const next = await nextDueOnClock(this.em.fork(), row.id);
        if (!next || next > target) break;
        if (steps >= MAX_STEPS) throw new Error(`more than ${MAX_STEPS} moments due on one advance`);
        atMs = Math.max(atMs, next.getTime());
        const stepAt = new Date(atMs);
        await moveKlarna(stepAt);
        const handled = await Clock.runFrozenAt(stepAt, () => this.charger.runOnce(scope));
        if (handled > 0) idle = 0;
        else if (++idle > MAX_IDLE_ROUNDS) throw new Error('due work stays held by another worker');
        else await sleep(IDLE_WAIT_MS);
        await this.renewLease(row.id);
      }
      await moveKlarna(target);
      await Clock.runFrozenAt(target, () => this.reconcileTokens(row.id, target));
    } catch (error) {
      status = 'internal_failure';
      this.logger.error({ err: error, testClockId: row.id }, 'test clock advance failed');
    }
    await this.em.fork().nativeUpdate(
      TestClock,
      { id: row.id, status: 'advancing', frozenTime: target },
      {
        status,
        lockedUntil: null,
        updatedAt: this.clock.wallNow(),
        ...(klarnaTime !== undefined ? { klarnaTime } : {}),
      },
    );
  }

  /** Tokens of the clock's subscriptions not checked with Klarna for a reconciliation interval of clock time. */
  private async reconcileTokens(testClockId: string, at: Date): Promise<void> {
    const before = new Date(at.getTime() - this.config.subscriptions.reconcileEveryMs);
    const tokens = await staleTokensOnClock(this.em.fork(), testClockId, before);
    for (const { id } of tokens) {
      try {
        await this.reconciliation.check(id);
      } catch (error) {
        this.logger.warn({ err: error, customerTokenId: id }, 'token check on a test clock failed');
      }
    }
  }

  private async renewLease(testClockId: string): Promise<void> {
    await this.em
      .fork()
      .nativeUpdate(
        TestClock,
        { id: testClockId, status: 'advancing' },
        { lockedUntil: new Date(this.clock.wallNow().getTime() + LEASE_MS) },
      );
  }
}
