import { klarnaBaseUrl, resolveKlarnaBaseUrl, type KlarnaCredentials } from './klarna-credentials';

describe('klarnaBaseUrl', () => {
  it.each([
    ['EU', 'live', 'https://api.klarna.com'],
    ['EU', 'playground', 'https://api.playground.klarna.com'],
    ['NA', 'live', 'https://api-na.klarna.com'],
    ['NA', 'playground', 'https://api-na.playground.klarna.com'],
    ['OC', 'live', 'https://api-oc.klarna.com'],
    ['OC', 'playground', 'https://api-oc.playground.klarna.com'],
  ] as const)('%s %s → %s', (region, environment, url) => {
    expect(klarnaBaseUrl(region, environment)).toBe(url);
  });

  it('refuses an unknown region or environment instead of guessing a host', () => {
    expect(() => klarnaBaseUrl('US' as never, 'live')).toThrow('Unknown Klarna region "US"');
    expect(() => klarnaBaseUrl('EU', 'test' as never)).toThrow('Unknown Klarna environment "test"');
  });
});

describe('resolveKlarnaBaseUrl', () => {
  const credentials: KlarnaCredentials = {
    merchantId: 'm1',
    region: 'NA',
    environment: 'playground',
    username: 'u',
    password: 'p',
  };

  it('uses the region and environment without an override', () => {
    expect(resolveKlarnaBaseUrl(credentials)).toBe('https://api-na.playground.klarna.com');
  });

  it('lets an explicit base URL (the emulator) win, without trailing slashes', () => {
    expect(resolveKlarnaBaseUrl({ ...credentials, baseUrl: 'http://127.0.0.1:4010//' })).toBe(
      'http://127.0.0.1:4010',
    );
  });
});
