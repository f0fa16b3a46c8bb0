import { generateSigningKeyPem } from '../common/crypto/receipt-keys';
import { ConfigError, loadConfig } from './app-config';

const KEYS = {
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 7).toString('base64')}`,
  BLIND_INDEX_KEY: Buffer.alloc(32, 8).toString('base64'),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('applies defaults', () => {
    const config = loadConfig(KEYS);
    expect(config.http.port).toBe(3000);
    expect(config.env).toBe('development');
    expect(config.demoSeed).toBe(true);
    expect(config.database.url).toBeUndefined();
    expect(config.crypto.activeKeyId).toBe('k1');
  });

  it('listens on 127.0.0.1 in demo mode unless HOST is set, on 0.0.0.0 otherwise', () => {
    expect(loadConfig(KEYS).http.host).toBe('127.0.0.1');
    expect(loadConfig({ ...KEYS, DEMO_SEED: 'true' }).http.host).toBe('127.0.0.1');
    expect(loadConfig({ ...KEYS, HOST: '0.0.0.0' }).http.host).toBe('0.0.0.0');
    expect(loadConfig({ ...KEYS, HOST: '::' }).http.host).toBe('::');
    expect(loadConfig({ ...KEYS, DEMO_SEED: 'false' }).http.host).toBe('0.0.0.0');
    expect(
      loadConfig({
        ...KEYS,
        NODE_ENV: 'production',
        DATABASE_URL: 'postgresql://db/autopay',
        RECEIPT_SIGNING_KEY: generateSigningKeyPem(),
      }).http.host,
    ).toBe('0.0.0.0');
  });

  it.each([
    ['PORT', 'abc', /^PORT: /],
    ['PORT', '70000', /^PORT: /],
    ['NODE_ENV', 'staging', /^NODE_ENV: /],
    ['DATABASE_URL', 'mysql://x', /^DATABASE_URL: must be a postgres/],
    ['DATABASE_MIGRATION_URL', 'mysql://x', /^DATABASE_MIGRATION_URL: must be a postgres/],
    ['TRUST_PROXY', 'true', /^TRUST_PROXY: "true" is not an IP address or CIDR/],
    ['TRUST_PROXY', '10.0.0.0/33', /^TRUST_PROXY: "10.0.0.0\/33" is not/],
    ['RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE', '0', /^RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: /],
    ['LOG_LEVEL', 'loud', /^LOG_LEVEL: /],
    ['KLARNA_TIMEOUT_MS', '5', /^KLARNA_TIMEOUT_MS: /],
    ['KLARNA_BASE_URL', 'not a url', /^KLARNA_BASE_URL: /],
    ['ENCRYPTION_ACTIVE_KEY_ID', 'k9', /^ENCRYPTION_ACTIVE_KEY_ID: "k9" is not one of/],
    [
      'ENCRYPTION_KEYS',
      `k1:${Buffer.alloc(16).toString('base64')}AAAAAAAAAAAAAAAAAAAA`,
      /^ENCRYPTION_KEYS: /,
    ],
    ['JOBS_ENABLED', 'yes', /^JOBS_ENABLED: /],
  ])('%s=%s is refused with a message naming it', (name, value, pattern) => {
    const problems = problemsOf({ ...KEYS, [name]: value });
    expect(problems.some((p) => pattern.test(p))).toBe(true);
  });

  it('reports every bad variable at once', () => {
    const problems = problemsOf({ ...KEYS, PORT: 'x', LOG_LEVEL: 'y' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'PORT']);
  });

  it('requires keys, and a database in production', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'BLIND_INDEX_KEY',
      'DATABASE_URL',
      'ENCRYPTION_KEYS',
      'RECEIPT_SIGNING_KEY',
    ]);
  });

  it('turns demo seeding off in production and treats empty strings as unset', () => {
    const config = loadConfig({
      ...KEYS,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://db/x',
      PORT: '',
      RECEIPT_SIGNING_KEY: generateSigningKeyPem(),
    });
    expect(config.receipts.ephemeral).toBe(false);
    expect(config.demoSeed).toBe(false);
    expect(config.http.port).toBe(3000);
  });

  it('trusts no proxy by default, the listed addresses and CIDRs when TRUST_PROXY is set', () => {
    expect(loadConfig(KEYS).http.trustProxy).toBe(false);
    expect(loadConfig({ ...KEYS, TRUST_PROXY: '10.0.0.0/8, ::1,192.0.2.7' }).http.trustProxy).toEqual([
      '10.0.0.0/8',
      '::1',
      '192.0.2.7',
    ]);
    expect(loadConfig(KEYS).rateLimit.unauthenticatedPerMinute).toBe(60);
    expect(loadConfig({ ...KEYS, DATABASE_URL: 'postgres://a@h/d' }).database.migrationUrl).toBe(
      'postgres://a@h/d',
    );
  });
});
