import { type CanonicalInput, CanonicalJsonError, canonicalJson, sha256OfCanonical } from './canonical-json';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys by UTF-16 code units at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: null, y: true }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":true,"z":null}]},"b":1}',
    );
    // RFC 8785 §3.2.3 example: "\u20ac" (€) sorts after "\r" and before the emoji's surrogate pair.
    const sorted = canonicalJson({
      '\u20ac': 'Euro Sign',
      '\r': 'Carriage Return',
      '\ud83d\ude00': 'Emoji',
      '1': 'One',
    });
    expect(sorted).toBe('{"\\r":"Carriage Return","1":"One","€":"Euro Sign","😀":"Emoji"}');
  });

  it('serializes numbers the ECMAScript way (RFC 8785 §3.2.2.3 samples)', () => {
    expect(canonicalJson([1e21, 1e-7, 0.000001, -0, 333333333.3333333, 4.5, 2e-3, 1e23])).toBe(
      '[1e+21,1e-7,0.000001,0,333333333.3333333,4.5,0.002,1e+23]',
    );
  });

  it('escapes strings minimally', () => {
    expect(canonicalJson('a"b\\c\n\u0001é')).toBe('"a\\"b\\\\c\\n\\u0001é"');
    // Exactly what JSON.stringify writes, lone surrogates (escaped) and pairs (kept) included.
    for (const text of ['plain', '\ud800', 'x\udfffy', '😀', '\u007f\u2028', 'tab\there']) {
      expect(canonicalJson({ [text]: text })).toBe(`{${JSON.stringify(text)}:${JSON.stringify(text)}}`);
    }
  });

  it('is independent of insertion order', () => {
    expect(canonicalJson({ x: 1, y: 2 })).toBe(canonicalJson({ y: 2, x: 1 }));
  });

  it('takes a Date as its ISO string', () => {
    expect(canonicalJson({ at: new Date(Date.UTC(2026, 2, 1, 9, 0, 0, 5)) })).toBe(
      '{"at":"2026-03-01T09:00:00.005Z"}',
    );
  });

  it('refuses values that are not JSON instead of dropping them', () => {
    for (const bad of [undefined, NaN, Infinity, () => 1, BigInt(1), Symbol('s'), new Map(), new Date(NaN)]) {
      expect(() => canonicalJson({ v: bad } as never)).toThrow(CanonicalJsonError);
    }
    expect(() => canonicalJson([1, undefined] as never)).toThrow('$[1]');
  });
});

describe("canonicalJson 'omit-undefined' (request and terms fingerprints)", () => {
  /** What fingerprints were made with before the two implementations became one: sorted keys, JSON.stringify. */
  const sortedStringify = (value: unknown): string =>
    JSON.stringify(value, (_, v: unknown) =>
      v !== null && typeof v === 'object' && !Array.isArray(v)
        ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : v,
    );

  it.each<Record<string, CanonicalInput>>([
    {
      title: 'Monthly plan',
      body: 'Ich stimme zu…\n\u20ac 12,50',
      locale: 'de-DE',
      scope: { currency: 'EUR' },
    },
    { b: [1, { z: 'x', a: null }], a: true, c: -12.5, d: '"quoted" \\ \u0001', e: ['\ud83d\ude00'] },
    { order: { order_lines: [{ name: 'ride', quantity: 2 }], order_amount: 0 }, customer_token_id: 'ctok_1' },
  ])('writes for JSON data what sorted JSON.stringify writes, so stored hashes stay valid: %#', (value) => {
    expect(canonicalJson(value, 'omit-undefined')).toBe(sortedStringify(value));
    expect(canonicalJson(value, 'omit-undefined')).toBe(canonicalJson(value));
  });

  it('leaves out undefined members and reads a DTO instance by its own members', () => {
    class Dto {
      interval?: string = undefined;
      currency = 'SEK';
    }
    expect(canonicalJson({ scope: new Dto(), n: undefined }, 'omit-undefined')).toBe(
      '{"scope":{"currency":"SEK"}}',
    );
    expect(sha256OfCanonical({ a: 1, b: undefined })).toBe(sha256OfCanonical({ a: 1 }));
  });

  it('still refuses what is not JSON, and strict mode refuses what it omits', () => {
    expect(() => canonicalJson({ v: Number.NaN }, 'omit-undefined')).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ v: [undefined] }, 'omit-undefined')).toThrow('$.v[0]');
    expect(() => canonicalJson({ v: undefined } as never)).toThrow('$.v');
  });
});
