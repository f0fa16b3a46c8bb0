import { Injectable } from '@nestjs/common';
import { ProblemException } from '../common/errors/problem.exception';

/** Klarna's own JS SDK, used when the service talks to Klarna (playground or live) instead of the emulator. */
export const KLARNA_JS_URL = 'https://x.klarnacdn.net/kp/lib/v1/api.js';

export interface DemoSetup {
  /** Where the demo backend reaches the merchant API (this service, over loopback). */
  apiUrl: string;
  merchantName: string;
  merchantApiKey: string;
  auditorApiKey: string;
  /** Set when the in-process emulator plays Klarna; the page then loads the emulator's SDK stand-in. */
  emulatorUrl?: string;
}

/**
 * What the demo backend needs to act as the demo merchant. The keys exist only after the service listens and
 * the demo merchant is seeded (src/demo-seed.ts), so they are handed over at runtime rather than through config.
 */
@Injectable()
export class DemoContext {
  private setup?: DemoSetup;

  configure(setup: DemoSetup): void {
    this.setup = setup;
  }

  get(): DemoSetup {
    if (!this.setup) {
      throw new ProblemException({
        status: 409,
        code: 'DEMO_NOT_SEEDED',
        title: 'Conflict',
        detail: 'The demo merchant has not been seeded yet (it is, once `npm start` prints its keys).',
      });
    }
    return this.setup;
  }

  klarnaJsUrl(): string {
    const { emulatorUrl } = this.get();
    return emulatorUrl ? `${emulatorUrl}/emulator/lib/v1/api.js` : KLARNA_JS_URL;
  }
}
