import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { loadReceiptKeys, parseSigningKey, publicJwkOf } from './receipt-keys';

describe('receipt keys', () => {
  it('computes the RFC 7638 thumbprint of the RFC 8037 example Ed25519 key', () => {
    const key = createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' },
      format: 'jwk',
    });
    expect(publicJwkOf(key).kid).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('reads a PEM with literal \\n (one-line environment variable) and a private JWK alike', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const jwk = JSON.stringify(privateKey.export({ format: 'jwk' }));
    const fromPem = publicJwkOf(parseSigningKey(pem.replace(/\n/g, '\\n')));
    expect(publicJwkOf(parseSigningKey(jwk))).toEqual(fromPem);
    expect(fromPem).toMatchObject({ alg: 'EdDSA', kty: 'OKP', crv: 'Ed25519', use: 'sig' });
  });

  it('signs with ES256 for a P-256 key and publishes previous keys after the current one, once each', () => {
    const current = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const old = generateKeyPairSync('ed25519').publicKey;
    const currentPublic = JSON.stringify(createPublicKey(current).export({ format: 'jwk' }));
    const keys = loadReceiptKeys(
      current.export({ format: 'pem', type: 'pkcs8' }).toString(),
      `[${JSON.stringify(old.export({ format: 'jwk' }))}, ${currentPublic}]`,
    );
    expect(keys.alg).toBe('ES256');
    expect(keys.publicKeys.map((k) => k.kid)).toEqual([keys.kid, publicJwkOf(old).kid]);
    expect(keys.publicKeys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
  });

  it('refuses other key types', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    expect(() => parseSigningKey(p384.export({ format: 'pem', type: 'pkcs8' }).toString())).toThrow(
      'Ed25519 or P-256',
    );
  });
});
