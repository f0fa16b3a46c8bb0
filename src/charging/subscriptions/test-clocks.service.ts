import { LockMode } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock/clock';
import {
  conflict,
  notFound,
  ProblemException,
  validationProblem,
} from '../../common/errors/problem.exception';
import { newId } from '../../common/ids';
import {
  decodeCursor,
  type Page,
  pageLimit,
  type PageQueryDto,
  toPage,
} from '../../common/pagination/pagination';
import { KlarnaTestTime } from '../../klarna/klarna-test-time';
import { MerchantsService } from '../../merchants/merchants.service';
import type {
  AdvanceTestClockDto,
  CreateTestClockDto,
  DeletedTestClockDto,
  TestClockDto,
} from './dto/test-clock.dto';
import { Subscription } from './subscription.entity';
import { SubscriptionTransitions } from './subscription-transitions';
import { TestClockRunner } from './test-clock-runner';
import { TestClock } from './test-clock.entity';

const DAY_MS = 86_400_000;
/** How far one advance may move a clock (Stripe allows about two billing intervals; two years covers YEAR). */
export const MAX_ADVANCE_MS = 730 * DAY_MS;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

/**
 * Test clocks (as Stripe's) for merchants whose Klarna credentials are not live: a subscription created with
 * `test_clock` runs on the clock's frozen time, and advancing the clock does the work that came due on the way
 * (TestClockRunner).
 */
@Injectable()
export class TestClocksService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly merchants: MerchantsService,
    private readonly klarnaTime: KlarnaTestTime,
    private readonly transitions: SubscriptionTransitions,
    private readonly runner: TestClockRunner,
  ) {}

  async create(merchantId: string, input: CreateTestClockDto): Promise<TestClockDto> {
    const frozenTime = new Date(input.frozen_time);
    if (!(frozenTime.getTime() >= EARLIEST && frozenTime.getTime() < LATEST)) {
      throw validationProblem([{ field: 'frozen_time', message: 'must lie between 2000 and 2100' }]);
    }
    const credentials = await this.testCredentials(merchantId);
    const klarnaTime = await this.klarnaTime.moveTo(credentials, frozenTime);
    const now = this.clock.wallNow();
    const clock = this.em.create(TestClock, {
      id: newId('clk', now.getTime()),
      merchant: merchantId,
      name: input.name ?? null,
      frozenTime,
      status: 'ready',
      klarnaTime,
      createdAt: now,
      updatedAt: now,
    });
    await this.em.flush();
    return this.map(clock);
  }

  async get(merchantId: string, id: string): Promise<TestClockDto> {
    return this.map(await this.load(this.em, merchantId, id));
  }

  async list(merchantId: string, query: PageQueryDto): Promise<Page<TestClockDto>> {
    const limit = pageLimit(query);
    const before = decodeCursor(query.cursor);
    const rows = await this.em.find(
      TestClock,
      { merchant: merchantId, deletedAt: null, ...(before ? { id: { $lt: before } } : {}) },
      { orderBy: { id: 'desc' }, limit: limit + 1 },
    );
    return toPage(rows, limit, (c) => this.map(c));
  }

  /**
   * Moves the clock to `frozen_time` and starts the work that came due (status `advancing` until it is done).
   * Klarna's time is moved along by that work, step by step.
   */
  async advance(merchantId: string, id: string, input: AdvanceTestClockDto): Promise<TestClockDto> {
    const to = new Date(input.frozen_time);
    await this.testCredentials(merchantId);
    const clock = await this.em.transactional(async (em) => {
      const clock = await this.load(em, merchantId, id, true);
      if (clock.status === 'advancing') {
        throw conflict(
          'TEST_CLOCK_ADVANCING',
          `Test clock ${id} is still advancing; wait until its status is ready.`,
        );
      }
      const from = clock.frozenTime.getTime();
      if (to.getTime() <= from) {
        throw validationProblem([
          {
            field: 'frozen_time',
            message: `must be later than the clock's current frozen_time ${clock.frozenTime.toISOString()}`,
          },
        ]);
      }
      if (to.getTime() - from > MAX_ADVANCE_MS) {
        throw validationProblem([
          {
            field: 'frozen_time',
            message: `must be at most 730 days after the clock's current frozen_time ${clock.frozenTime.toISOString()}`,
          },
        ]);
      }
      clock.frozenTime = to;
      clock.status = 'advancing';
      clock.lockedUntil = null;
      clock.updatedAt = this.clock.wallNow();
      return clock;
    });
    this.runner.kick(clock.id);
    return this.map(clock);
  }

  /** Deletes the clock and cancels its subscriptions (at the clock's time), as Stripe deletes its objects. */
  async delete(merchantId: string, id: string): Promise<DeletedTestClockDto> {
    const canceled = await this.em.transactional(async (em) => {
      const clock = await this.load(em, merchantId, id, true);
      if (clock.status === 'advancing') {
        throw conflict(
          'TEST_CLOCK_ADVANCING',
          `Test clock ${id} is still advancing; delete it once its status is ready.`,
        );
      }
      const subs = await em.find(
        Subscription,
        { testClock: id, status: { $ne: 'canceled' } },
        { orderBy: { id: 'asc' } },
      );
      await Clock.runFrozenAt(clock.frozenTime, async () => {
        for (const sub of subs)
          await this.transitions.setStatus(em, sub, 'canceled', 'canceled', { reason: 'test_clock_deleted' });
      });
      clock.deletedAt = this.clock.wallNow();
      clock.updatedAt = clock.deletedAt;
      return subs.length;
    });
    return { id, deleted: true, subscriptions_canceled: canceled };
  }

  /** The clock's frozen time, for a subscription to be created on it (404 for another merchant's or a deleted one). */
  async frozenTimeFor(merchantId: string, id: string, em: EntityManager = this.em): Promise<Date> {
    await this.testCredentials(merchantId);
    return (await this.load(em, merchantId, id)).frozenTime;
  }

  /** A subscription's clock time (its "now"), or undefined for a subscription on the real time. */
  async frozenTimeOf(merchantId: string, subscriptionId: string): Promise<Date | undefined> {
    const sub = await this.em
      .fork()
      .findOne(
        Subscription,
        { id: subscriptionId, merchant: merchantId },
        { populate: ['testClock'], fields: ['id', 'testClock.frozenTime'] },
      );
    return sub?.testClock?.getEntity().frozenTime;
  }

  /** The merchant's Klarna credentials when test clocks are allowed: never with live credentials. */
  private async testCredentials(merchantId: string) {
    const credentials = await this.merchants.klarnaCredentials(merchantId);
    if (credentials.environment === 'live') {
      throw new ProblemException({
        status: 409,
        code: 'TEST_CLOCK_LIVE_CREDENTIALS',
        title: 'Conflict',
        detail:
          "Test clocks are for testing: this merchant's Klarna credentials are live. Use playground credentials " +
          '(or the Klarna emulator) for a test merchant.',
      });
    }
    return credentials;
  }

  private async load(em: EntityManager, merchantId: string, id: string, lock = false): Promise<TestClock> {
    const clock = await em.findOne(
      TestClock,
      { id, merchant: merchantId, deletedAt: null },
      lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
    );
    if (!clock) throw notFound('Test clock', id);
    return clock;
  }

  private map(c: TestClock): TestClockDto {
    return {
      id: c.id,
      name: c.name ?? null,
      frozen_time: c.frozenTime.toISOString(),
      status: c.status,
      klarna_time: c.klarnaTime?.toISOString() ?? null,
      created_at: c.createdAt.toISOString(),
    };
  }
}
