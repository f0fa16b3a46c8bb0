import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { classifyAddress } from './address-classifier';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Hostname → addresses. The system resolver in the app; tests pass their own to play DNS tricks. */
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) => lookup(hostname, { all: true, verbatim: true });

/** A webhook URL the policy refuses; `message` completes "url …" in a 400 answer. */
export class WebhookUrlRefused extends Error {}

export interface WebhookTarget {
  url: URL;
  /** The address to connect to: checked, and pinned so that a second DNS answer cannot differ (rebinding). */
  address: string;
  family: 4 | 6;
}

/**
 * Checks a webhook URL and resolves it to the one address to connect to. Without `allowLocal`: https only, and
 * every address the host resolves to must be public (no loopback, private, link-local, CGNAT, multicast or
 * reserved one), so that a merchant cannot make the service call into its own network (SSRF). Called at
 * registration and again before every delivery, since DNS answers change.
 */
export async function resolveWebhookTarget(
  rawUrl: string,
  allowLocal: boolean,
  resolve: Resolver = systemResolver,
): Promise<WebhookTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new WebhookUrlRefused('must be an absolute URL');
  }
  if (url.protocol !== 'https:' && !(allowLocal && url.protocol === 'http:')) {
    throw new WebhookUrlRefused(allowLocal ? 'must be an http or https URL' : 'must be an https URL');
  }
  if (url.username || url.password) throw new WebhookUrlRefused('must not contain credentials');
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) throw new WebhookUrlRefused('must name a host');

  let addresses: ResolvedAddress[];
  if (isIP(host)) {
    addresses = [{ address: host, family: isIP(host) }];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      addresses = [];
    }
    if (addresses.length === 0) throw new WebhookUrlRefused(`host ${host} does not resolve`);
  }
  if (!allowLocal) {
    for (const { address } of addresses) {
      const kind = classifyAddress(address);
      if (kind !== 'public') {
        const article = /^[aeiou]/.test(kind) ? 'an' : 'a';
        throw new WebhookUrlRefused(`must not point to ${article} ${kind} address (${host} is ${address})`);
      }
    }
  }
  const chosen = addresses[0];
  return { url, address: chosen.address, family: chosen.family === 6 ? 6 : 4 };
}
