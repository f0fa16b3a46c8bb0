import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EntityManager } from '@mikro-orm/postgresql';
import type { FakeClock } from '../../src/common/clock/clock';
import type { EventType } from '../../src/events/event-types';
import { EventsService } from '../../src/events/events.service';
import { WebhookDeliveryJob } from '../../src/events/webhooks/webhook-delivery.job';
import type { TestApp } from '../support/test-app';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver on 127.0.0.1 that records every request; it can answer any status, or be down. */
export interface Receiver {
  url: string;
  requests: ReceivedRequest[];
  /** Status answered from now on (default 200). */
  status: number;
  /** Stops listening: connections are refused until `up()`. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startReceiver(path = '/hooks'): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  const state = { status: 200 };
  let server: Server | null = null;
  const listen = (port: number): Promise<number> =>
    new Promise((resolve) => {
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          requests.push({
            method: req.method ?? '',
            url: req.url ?? '',
            headers: req.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
          res.writeHead(state.status, { connection: 'close' }).end('ok');
        });
      });
      server.listen(port, '127.0.0.1', () => resolve((server!.address() as AddressInfo).port));
    });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (!server) return resolve();
      server.closeAllConnections();
      server.close(() => resolve());
      server = null;
    });
  const port = await listen(0);
  return {
    url: `http://127.0.0.1:${port}${path}`,
    requests,
    get status() {
      return state.status;
    },
    set status(value: number) {
      state.status = value;
    },
    down: stop,
    up: async () => {
      await listen(port);
    },
    close: stop,
  };
}

/**
 * The verifier a partner would write, independent of src/webhooks/signature.ts: HMAC-SHA256 over
 * "<t>.<raw body>" keyed with the secret, any v1 may match, timestamp within tolerance.
 */
export function partnerVerify(
  rawBody: string,
  header: string | undefined,
  secret: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  if (!header) return false;
  const parts = header.split(',').map((p) => p.split('='));
  const t = parts.find(([k]) => k === 't')?.[1];
  const signatures = parts.filter(([k]) => k === 'v1').map(([, v]) => v);
  if (!t || Math.abs(nowSeconds - Number(t)) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  return signatures.some((s) => {
    const given = Buffer.from(s, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}

export const signaturesIn = (header: string | undefined): string[] =>
  (header ?? '')
    .split(',')
    .filter((p) => p.startsWith('v1='))
    .map((p) => p.slice(3));

/** Emits an event the way other modules do: inside a transaction. */
export async function emit(
  t: TestApp,
  merchantId: string,
  type: EventType = 'order.succeeded',
  data: Record<string, unknown> = { id: 'ord_test', order_amount: 1000 },
): Promise<string> {
  const events = t.app.get(EventsService);
  const { id } = await t.app
    .get(EntityManager)
    .fork()
    .transactional((em) => events.emit(em, { merchantId, type, data }));
  return id;
}

export const deliveryJob = (t: TestApp): WebhookDeliveryJob => t.app.get(WebhookDeliveryJob);

export async function registerEndpoint(
  t: TestApp,
  key: string,
  url: string,
  events: EventType[] = ['order.succeeded'],
): Promise<{ id: string; secret: string }> {
  const res = await t.request('POST', '/v1/webhook-endpoints', { key, body: { url, events } });
  if (res.status !== 201) throw new Error(`register endpoint: ${res.status} ${res.text}`);
  return { id: res.body.id, secret: res.body.secret };
}

export async function deliveryRow(t: TestApp, eventId: string): Promise<Record<string, any>> {
  const { rows } = await t.db.query('SELECT * FROM webhook_deliveries WHERE event_id = $1 ORDER BY id', [
    eventId,
  ]);
  return rows[0];
}

export const fake = (t: TestApp): FakeClock => t.clock as FakeClock;
