import { classifyAddress } from './address-classifier';

describe('classifyAddress', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['93.184.215.14', 'public'],
    ['172.32.0.1', 'public'],
    ['100.128.0.1', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.10', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    ['not-an-ip', 'invalid'],
    ['1.2.3', 'invalid'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::169.254.169.254', 'link-local'],
    ['64:ff9b::808:808', 'public'],
    ['2002:c0a8:0101::1', 'private'],
    ['2002:0808:0808::1', 'public'],
    ['::192.168.0.1', 'private'],
    // SIIT (RFC 6145 IPv4-translated ::ffff:0:0:0/96)
    ['::ffff:0:7f00:1', 'loopback'],
    ['::ffff:0:a9fe:a9fe', 'link-local'],
    ['::ffff:0:808:808', 'public'],
    // NAT64, well-known prefix (RFC 6052) in both notations
    ['64:ff9b::7f00:1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    // Teredo (RFC 4380): server IPv4, then the client IPv4 XOR 0xffffffff in the last 32 bits
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'],
    ['2001:0:4136:e378:8000:63bf:f5ff:fffe', 'private'],
    ['2001:0:4136:e378:8000:63bf:5601:5601', 'link-local'],
    ['2001:0:a00:1:8000:63bf:f7f7:f7f7', 'private'],
    ['2001:0:4136:e378:8000:63bf:f7f7:f7f7', 'public'],
    // 6to4
    ['2002:7f00:1::1', 'loopback'],
    ['2002:a9fe:a9fe::', 'link-local'],
  ])('classifies IPv4 carried in IPv6 %s by that IPv4 address (%s)', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it.each([
    ['64:ff9b:1::a9fe:a9fe', 'link-local'],
    ['64:ff9b:1::7f00:1', 'loopback'],
    ['64:ff9b:1::808:808', 'reserved'],
    ['64:ff9b:1:7f00:0:100:808:808', 'reserved'],
    ['64:ff9b:1:ffff:ffff:ffff:ffff:ffff', 'reserved'],
  ])(
    'refuses the local-use NAT64 prefix 64:ff9b:1::/48 (not globally reachable) and names a carried IPv4: %s is %s',
    (address, kind) => {
      expect(classifyAddress(address)).toBe(kind);
    },
  );

  it('leaves the neighbours of the translation prefixes alone', () => {
    expect(classifyAddress('64:ff9b:2::7f00:1')).toBe('public');
    expect(classifyAddress('2003::7f00:1')).toBe('public');
    expect(classifyAddress('::fffe:0:7f00:1')).toBe('public');
  });
});
