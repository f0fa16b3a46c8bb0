import { createHmac, timingSafeEqual } from 'node:crypto';
import type { components } from './generated/autopay-api';

/*
 * Verifying webhook deliveries, exactly as Autopay signs them (src/events/webhooks/signature.ts):
 *
 *   Autopay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=<…>]
 *
 * keyed with the endpoint's secret as shown at registration (`whsec_…`, UTF-8). During a secret rotation a
 * second `v1` carries the signature made with the previous secret: the delivery is genuine when any `v1` matches.
 */

/** The header carrying the signature. */
export const WEBHOOK_SIGNATURE_HEADER = 'Autopay-Signature';
/** The event's id: deduplicate by it (deliveries are at least once). */
export const WEBHOOK_EVENT_ID_HEADER = 'Autopay-Event-Id';
/** One delivery attempt series of the event to one endpoint. */
export const WEBHOOK_DELIVERY_ID_HEADER = 'Autopay-Delivery-Id';
/** How far the signature's timestamp may be from the receiver's clock, by default (replay protection). */
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 300;

/** The body of a delivery: `data` is the object the event is about, in the shape the API returns it. */
export interface WebhookEvent {
  id: string;
  type: components['schemas']['EventDto']['type'];
  created_at: string;
  data: Record<string, unknown>;
}

export interface VerifyOptions {
  /** Default {@link DEFAULT_WEBHOOK_TOLERANCE_SECONDS}. */
  toleranceSeconds?: number;
  /** The receiver's clock, in unix seconds. Default: now. */
  nowSeconds?: number;
}

/** The delivery is not provably from Autopay (bad or missing signature, or a timestamp outside the tolerance). */
export class AutopayWebhookSignatureError extends Error {
  override readonly name = 'AutopayWebhookSignatureError';
}

/**
 * True when `header` (the `Autopay-Signature` value) carries a `v1` signature of `rawBody` under `secret` and a
 * timestamp within the tolerance of now. Pass the raw bytes as received, before any JSON parsing: re-serialising
 * changes them. Compares in constant time.
 */
export function verifyWebhookSignature(
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  secret: string,
  options: VerifyOptions = {},
): boolean {
  if (!header) return false;
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  const now = options.nowSeconds ?? Math.floor(Date.now() / 1000);
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value = ''] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value)) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value)) candidates.push(value);
  }
  if (timestamp === undefined || candidates.length === 0) return false;
  if (Math.abs(now - timestamp) > tolerance) return false;
  const expected = createHmac('sha256', secret).update(`${timestamp}.`, 'utf8').update(rawBody).digest();
  return candidates.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
}

/**
 * Verifies a delivery and returns its event; throws {@link AutopayWebhookSignatureError} when it is not genuine.
 *
 * ```ts
 * app.post('/hooks/autopay', express.raw({ type: 'application/json' }), (req, res) => {
 *   const event = constructWebhookEvent(req.body, req.get('Autopay-Signature'), process.env.AUTOPAY_WEBHOOK_SECRET!);
 *   // deduplicate by event.id, handle event.type …
 *   res.status(204).end();
 * });
 * ```
 */
export function constructWebhookEvent(
  rawBody: string | Uint8Array,
  header: string | null | undefined,
  secret: string,
  options: VerifyOptions = {},
): WebhookEvent {
  if (!verifyWebhookSignature(rawBody, header, secret, options)) {
    throw new AutopayWebhookSignatureError(
      header
        ? 'Autopay-Signature does not match the body under this secret, or its timestamp is outside the tolerance'
        : 'the Autopay-Signature header is missing',
    );
  }
  const text = typeof rawBody === 'string' ? rawBody : Buffer.from(rawBody).toString('utf8');
  return JSON.parse(text) as WebhookEvent;
}
