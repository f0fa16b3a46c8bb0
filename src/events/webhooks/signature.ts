import { createHmac, timingSafeEqual } from 'node:crypto';

/*
 * Webhook signatures, in the shape partners verify them. This file depends on node:crypto only, so that it
 * can be copied into a receiver as is.
 *
 *   Autopay-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=<…>]
 *
 * The HMAC key is the endpoint's secret exactly as shown at registration (`whsec_…`, UTF-8). During a secret
 * rotation a second `v1` carries the signature made with the previous secret; a receiver accepts the event when
 * any `v1` matches the secret it holds.
 */

export const SIGNATURE_HEADER = 'Autopay-Signature';

/** Hex HMAC-SHA256 of `<timestamp>.<raw body>` under `secret`. */
export function computeSignature(secret: string, timestampSeconds: number, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestampSeconds}.`, 'utf8').update(rawBody).digest('hex');
}

/** The header value: one `v1` per secret, current secret first. */
export function signatureHeader(
  rawBody: string | Buffer,
  timestampSeconds: number,
  secrets: readonly string[],
): string {
  return [
    `t=${timestampSeconds}`,
    ...secrets.map((s) => `v1=${computeSignature(s, timestampSeconds, rawBody)}`),
  ].join(',');
}

/**
 * True when `header` carries a `v1` signature of `rawBody` under `secret` and its timestamp is within
 * `toleranceSeconds` of `nowSeconds` (replay protection). Verify the raw bytes as received, before parsing the
 * JSON: re-serialising changes them. Compares in constant time.
 *
 * ```ts
 * const ok = verifyAutopaySignature(req.rawBody, req.headers['autopay-signature'], process.env.WHSEC,
 *   300, Math.floor(Date.now() / 1000));
 * if (!ok) return res.status(400).end();
 * ```
 */
export function verifyAutopaySignature(
  rawBody: string | Buffer,
  header: string | undefined,
  secret: string,
  toleranceSeconds: number,
  nowSeconds: number,
): boolean {
  if (!header) return false;
  let timestamp: number | undefined;
  const candidates: string[] = [];
  for (const part of header.split(',')) {
    const [key, value] = part.trim().split('=', 2);
    if (key === 't' && /^\d{1,12}$/.test(value ?? '')) timestamp = Number(value);
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(value ?? '')) candidates.push(value);
  }
  if (timestamp === undefined || candidates.length === 0) return false;
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(computeSignature(secret, timestamp, rawBody), 'hex');
  return candidates.some((candidate) => timingSafeEqual(Buffer.from(candidate, 'hex'), expected));
}
