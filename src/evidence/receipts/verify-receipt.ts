import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';

const SEGMENT = /^[A-Za-z0-9_-]*$/;

/**
 * Base64url allows several spellings of the same bytes (the unused low bits of the last character); a strict
 * verifier accepts only the one spelling the signer produced, so that no character of a receipt can change
 * while it still verifies.
 */
function isCanonicalBase64url(segment: string): boolean {
  return SEGMENT.test(segment) && Buffer.from(segment, 'base64url').toString('base64url') === segment;
}

/**
 * Verifies a receipt offline against a JWKS (as published at `/.well-known/jwks.json`) and returns its claims.
 * Throws when the receipt is malformed, not canonical, signed by an unknown key, or altered.
 */
export async function verifyReceipt(
  receipt: string,
  jwks: JSONWebKeySet,
  typ?: string,
): Promise<{ header: Record<string, unknown>; claims: Record<string, unknown> }> {
  const parts = receipt.split('.');
  if (parts.length !== 3 || !parts.every(isCanonicalBase64url)) {
    throw new Error('receipt is not a canonical compact JWS');
  }
  const { payload, protectedHeader } = await compactVerify(receipt, createLocalJWKSet(jwks), {
    algorithms: ['EdDSA', 'ES256'],
  });
  if (typ !== undefined && protectedHeader.typ !== typ) throw new Error(`receipt typ is not ${typ}`);
  return {
    header: protectedHeader,
    claims: JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>,
  };
}
