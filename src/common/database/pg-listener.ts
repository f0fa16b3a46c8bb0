import { Logger } from '@nestjs/common';
import { Client } from 'pg';

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5000;

/**
 * A dedicated PostgreSQL connection that LISTENs on one channel (outside the pool: a pooled connection, or one
 * behind PgBouncer in transaction mode, cannot keep a LISTEN). When the connection is lost it says so
 * (`onDown`, so that whatever the notifications keep fresh stops being trusted) and reconnects with backoff;
 * `onUp` runs after every (re)connect, once the LISTEN is in place.
 */
export class PgListener {
  private readonly logger = new Logger(PgListener.name);
  private client?: Client;
  private stopped = false;
  private failures = 0;
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: { onNotify(payload: string): void; onUp(): void; onDown(): void },
  ) {
    if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`bad channel name ${channel}`);
  }

  /** Connects (or keeps trying in the background); resolves after the first attempt. */
  start(): Promise<void> {
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client({ connectionString: this.url, application_name: 'autopay-listener' });
    let down = false;
    const lost = (error?: unknown): void => {
      if (down) return;
      down = true;
      if (this.client === client) this.client = undefined;
      this.handlers.onDown();
      void client.end().catch(() => undefined);
      if (this.stopped) return;
      if (error) this.logger.warn({ err: error, channel: this.channel }, 'listener connection lost');
      const delay = Math.min(RECONNECT_MAX_MS, RECONNECT_MIN_MS * 2 ** this.failures++);
      this.timer = setTimeout(() => void this.connect(), delay);
      this.timer.unref();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (message) => {
      if (message.channel === this.channel) this.handlers.onNotify(message.payload ?? '');
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${this.channel}`);
    } catch (error) {
      lost(error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    this.handlers.onUp();
  }
}
