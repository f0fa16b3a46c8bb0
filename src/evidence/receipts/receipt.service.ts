import { Inject, Injectable } from '@nestjs/common';
import { CompactSign } from 'jose';
import { Clock } from '../../common/clock/clock';
import type { PublicReceiptJwk, ReceiptKeys } from '../../common/crypto/receipt-keys';

export const RECEIPT_KEYS = Symbol('RECEIPT_KEYS');
/** JOSE `typ` of consent receipts. */
export const RECEIPT_TYP = 'autopay-receipt+jwt';

export interface Jwks {
  keys: PublicReceiptJwk[];
}

/** Signs receipts that anyone can verify offline against `GET /.well-known/jwks.json`. */
@Injectable()
export class ReceiptService {
  constructor(
    @Inject(RECEIPT_KEYS) private readonly keys: ReceiptKeys,
    private readonly clock: Clock,
  ) {}

  /**
   * A compact JWS over the JSON payload, with `iat` (seconds) from the service clock and a protected header
   * `{alg, kid, typ}`. The payload is a JWT claims set: add `sub`, `iss` or any evidence fields as needed.
   */
  async sign(payload: Record<string, unknown>, typ: string = RECEIPT_TYP): Promise<string> {
    const claims = { ...payload, iat: Math.floor(this.clock.nowMs() / 1000) };
    return new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
      .setProtectedHeader({ alg: this.keys.alg, kid: this.keys.kid, typ })
      .sign(this.keys.signingKey);
  }

  /** The current and previous public keys. */
  jwks(): Jwks {
    return { keys: this.keys.publicKeys.map((key) => ({ ...key })) };
  }
}
