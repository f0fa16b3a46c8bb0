import { CanonicalJsonError, canonicalJson } from './canonical-json';

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
