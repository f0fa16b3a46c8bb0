import { Injectable } from '@nestjs/common';

/** Wall clock plus an offset that tests move forward (`POST /emulator/v1/clock/advance`); never goes back. */
@Injectable()
export class EmulatorClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
