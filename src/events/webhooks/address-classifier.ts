import { isIP } from 'node:net';

/**
 * What kind of address an IP is, for SSRF protection: only `public` addresses may receive webhooks in
 * production. IPv4 embedded in IPv6 (mapped `::ffff:a.b.c.d`, SIIT-translated `::ffff:0:a.b.c.d`, compatible
 * `::a.b.c.d`, NAT64 `64:ff9b::/96`, 6to4 `2002::/16`, Teredo `2001::/32` with its server and XOR-obfuscated
 * client IPv4) is classified by the IPv4 address it carries, so wrapping 127.0.0.1 in IPv6 does not help. The
 * local-use NAT64 prefix `64:ff9b:1::/48` (RFC 8215) is never public: it reaches the operator's own translator,
 * and where its IPv4 sits depends on a prefix length only that operator knows.
 */
export type AddressClass =
  | 'public'
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'link-local'
  | 'cgnat'
  | 'multicast'
  | 'reserved'
  | 'invalid';

interface Range {
  bytes: number[];
  bits: number;
  kind: Exclude<AddressClass, 'public' | 'invalid'>;
}

const v4 = (cidr: string, kind: Range['kind']): Range => {
  const [address, bits] = cidr.split('/');
  return { bytes: address.split('.').map(Number), bits: Number(bits), kind };
};
const v6 = (cidr: string, kind: Range['kind']): Range => {
  const [address, bits] = cidr.split('/');
  return { bytes: parseIpv6(address)!, bits: Number(bits), kind };
};

const IPV4_RANGES: Range[] = [
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'cgnat'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link-local'),
  v4('172.16.0.0/12', 'private'),
  v4('192.0.0.0/24', 'reserved'),
  v4('192.0.2.0/24', 'reserved'),
  v4('192.88.99.0/24', 'reserved'),
  v4('192.168.0.0/16', 'private'),
  v4('198.18.0.0/15', 'reserved'),
  v4('198.51.100.0/24', 'reserved'),
  v4('203.0.113.0/24', 'reserved'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'),
];

const IPV6_RANGES: Range[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('100::/64', 'reserved'),
  v6('2001:db8::/32', 'reserved'),
  v6('fc00::/7', 'private'),
  v6('fe80::/10', 'link-local'),
  v6('fec0::/10', 'private'),
  v6('ff00::/8', 'multicast'),
];

function matches(bytes: number[], range: Range): boolean {
  let bits = range.bits;
  for (let i = 0; bits > 0; i++, bits -= 8) {
    const mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
    if ((bytes[i] & mask) !== (range.bytes[i] & mask)) return false;
  }
  return true;
}

function parseIpv4(address: string): number[] | null {
  if (isIP(address) !== 4) return null;
  return address.split('.').map(Number);
}

/** 16 bytes of an IPv6 address (zone id dropped), or null when it is not one. */
function parseIpv6(input: string): number[] | null {
  const address = input.replace(/%.*$/, '');
  if (isIP(address) !== 6) return null;
  let text = address;
  let tail: number[] = [];
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail = parseIpv4(dotted[1])!;
    text = text.slice(0, -dotted[1].length) + '0:0';
  }
  const [head, rest] = text.includes('::') ? text.split('::') : [text, undefined];
  const groups = (part: string | undefined): string[] => (part ? part.split(':').filter(Boolean) : []);
  const left = groups(head);
  const right = groups(rest);
  const zeros = rest === undefined ? 0 : 8 - left.length - right.length;
  const all = [...left, ...Array<string>(zeros).fill('0'), ...right].map((g) => parseInt(g, 16));
  const bytes = all.flatMap((g) => [g >> 8, g & 0xff]);
  if (dotted) bytes.splice(12, 4, ...tail);
  return bytes;
}

/** Prefixes whose last 32 bits are an IPv4 address. */
const IPV4_IN_LAST_32_BITS: Range[] = [
  v6('::ffff:0:0/96', 'reserved'), // IPv4-mapped
  v6('::ffff:0:0:0/96', 'reserved'), // SIIT IPv4-translated (RFC 6145)
  v6('::/96', 'reserved'), // IPv4-compatible (deprecated)
  v6('64:ff9b::/96', 'reserved'), // NAT64 well-known prefix (RFC 6052)
];
const NAT64_LOCAL_USE = v6('64:ff9b:1::/48', 'reserved');
const SIX_TO_FOUR = v6('2002::/16', 'reserved');
const TEREDO = v6('2001::/32', 'reserved');

function classifyIpv4(bytes: number[]): AddressClass {
  if (bytes.every((b) => b === 255)) return 'reserved';
  return IPV4_RANGES.find((range) => matches(bytes, range))?.kind ?? 'public';
}

export function classifyAddress(address: string): AddressClass {
  const ipv4 = parseIpv4(address);
  if (ipv4) return classifyIpv4(ipv4);
  const ipv6 = parseIpv6(address);
  if (!ipv6) return 'invalid';
  const own = IPV6_RANGES.find((range) => matches(ipv6, range));
  if (own) return own.kind;
  const last32 = ipv6.slice(12, 16);
  if (IPV4_IN_LAST_32_BITS.some((range) => matches(ipv6, range))) return classifyIpv4(last32);
  if (matches(ipv6, NAT64_LOCAL_USE)) return worst([classifyIpv4(last32), 'reserved']);
  if (matches(ipv6, SIX_TO_FOUR)) return classifyIpv4(ipv6.slice(2, 6));
  if (matches(ipv6, TEREDO)) {
    const client = last32.map((b) => b ^ 0xff);
    return worst([classifyIpv4(client), classifyIpv4(ipv6.slice(4, 8))]);
  }
  return 'public';
}

/** The first non-public class, so that the refusal names what was actually carried. */
const worst = (classes: AddressClass[]): AddressClass => classes.find((c) => c !== 'public') ?? 'public';
