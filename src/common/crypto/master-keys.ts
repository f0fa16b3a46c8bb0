import { KeyConfigError } from './crypto.errors';

export const KEY_BYTES = 32;
/** Key ids appear inside every ciphertext, between dots, so they are restricted to a dot-free alphabet. */
export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const BASE64_PATTERN = /^[A-Za-z0-9+/]+={0,2}$/;

/** Decodes standard base64 of exactly 32 bytes; `label` names the setting in the error. */
export function parseBase64Key(value: string, label: string): Buffer {
  const trimmed = value.trim();
  if (!BASE64_PATTERN.test(trimmed) || trimmed.length % 4 !== 0) {
    throw new KeyConfigError(`${label}: is not valid base64`);
  }
  const key = Buffer.from(trimmed, 'base64');
  if (key.length !== KEY_BYTES) {
    throw new KeyConfigError(`${label}: must decode to ${KEY_BYTES} bytes, got ${key.length}`);
  }
  return key;
}

/**
 * Parses a master-key list such as `k1:<base64 of 32 bytes>,k2:<base64>` into key id → key. Errors name the
 * offending entry by position and key id, never by its key material.
 */
export function parseMasterKeys(spec: string): Record<string, Buffer> {
  const entries = spec
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
  if (entries.length === 0) throw new KeyConfigError('master keys: no key given (expected keyId:base64,...)');
  const keys: Record<string, Buffer> = {};
  entries.forEach((entry, index) => {
    const separator = entry.indexOf(':');
    if (separator <= 0) {
      throw new KeyConfigError(`master keys: entry ${index + 1} is not in the form keyId:base64`);
    }
    const keyId = entry.slice(0, separator);
    if (!KEY_ID_PATTERN.test(keyId)) {
      throw new KeyConfigError(
        `master keys: entry ${index + 1} has an invalid key id (allowed: 1-32 of A-Z a-z 0-9 _ -)`,
      );
    }
    if (Object.hasOwn(keys, keyId)) throw new KeyConfigError(`master keys: key id "${keyId}" appears twice`);
    keys[keyId] = parseBase64Key(entry.slice(separator + 1), `master key "${keyId}"`);
  });
  return keys;
}
