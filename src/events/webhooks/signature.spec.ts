import { createHmac } from 'node:crypto';
import { computeSignature, signatureHeader, verifyAutopaySignature } from './signature';

describe('webhook signature', () => {
  const secret = 'whsec_test_secret';
  const body = '{"id":"evt_1","type":"order.succeeded","data":{"amount":100}}';
  const t = 1_767_268_800;

  it('is the hex HMAC-SHA256 of "<t>.<body>" under the secret', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    expect(computeSignature(secret, t, body)).toBe(expected);
    expect(signatureHeader(body, t, [secret])).toBe(`t=${t},v1=${expected}`);
  });

  it('verifies a header it made, for a string or a Buffer body', () => {
    const header = signatureHeader(body, t, [secret]);
    expect(verifyAutopaySignature(body, header, secret, 300, t + 10)).toBe(true);
    expect(verifyAutopaySignature(Buffer.from(body), header, secret, 300, t)).toBe(true);
  });

  it('refuses a changed body, another secret, a missing or malformed header', () => {
    const header = signatureHeader(body, t, [secret]);
    expect(verifyAutopaySignature(body.replace('100', '101'), header, secret, 300, t)).toBe(false);
    expect(verifyAutopaySignature(body, header, 'whsec_other', 300, t)).toBe(false);
    expect(verifyAutopaySignature(body, undefined, secret, 300, t)).toBe(false);
    expect(verifyAutopaySignature(body, 'garbage', secret, 300, t)).toBe(false);
    expect(verifyAutopaySignature(body, `t=${t}`, secret, 300, t)).toBe(false);
    expect(verifyAutopaySignature(body, header.replace(/v1=../, 'v1=zz'), secret, 300, t)).toBe(false);
  });

  it('refuses a timestamp outside the tolerance (replay), in either direction', () => {
    const header = signatureHeader(body, t, [secret]);
    expect(verifyAutopaySignature(body, header, secret, 300, t + 300)).toBe(true);
    expect(verifyAutopaySignature(body, header, secret, 300, t + 301)).toBe(false);
    expect(verifyAutopaySignature(body, header, secret, 300, t - 301)).toBe(false);
  });

  it('accepts either secret while two v1 signatures are present (rotation)', () => {
    const header = signatureHeader(body, t, ['whsec_new', 'whsec_old']);
    expect(header.match(/v1=/g)).toHaveLength(2);
    expect(verifyAutopaySignature(body, header, 'whsec_new', 300, t)).toBe(true);
    expect(verifyAutopaySignature(body, header, 'whsec_old', 300, t)).toBe(true);
    expect(verifyAutopaySignature(body, header, 'whsec_neither', 300, t)).toBe(false);
  });

  it('does not accept a signature moved to another timestamp', () => {
    const header = signatureHeader(body, t, [secret]).replace(`t=${t}`, `t=${t + 1}`);
    expect(verifyAutopaySignature(body, header, secret, 300, t)).toBe(false);
  });
});
