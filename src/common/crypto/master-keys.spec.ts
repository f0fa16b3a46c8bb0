import { randomBytes } from 'node:crypto';
import { KeyConfigError } from './crypto.errors';
import { parseBase64Key, parseMasterKeys } from './master-keys';

const b64 = (bytes = 32) => randomBytes(bytes).toString('base64');

describe('parseMasterKeys', () => {
  it('parses a comma-separated keyId:base64 list, tolerating spaces', () => {
    const a = b64();
    const b = b64();
    const keys = parseMasterKeys(` k1:${a} , k_2-x:${b} `);
    expect(Object.keys(keys)).toEqual(['k1', 'k_2-x']);
    expect(keys.k1.equals(Buffer.from(a, 'base64'))).toBe(true);
    expect(keys['k_2-x']).toHaveLength(32);
  });

  it.each([
    ['', /no key given/],
    ['k1', /entry 1 is not in the form keyId:base64/],
    [':abc', /entry 1 is not in the form/],
    [`k.1:${b64()}`, /entry 1 has an invalid key id/],
    [`k1:${b64()},k1:${b64()}`, /"k1" appears twice/],
    ['k1:not base64!', /master key "k1": is not valid base64/],
    [`k1:${b64(16)}`, /must decode to 32 bytes, got 16/],
  ])('rejects %j with a clear message', (spec, message) => {
    expect(() => parseMasterKeys(spec)).toThrow(KeyConfigError);
    expect(() => parseMasterKeys(spec)).toThrow(message);
  });

  it('never echoes key material in errors', () => {
    const short = b64(31);
    expect(() => parseMasterKeys(`k1:${short}`)).toThrow(
      expect.not.objectContaining({ message: expect.stringContaining(short) }),
    );
  });
});

describe('parseBase64Key', () => {
  it('decodes 32 bytes and names the setting when invalid', () => {
    expect(parseBase64Key(b64(), 'BLIND_INDEX_KEY')).toHaveLength(32);
    expect(() => parseBase64Key(b64(33), 'BLIND_INDEX_KEY')).toThrow(
      /^BLIND_INDEX_KEY: must decode to 32 bytes/,
    );
  });
});
