/**
 * Why a ciphertext could not be opened. Decryption never returns partial plaintext: any of these is thrown
 * instead, and the message never contains key material or plaintext.
 */
export type DecryptFailureReason =
  'malformed' | 'unsupported_version' | 'unknown_key' | 'authentication_failed';

export class EnvelopeDecryptError extends Error {
  constructor(
    readonly reason: DecryptFailureReason,
    detail: string,
  ) {
    super(`Cannot decrypt value (${reason}): ${detail}`);
    this.name = 'EnvelopeDecryptError';
  }
}

/** A master-key / blind-index-key configuration problem, detected at boot. */
export class KeyConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'KeyConfigError';
  }
}
