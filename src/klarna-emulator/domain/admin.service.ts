import { Injectable } from '@nestjs/common';
import { EmulatorClock } from '../core/clock';
import { EmulatorState } from '../core/state';
import { fail } from '../validation/primitives';
import { FaultsService } from './faults.service';
import { LedgerService } from './ledger.service';
import { RedirectsService } from './redirects.service';
import { validated } from './validated';

/** Clock and reset controls. */
@Injectable()
export class AdminService {
  constructor(
    private readonly state: EmulatorState,
    private readonly clock: EmulatorClock,
    private readonly faults: FaultsService,
    private readonly ledger: LedgerService,
    private readonly redirects: RedirectsService,
  ) {}

  now(): { now: string } {
    return { now: new Date(this.clock.now()).toISOString() };
  }

  advanceClock(input: unknown): { now: string } {
    const { result: seconds } = validated(input, (o) => {
      const v = o.seconds;
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) fail('seconds');
      return v;
    });
    this.clock.advance(seconds);
    return this.now();
  }

  reset(): void {
    this.state.reset();
    this.ledger.resetRequests();
    this.faults.reset();
    this.clock.reset();
    this.redirects.reset();
  }
}
