import { resolveWebhookTarget, type Resolver, WebhookUrlRefused } from './url-policy';

const dns =
  (table: Record<string, string[]>): Resolver =>
  async (host) => {
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };

const resolver = dns({
  'hooks.merchant.example': ['93.184.215.14'],
  'internal.example': ['10.0.0.5'],
  'mixed.example': ['93.184.215.14', '127.0.0.1'],
  'metadata.example': ['169.254.169.254'],
  'v6.example': ['2606:4700::1'],
  'v6-ula.example': ['fd00::1'],
});

async function refusal(url: string, allowLocal = false): Promise<string> {
  try {
    await resolveWebhookTarget(url, allowLocal, resolver);
  } catch (error) {
    if (error instanceof WebhookUrlRefused) return error.message;
    throw error;
  }
  throw new Error(`${url} was accepted`);
}

describe('webhook URL policy', () => {
  it('accepts https on a host resolving to public addresses, pinned to the checked address', async () => {
    await expect(
      resolveWebhookTarget('https://hooks.merchant.example/x', false, resolver),
    ).resolves.toMatchObject({
      address: '93.184.215.14',
      family: 4,
    });
    await expect(resolveWebhookTarget('https://v6.example/x', false, resolver)).resolves.toMatchObject({
      address: '2606:4700::1',
      family: 6,
    });
    await expect(
      resolveWebhookTarget('https://93.184.215.14:8443/x', false, resolver),
    ).resolves.toMatchObject({
      address: '93.184.215.14',
    });
  });

  it('refuses http, other schemes, credentials and garbage in strict mode', async () => {
    expect(await refusal('http://hooks.merchant.example/x')).toBe('must be an https URL');
    expect(await refusal('ftp://hooks.merchant.example/x')).toBe('must be an https URL');
    expect(await refusal('https://user:pw@hooks.merchant.example/x')).toBe('must not contain credentials');
    expect(await refusal('not a url')).toBe('must be an absolute URL');
  });

  it.each([
    ['https://127.0.0.1/x', 'loopback'],
    ['https://[::1]/x', 'loopback'],
    ['https://[::ffff:127.0.0.1]/x', 'loopback'],
    ['https://10.1.2.3/x', 'private'],
    ['https://192.168.0.1/x', 'private'],
    ['https://172.20.0.1/x', 'private'],
    ['https://169.254.169.254/latest/meta-data', 'link-local'],
    ['https://[fe80::1]/x', 'link-local'],
    ['https://0.0.0.0/x', 'unspecified'],
    ['https://100.64.1.1/x', 'cgnat'],
    ['https://224.0.0.1/x', 'multicast'],
    ['https://internal.example/x', 'private'],
    ['https://metadata.example/x', 'link-local'],
    ['https://v6-ula.example/x', 'private'],
    ['https://mixed.example/x', 'loopback'],
    ['https://[64:ff9b:1::a9fe:a9fe]/x', 'link-local'],
    ['https://[64:ff9b::7f00:1]/x', 'loopback'],
    ['https://[::ffff:0:7f00:1]/x', 'loopback'],
    ['https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/x', 'loopback'],
    ['https://[2002:a00:1::1]/x', 'private'],
    ['https://0x7f.1/x', 'loopback'],
    ['https://2130706433/x', 'loopback'],
  ])('refuses %s (%s) in strict mode', async (url, kind) => {
    expect(await refusal(url)).toMatch(new RegExp(`^must not point to an? ${kind} address`));
  });

  it('judges the host a WHATWG URL parser sees and returns the URL normalised', async () => {
    // The backslash ends the authority in a special URL: the host is 93.184.216.34, "@127.0.0.1" is path.
    const target = await resolveWebhookTarget('https://93.184.216.34\\@127.0.0.1/h', false, resolver);
    expect(target.address).toBe('93.184.216.34');
    expect(target.url.href).toBe('https://93.184.216.34/@127.0.0.1/h');
    const odd = await resolveWebhookTarget('HTTPS://Hooks.Merchant.EXAMPLE:443/a/../b', false, resolver);
    expect(odd.url.href).toBe('https://hooks.merchant.example/b');
  });

  it('refuses a host that does not resolve', async () => {
    expect(await refusal('https://nowhere.invalid/x')).toBe('host nowhere.invalid does not resolve');
    expect(await refusal('http://nowhere.invalid/x', true)).toBe('host nowhere.invalid does not resolve');
  });

  it('allows http and local addresses when local URLs are allowed', async () => {
    await expect(resolveWebhookTarget('http://127.0.0.1:8080/x', true, resolver)).resolves.toMatchObject({
      address: '127.0.0.1',
    });
    await expect(resolveWebhookTarget('https://internal.example/x', true, resolver)).resolves.toMatchObject({
      address: '10.0.0.5',
    });
    expect(await refusal('ftp://127.0.0.1/x', true)).toBe('must be an http or https URL');
  });
});
