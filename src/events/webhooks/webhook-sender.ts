import * as http from 'node:http';
import * as https from 'node:https';
import type { LookupFunction } from 'node:net';
import { performance } from 'node:perf_hooks';
import { resolveWebhookTarget, type Resolver, systemResolver, WebhookUrlRefused } from './url-policy';

export interface SendOptions {
  timeoutMs: number;
  allowLocal: boolean;
  resolve?: Resolver;
}

export interface SendResult {
  /** HTTP status of the answer, null when none came (refused, timeout, blocked address). */
  statusCode: number | null;
  /** Why the attempt did not succeed; null for a 2xx. */
  error: string | null;
  durationMs: number;
}

/** Longest response body read (and thrown away) before the connection is closed. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/** Answers DNS lookups of the request with the address the policy checked (no second, different answer). */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
}

/**
 * POSTs one webhook. Never throws: every outcome is a {@link SendResult}. The URL is checked against the
 * address policy right before connecting and the connection goes to the checked address; redirects are not
 * followed (a 3xx is a failed attempt); the whole attempt is bounded by `timeoutMs`.
 */
export async function sendWebhook(
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: SendOptions,
): Promise<SendResult> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  let target;
  try {
    target = await resolveWebhookTarget(rawUrl, options.allowLocal, options.resolve ?? systemResolver);
  } catch (error) {
    const reason = error instanceof WebhookUrlRefused ? `url ${error.message}` : String(error);
    return { statusCode: null, error: `blocked: ${reason}`, durationMs: elapsed() };
  }
  const { url, address, family } = target;
  const transport = url.protocol === 'https:' ? https : http;

  return new Promise<SendResult>((resolve) => {
    let settled = false;
    const finish = (statusCode: number | null, error: string | null): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve({ statusCode, error, durationMs: elapsed() });
    };
    const request = transport.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: pinnedLookup(address, family),
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
      },
      (response) => {
        const status = response.statusCode ?? 0;
        const outcome =
          status >= 200 && status < 300
            ? null
            : status >= 300 && status < 400
              ? `redirect not followed (HTTP ${status})`
              : `HTTP ${status}`;
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_RESPONSE_BYTES) finish(status, outcome);
        });
        response.on('end', () => finish(status, outcome));
        response.on('error', () => finish(status, outcome));
      },
    );
    const timer = setTimeout(() => finish(null, `timeout after ${options.timeoutMs} ms`), options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) => finish(null, error.code ?? error.message));
    request.end(body);
  });
}
