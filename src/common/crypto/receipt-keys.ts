import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';

/*
 * Receipt signing keys. The current key signs; the public halves of earlier keys stay published in the JWKS so
 * that receipts signed before a rotation still verify. Key ids are RFC 7638 JWK thumbprints, so a verifier can
 * check that a `kid` really names the key it is given.
 */

export type ReceiptAlg = 'EdDSA' | 'ES256';

export interface PublicReceiptJwk {
  kty: 'OKP' | 'EC';
  crv: string;
  x: string;
  y?: string;
  kid: string;
  alg: ReceiptAlg;
  use: 'sig';
}

export interface ReceiptKeys {
  signingKey: KeyObject;
  kid: string;
  alg: ReceiptAlg;
  /** The current public key first, then the previous ones. */
  publicKeys: PublicReceiptJwk[];
}

function algOf(key: KeyObject): ReceiptAlg {
  if (key.asymmetricKeyType === 'ed25519') return 'EdDSA';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error('must be an Ed25519 or P-256 (ES256) key');
}

/** The public JWK of a key with `kid` = base64url(SHA-256(required members in lexicographic order)) (RFC 7638). */
export function publicJwkOf(key: KeyObject): PublicReceiptJwk {
  const publicKey = key.type === 'private' ? createPublicKey(key) : key;
  const alg = algOf(publicKey);
  const jwk = publicKey.export({ format: 'jwk' });
  const members =
    jwk.kty === 'OKP'
      ? { crv: jwk.crv!, kty: 'OKP' as const, x: jwk.x! }
      : { crv: jwk.crv!, kty: 'EC' as const, x: jwk.x!, y: jwk.y! };
  const kid = createHash('sha256').update(JSON.stringify(members)).digest('base64url');
  return { ...members, kid, alg, use: 'sig' };
}

/** A PKCS#8 PEM (literal `\n` accepted, for one-line environment variables) or a private JWK as JSON. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  const key = trimmed.startsWith('{')
    ? createPrivateKey({ key: JSON.parse(trimmed) as JsonWebKey, format: 'jwk' })
    : createPrivateKey({ key: trimmed.replace(/\\n/g, '\n'), format: 'pem' });
  algOf(key);
  return key;
}

/** A JSON array of public JWKs, or a JWKS (`{"keys": [...]}`), e.g. the `keys` published before a rotation. */
export function parsePreviousPublicKeys(text: string): PublicReceiptJwk[] {
  const parsed = JSON.parse(text) as unknown;
  const list = Array.isArray(parsed) ? parsed : (parsed as { keys?: unknown })?.keys;
  if (!Array.isArray(list)) throw new Error('must be a JSON array of public JWKs or a JWKS object');
  return list.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || 'd' in entry) {
      throw new Error('must contain public JWKs only (no "d")');
    }
    return publicJwkOf(createPublicKey({ key: entry as JsonWebKey, format: 'jwk' }));
  });
}

export function loadReceiptKeys(signingKey: string, previousPublicKeys?: string): ReceiptKeys {
  const key = parseSigningKey(signingKey);
  const current = publicJwkOf(key);
  const previous = previousPublicKeys ? parsePreviousPublicKeys(previousPublicKeys) : [];
  return {
    signingKey: key,
    kid: current.kid,
    alg: current.alg,
    publicKeys: [current, ...previous.filter((k) => k.kid !== current.kid)],
  };
}

/** A fresh Ed25519 private key as PKCS#8 PEM (development secrets). */
export function generateSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
}
