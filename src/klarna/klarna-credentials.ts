export type KlarnaRegion = 'EU' | 'NA' | 'OC';
export type KlarnaEnvironment = 'playground' | 'live';

/** One merchant's Klarna API credentials, passed on every call (the client holds no merchant state). */
export interface KlarnaCredentials {
  merchantId: string;
  region: KlarnaRegion;
  environment: KlarnaEnvironment;
  /** Overrides the region/environment host, e.g. to point at the emulator. */
  baseUrl?: string;
  username: string;
  password: string;
}

const REGION_HOST_SUFFIX: Record<KlarnaRegion, string> = { EU: '', NA: '-na', OC: '-oc' };

/** Klarna's API host for a region and environment (Klarna credentials are only valid on their own one). */
export function klarnaBaseUrl(region: KlarnaRegion, environment: KlarnaEnvironment): string {
  const suffix = REGION_HOST_SUFFIX[region];
  if (suffix === undefined) throw new Error(`Unknown Klarna region "${String(region)}"`);
  if (environment !== 'live' && environment !== 'playground') {
    throw new Error(`Unknown Klarna environment "${String(environment)}"`);
  }
  return `https://api${suffix}${environment === 'playground' ? '.playground' : ''}.klarna.com`;
}

/** The base URL to call for these credentials, without a trailing slash. */
export function resolveKlarnaBaseUrl(credentials: KlarnaCredentials): string {
  const base = credentials.baseUrl ?? klarnaBaseUrl(credentials.region, credentials.environment);
  return base.replace(/\/+$/, '');
}
