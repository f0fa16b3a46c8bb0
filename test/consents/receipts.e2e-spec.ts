import { createHash, generateKeyPairSync } from 'node:crypto';
import { compactVerify, createLocalJWKSet, decodeProtectedHeader } from 'jose';
import type { FakeClock } from '../../src/common/clock/clock';
import { loadConfig } from '../../src/config/app-config';
import { publicJwkOf } from '../../src/common/crypto/receipt-keys';
import { RECEIPT_TYP, ReceiptService } from '../../src/evidence/receipts/receipt.service';
import { verifyReceipt } from '../../src/evidence/receipts/verify-receipt';
import { startTestApp, type TestApp } from '../support/test-app';
import { TEST_ENV } from '../support/test-env';

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('signed receipts and the JWKS', () => {
  const previous = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      env: { RECEIPT_PREVIOUS_PUBLIC_KEYS: JSON.stringify({ keys: [previous.export({ format: 'jwk' })] }) },
    });
  });
  afterAll(async () => {
    await t.close();
  });

  const fetchJwks = async () => {
    const res = await t.request('GET', '/.well-known/jwks.json');
    expect(res.status).toBe(200);
    return res.body;
  };

  it('publishes the current key (kid = RFC 7638 thumbprint) and the previous one, without auth', async () => {
    const jwks = await fetchJwks();
    expect(jwks.keys).toHaveLength(2);
    const [current, old] = jwks.keys;
    expect(current).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig' });
    expect(current.d).toBeUndefined();
    // RFC 8037 appendix A.3 style: thumbprint over {"crv","kty","x"} in that order.
    const thumb = createHash('sha256')
      .update(JSON.stringify({ crv: current.crv, kty: current.kty, x: current.x }))
      .digest('base64url');
    expect(current.kid).toBe(thumb);
    expect(old).toEqual(publicJwkOf(previous));
    expect(old).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
  });

  it('signs a receipt that verifies offline against the published JWKS, with kid, typ and iat', async () => {
    (t.clock as FakeClock).set(new Date('2026-04-02T10:00:00.000Z'));
    const receipt = await t.app
      .get(ReceiptService)
      .sign({ sub: 'con_01JD3X9R0S4V8W2Y6Z1A3B5C7D', consent_hash: 'ab'.repeat(32), seq: 42 });
    expect(receipt.split('.')).toHaveLength(3);
    const jwks = await fetchJwks();

    const plain = await compactVerify(receipt, createLocalJWKSet(jwks));
    expect(plain.protectedHeader).toEqual({ alg: 'EdDSA', kid: jwks.keys[0].kid, typ: RECEIPT_TYP });
    expect(JSON.parse(new TextDecoder().decode(plain.payload))).toEqual({
      sub: 'con_01JD3X9R0S4V8W2Y6Z1A3B5C7D',
      consent_hash: 'ab'.repeat(32),
      seq: 42,
      iat: Date.parse('2026-04-02T10:00:00.000Z') / 1000,
    });
    const strict = await verifyReceipt(receipt, jwks, RECEIPT_TYP);
    expect(strict.claims.seq).toBe(42);
  });

  it('fails verification after any single character of the receipt changes', async () => {
    const receipt = await t.app.get(ReceiptService).sign({ sub: 'con_x', text_sha256: 'cd'.repeat(32) });
    const jwks = await fetchJwks();
    const accepted: string[] = [];
    for (let i = 0; i < receipt.length; i++) {
      if (receipt[i] === '.') continue;
      // Flip the lowest, a middle and the highest of the six bits the character carries: the lowest is the one
      // a lenient base64url decoder ignores in the last character of the signature.
      const index = B64URL.indexOf(receipt[i]);
      for (const c of [B64URL[index ^ 1], B64URL[index ^ 8], B64URL[index ^ 32]]) {
        const altered = receipt.slice(0, i) + c + receipt.slice(i + 1);
        const ok = await verifyReceipt(altered, jwks).then(
          () => true,
          () => false,
        );
        if (ok) accepted.push(`${i}:${c}`);
      }
    }
    expect(accepted).toEqual([]);
    // A changed byte outside the alphabet, a dropped one and an extra one fail too.
    for (const altered of [receipt.replace('.', ','), receipt.slice(1), `${receipt}A`, `A${receipt}`]) {
      await expect(verifyReceipt(altered, jwks)).rejects.toThrow();
    }
  });

  it('with plain jose, only a re-spelling of the signature’s unused last bits can slip through', async () => {
    const receipt = await t.app.get(ReceiptService).sign({ sub: 'con_y' });
    const jwks = createLocalJWKSet(await fetchJwks());
    const accepted: number[] = [];
    for (let i = 0; i < receipt.length; i++) {
      if (receipt[i] === '.') continue;
      const c = receipt[i] === 'A' ? 'B' : 'A';
      const altered = receipt.slice(0, i) + c + receipt.slice(i + 1);
      if (
        await compactVerify(altered, jwks).then(
          () => true,
          () => false,
        )
      )
        accepted.push(i);
    }
    // Ed25519 signatures are 64 bytes = 85⅓ base64url characters: only the last one has spare bits.
    expect(accepted.every((i) => i === receipt.length - 1)).toBe(true);
  });

  it('fails against a JWKS that lacks the signing key (e.g. a forged kid)', async () => {
    const receipt = await t.app.get(ReceiptService).sign({ sub: 'con_z' });
    const other = { keys: [(await fetchJwks()).keys[1]] };
    await expect(verifyReceipt(receipt, other)).rejects.toThrow();
    expect(decodeProtectedHeader(receipt).kid).not.toBe(other.keys[0].kid);
  });

  it('requires a signing key in production and rejects a malformed one', () => {
    const production = {
      ...TEST_ENV,
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://x@y/z',
      RECEIPT_SIGNING_KEY: '',
    };
    expect(() => loadConfig(production)).toThrow(/RECEIPT_SIGNING_KEY: is required when NODE_ENV=production/);
    expect(() => loadConfig({ ...TEST_ENV, RECEIPT_SIGNING_KEY: 'not a key' })).toThrow(
      /RECEIPT_SIGNING_KEY:/,
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(() => loadConfig({ ...TEST_ENV, RECEIPT_SIGNING_KEY: rsa.toString() })).toThrow(
      /Ed25519 or P-256/,
    );
    expect(() =>
      loadConfig({
        ...TEST_ENV,
        RECEIPT_PREVIOUS_PUBLIC_KEYS: '[{"kty":"OKP","crv":"Ed25519","x":"a","d":"b"}]',
      }),
    ).toThrow(/public JWKs only/);
    const dev = loadConfig({ ...TEST_ENV, RECEIPT_SIGNING_KEY: '' });
    expect(dev.receipts.ephemeral).toBe(true);
  });
});
