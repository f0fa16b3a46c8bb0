import fc from 'fast-check';
import { verifyWebhookSignature, WEBHOOK_SIGNATURE_HEADER } from '@autopay/client';
import {
  SIGNATURE_HEADER,
  signatureHeader,
  verifyAutopaySignature,
} from '../../src/events/webhooks/signature';

/**
 * The client's verifier decides exactly as the service's own (src/events/webhooks/signature.ts, which signs
 * every delivery): same header, same accepted signatures, same refusals, same tolerance. Real deliveries:
 * client.e2e-spec.ts.
 */
describe("@autopay/client's webhook verifier agrees with the service's signer", () => {
  const secret = fc.string({ minLength: 1, maxLength: 40 }).map((s) => `whsec_${s}`);
  const now = fc.integer({ min: 1_700_000_000, max: 1_900_000_000 });

  it('uses the header the service sends', () => {
    expect(WEBHOOK_SIGNATURE_HEADER).toBe(SIGNATURE_HEADER);
  });

  it('accepts what the service signs, with any of the secrets of a rotation, within the tolerance', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.array(secret, { minLength: 1, maxLength: 2 }),
        now,
        fc.integer({ min: -600, max: 600 }),
        (body, secrets, signedAt, skew) => {
          const header = signatureHeader(body, signedAt, secrets);
          for (const key of secrets) {
            const ours = verifyWebhookSignature(body, header, key, { nowSeconds: signedAt + skew });
            expect(ours).toBe(verifyAutopaySignature(body, header, key, 300, signedAt + skew));
            expect(ours).toBe(Math.abs(skew) <= 300);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses exactly what the service refuses: other bodies, other secrets, mangled headers', () => {
    const mangle = fc.constantFrom(
      (h: string) => h.replace(/v1=([0-9a-f])/, (_m, c: string) => `v1=${c === '0' ? '1' : '0'}`),
      (h: string) => h.replace(/^t=\d+,/, ''),
      (h: string) => h.replace(/v1=/g, 'v0='),
      (h: string) => h.toUpperCase(),
      (h: string) => `${h},v1=zz`,
      (h: string) => ` ${h.replace(',', ' , ')} `,
      (h: string) => h.slice(0, -1),
      (h: string) => h,
    );
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        secret,
        secret,
        now,
        mangle,
        (body, other, key, wrongKey, t, change) => {
          const header = change(signatureHeader(body, t, [key]));
          for (const [b, k] of [
            [body, key],
            [other, key],
            [body, wrongKey],
          ]) {
            expect(verifyWebhookSignature(b, header, k, { nowSeconds: t })).toBe(
              verifyAutopaySignature(b, header, k, 300, t),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
