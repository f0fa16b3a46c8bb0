import { loadConfig } from '../../config/app-config';
import { generateSigningKeyPem } from '../../common/crypto/receipt-keys';

const base = {
  ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`,
  BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
  DATABASE_URL: 'postgresql://x@127.0.0.1/x',
  RECEIPT_SIGNING_KEY: generateSigningKeyPem(),
};

describe('webhooks configuration', () => {
  it('allows local URLs by default outside production only', () => {
    expect(loadConfig({ ...base }).webhooks.allowLocalUrls).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'test' }).webhooks.allowLocalUrls).toBe(true);
    expect(loadConfig({ ...base, NODE_ENV: 'production' }).webhooks.allowLocalUrls).toBe(false);
    expect(
      loadConfig({ ...base, NODE_ENV: 'production', WEBHOOKS_ALLOW_LOCAL_URLS: 'true' }).webhooks
        .allowLocalUrls,
    ).toBe(true);
    expect(loadConfig({ ...base, WEBHOOKS_ALLOW_LOCAL_URLS: 'false' }).webhooks.allowLocalUrls).toBe(false);
  });

  it('has defaults: 10 s timeout, 3 days of retries, 24 h rotation window', () => {
    expect(loadConfig({ ...base }).webhooks).toMatchObject({
      timeoutMs: 10_000,
      retryForMs: 72 * 3_600_000,
      rotationWindowMs: 24 * 3_600_000,
    });
  });

  it('names a bad variable', () => {
    expect(() => loadConfig({ ...base, WEBHOOKS_TIMEOUT_MS: '5' })).toThrow(/WEBHOOKS_TIMEOUT_MS/);
    expect(() => loadConfig({ ...base, WEBHOOKS_ALLOW_LOCAL_URLS: 'maybe' })).toThrow(
      /WEBHOOKS_ALLOW_LOCAL_URLS/,
    );
  });
});
