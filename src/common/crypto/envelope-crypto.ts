import { Inject, Injectable, Logger } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { EnvelopeDecryptError, KeyConfigError } from './crypto.errors';
import { KEY_BYTES, KEY_ID_PATTERN } from './master-keys';

export const CRYPTO_OPTIONS = Symbol('CRYPTO_OPTIONS');

export interface CryptoOptions {
  /** key id → 32-byte master key. Old keys stay listed until every value wrapped under them is rotated. */
  masterKeys: Record<string, Buffer>;
  /** The key new values are wrapped under. */
  activeKeyId: string;
  /** Dedicated 32-byte key for blind indexes; strongly recommended (see {@link EnvelopeCrypto.blindIndex}). */
  blindIndexKey?: Buffer;
}

const VERSION = 'ev1';
const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const WRAPPED_KEY_BYTES = IV_BYTES + KEY_BYTES + TAG_BYTES;
const BASE64URL_PATTERN = /^[A-Za-z0-9_-]*$/;

interface Envelope {
  keyId: string;
  wrappedKey: Buffer;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/**
 * Envelope encryption for secrets at rest. Each value gets a fresh random data key (AES-256-GCM, random
 * 12-byte IV, associated data = the caller's AAD, e.g. the row id, so a ciphertext copied to another row does
 * not decrypt). The data key is wrapped with the active master key (AES-256-GCM, AAD = version and key id).
 *
 * Format, every part base64url: `ev1.<kid>.<iv‖wrapped data key‖tag>.<iv>.<ciphertext>.<tag>`.
 */
@Injectable()
export class EnvelopeCrypto {
  private readonly logger = new Logger(EnvelopeCrypto.name);
  private readonly masterKeys: ReadonlyMap<string, Buffer>;
  private readonly activeKeyId: string;
  private readonly blindIndexRoot: Buffer;
  private readonly blindIndexKeys = new Map<string, Buffer>();

  constructor(@Inject(CRYPTO_OPTIONS) options: CryptoOptions) {
    const entries = Object.entries(options.masterKeys);
    for (const [keyId, key] of entries) {
      if (!KEY_ID_PATTERN.test(keyId)) throw new KeyConfigError(`master key id "${keyId}" is not allowed`);
      if (key.length !== KEY_BYTES)
        throw new KeyConfigError(`master key "${keyId}" must be ${KEY_BYTES} bytes`);
    }
    this.masterKeys = new Map(entries.map(([keyId, key]) => [keyId, Buffer.from(key)]));
    if (!this.masterKeys.has(options.activeKeyId)) {
      throw new KeyConfigError(`active key id "${options.activeKeyId}" is not among the master keys`);
    }
    this.activeKeyId = options.activeKeyId;

    // Blind indexes are looked up by equality, so their key must outlive master-key rotations: with a
    // dedicated key, rotating the master key leaves every stored index valid. Without one we fall back to a
    // key derived from the active master key, which works but means the indexes must be recomputed whenever
    // the active key changes.
    if (options.blindIndexKey) {
      if (options.blindIndexKey.length !== KEY_BYTES) {
        throw new KeyConfigError(`blind index key must be ${KEY_BYTES} bytes`);
      }
      this.blindIndexRoot = Buffer.from(options.blindIndexKey);
    } else {
      this.logger.warn('No blind index key configured; blind indexes derive from the active master key.');
      this.blindIndexRoot = hkdf(this.masterKeys.get(this.activeKeyId)!, 'autopay/blind-index-root/v1');
    }
  }

  encrypt(plaintext: string, aad: string): string {
    const dataKey = randomBytes(KEY_BYTES);
    try {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv(ALGORITHM, dataKey, iv);
      cipher.setAAD(Buffer.from(aad, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return format({
        keyId: this.activeKeyId,
        wrappedKey: this.wrap(dataKey, this.activeKeyId),
        iv,
        ciphertext,
        tag: cipher.getAuthTag(),
      });
    } finally {
      dataKey.fill(0);
    }
  }

  /** Throws {@link EnvelopeDecryptError} on a wrong AAD, any altered byte or an unknown key id. */
  decrypt(ciphertext: string, aad: string): string {
    const envelope = parse(ciphertext);
    const dataKey = this.unwrap(envelope);
    try {
      const decipher = createDecipheriv(ALGORITHM, dataKey, envelope.iv);
      decipher.setAAD(Buffer.from(aad, 'utf8'));
      decipher.setAuthTag(envelope.tag);
      // GCM verifies only in final(); nothing is returned unless it succeeds.
      const plaintext = Buffer.concat([decipher.update(envelope.ciphertext), decipher.final()]);
      return plaintext.toString('utf8');
    } catch {
      throw new EnvelopeDecryptError('authentication_failed', 'the value or its associated data was altered');
    } finally {
      dataKey.fill(0);
    }
  }

  /** The key id new values are wrapped under. */
  get activeKey(): string {
    return this.activeKeyId;
  }

  keyIdOf(ciphertext: string): string {
    return parse(ciphertext).keyId;
  }

  needsRotation(ciphertext: string): boolean {
    return this.keyIdOf(ciphertext) !== this.activeKeyId;
  }

  /**
   * Re-wraps the data key under the active master key. The value itself is not re-encrypted, but it is
   * authenticated with `aad` first, so a tampered or mis-bound ciphertext is never carried forward.
   */
  rotate(ciphertext: string, aad: string): string {
    this.decrypt(ciphertext, aad);
    const envelope = parse(ciphertext);
    if (envelope.keyId === this.activeKeyId) return ciphertext;
    const dataKey = this.unwrap(envelope);
    try {
      return format({
        ...envelope,
        keyId: this.activeKeyId,
        wrappedKey: this.wrap(dataKey, this.activeKeyId),
      });
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * HMAC-SHA256 (hex) of `value` under a key derived per `context` (HKDF), so equal values in different
   * contexts (e.g. `customer-token` vs `email`) give unrelated indexes. Exact-match on the given string: callers
   * normalise (case, whitespace) before indexing and before looking up.
   */
  blindIndex(value: string, context: string): string {
    let key = this.blindIndexKeys.get(context);
    if (!key) {
      key = hkdf(this.blindIndexRoot, `autopay/blind-index/v1/${context}`);
      this.blindIndexKeys.set(context, key);
    }
    return createHmac('sha256', key).update(value, 'utf8').digest('hex');
  }

  private wrap(dataKey: Buffer, keyId: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, this.masterKeys.get(keyId)!, iv);
    cipher.setAAD(wrapAad(keyId));
    const wrapped = Buffer.concat([cipher.update(dataKey), cipher.final()]);
    return Buffer.concat([iv, wrapped, cipher.getAuthTag()]);
  }

  private unwrap(envelope: Envelope): Buffer {
    const masterKey = this.masterKeys.get(envelope.keyId);
    if (!masterKey)
      throw new EnvelopeDecryptError('unknown_key', `master key "${envelope.keyId}" is not configured`);
    const iv = envelope.wrappedKey.subarray(0, IV_BYTES);
    const wrapped = envelope.wrappedKey.subarray(IV_BYTES, IV_BYTES + KEY_BYTES);
    const tag = envelope.wrappedKey.subarray(IV_BYTES + KEY_BYTES);
    try {
      const decipher = createDecipheriv(ALGORITHM, masterKey, iv);
      decipher.setAAD(wrapAad(envelope.keyId));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(wrapped), decipher.final()]);
    } catch {
      throw new EnvelopeDecryptError('authentication_failed', 'the wrapped data key was altered');
    }
  }
}

function wrapAad(keyId: string): Buffer {
  return Buffer.from(`${VERSION}|kid=${keyId}`, 'utf8');
}

function hkdf(root: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', root, Buffer.alloc(0), info, KEY_BYTES));
}

function format(envelope: Envelope): string {
  return [
    VERSION,
    envelope.keyId,
    envelope.wrappedKey.toString('base64url'),
    envelope.iv.toString('base64url'),
    envelope.ciphertext.toString('base64url'),
    envelope.tag.toString('base64url'),
  ].join('.');
}

function parse(value: string): Envelope {
  const parts = value.split('.');
  if (parts.length !== 6) throw new EnvelopeDecryptError('malformed', 'expected 6 dot-separated parts');
  const [version, keyId, wrappedKey, iv, ciphertext, tag] = parts;
  if (version !== VERSION) throw new EnvelopeDecryptError('unsupported_version', `version "${version}"`);
  if (!KEY_ID_PATTERN.test(keyId)) throw new EnvelopeDecryptError('malformed', 'invalid key id');
  const envelope: Envelope = {
    keyId,
    wrappedKey: decodePart(wrappedKey, 'wrapped key'),
    iv: decodePart(iv, 'iv'),
    ciphertext: decodePart(ciphertext, 'ciphertext'),
    tag: decodePart(tag, 'tag'),
  };
  if (envelope.wrappedKey.length !== WRAPPED_KEY_BYTES || envelope.iv.length !== IV_BYTES) {
    throw new EnvelopeDecryptError('malformed', 'wrong key or iv length');
  }
  if (envelope.tag.length !== TAG_BYTES) throw new EnvelopeDecryptError('malformed', 'wrong tag length');
  return envelope;
}

function decodePart(part: string, name: string): Buffer {
  const decoded = Buffer.from(part, 'base64url');
  // Buffer.from ignores junk characters and accepts non-canonical trailing bits; re-encoding catches both, so
  // every ciphertext has exactly one valid spelling.
  if (!BASE64URL_PATTERN.test(part) || decoded.toString('base64url') !== part) {
    throw new EnvelopeDecryptError('malformed', `${name} is not canonical base64url`);
  }
  return decoded;
}
