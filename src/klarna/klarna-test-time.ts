import { HttpService } from '@nestjs/axios';
import { Injectable, Logger } from '@nestjs/common';
import { type KlarnaCredentials, resolveKlarnaBaseUrl } from './klarna-credentials';
import { KLARNA_USER_AGENT } from './klarna.client';

/** Klarna's clock control, as the Klarna emulator offers it (`docs/emulator.md`); Klarna itself has none. */
const CLOCK_PATH = '/emulator/v1/clock';
const TIMEOUT_MS = 2_000;

/**
 * Moves Klarna's time along with a test clock where that is possible: the Klarna emulator has an advanceable
 * clock, Klarna's playground has none (its time stays real). The emulator's clock is one for all its merchants
 * and never goes back, so it is moved forward to at least the test clock's time and never back.
 */
@Injectable()
export class KlarnaTestTime {
  private readonly logger = new Logger(KlarnaTestTime.name);

  constructor(private readonly http: HttpService) {}

  /** Klarna's time after the move, or null when these credentials' Klarna has no clock control. */
  async moveTo(credentials: KlarnaCredentials, at: Date): Promise<Date | null> {
    const url = `${resolveKlarnaBaseUrl(credentials)}${CLOCK_PATH}`;
    const current = await this.read(url, 'GET');
    if (current === null) return null;
    const seconds = Math.ceil((at.getTime() - current.getTime()) / 1000);
    if (seconds <= 0) return current;
    return this.read(url + '/advance', 'POST', { seconds });
  }

  private async read(url: string, method: 'GET' | 'POST', body?: unknown): Promise<Date | null> {
    try {
      const response = await this.http.axiosRef.request<string>({
        url,
        method,
        headers: {
          'User-Agent': KLARNA_USER_AGENT,
          Accept: 'application/json',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        data: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (response.status !== 200) return null;
      const now = (JSON.parse(response.data) as { now?: unknown }).now;
      const parsed = typeof now === 'string' ? new Date(now) : null;
      return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
    } catch (error) {
      // Not the emulator (Klarna answers 404 or something that is not JSON), or unreachable: time stays real.
      this.logger.debug({ err: error }, 'no Klarna clock control');
      return null;
    }
  }
}
