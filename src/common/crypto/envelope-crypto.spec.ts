import { Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { CryptoModule } from './crypto.module';
import { EnvelopeDecryptError, KeyConfigError } from './crypto.errors';
import { EnvelopeCrypto } from './envelope-crypto';

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const blindIndexKey = randomBytes(32);

const crypto = (activeKeyId = 'k1', masterKeys: Record<string, Buffer> = { k1, k2 }, bik = blindIndexKey) =>
  new EnvelopeCrypto({ masterKeys, activeKeyId, blindIndexKey: bik });

function expectDecryptError(fn: () => unknown, reason: EnvelopeDecryptError['reason']): void {
  let caught: unknown;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EnvelopeDecryptError);
  expect((caught as EnvelopeDecryptError).reason).toBe(reason);
}

describe('EnvelopeCrypto', () => {
  it('round-trips unicode, empty and long values', () => {
    const c = crypto();
    for (const value of ['s3cr3t-pässwörd ✓', '', 'x'.repeat(10_000)]) {
      expect(c.decrypt(c.encrypt(value, 'merchant-1'), 'merchant-1')).toBe(value);
    }
  });

  it('writes the self-describing format with version and key id, and never repeats a ciphertext', () => {
    const c = crypto();
    const a = c.encrypt('same', 'row');
    const b = c.encrypt('same', 'row');
    expect(a).toMatch(/^ev1\.k1\.[A-Za-z0-9_-]{80}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain(Buffer.from('same').toString('base64url'));
    expect(c.keyIdOf(a)).toBe('k1');
  });

  it('refuses a different AAD (ciphertext moved to another row)', () => {
    const c = crypto();
    const ct = c.encrypt('secret', 'merchant-1');
    expectDecryptError(() => c.decrypt(ct, 'merchant-2'), 'authentication_failed');
    expectDecryptError(() => c.decrypt(ct, ''), 'authentication_failed');
  });

  it('refuses every single flipped byte of every part', () => {
    const c = crypto();
    const ct = c.encrypt('secret value', 'row-1');
    const parts = ct.split('.');
    let checked = 0;
    for (const index of [2, 3, 4, 5]) {
      const raw = Buffer.from(parts[index], 'base64url');
      for (let i = 0; i < raw.length; i++) {
        const tampered = Buffer.from(raw);
        tampered[i] ^= 0x01;
        const copy = [...parts];
        copy[index] = tampered.toString('base64url');
        expect(() => c.decrypt(copy.join('.'), 'row-1')).toThrow(EnvelopeDecryptError);
        checked++;
      }
    }
    expect(checked).toBe(60 + 12 + 12 + 16);
  });

  it('refuses a swapped key id, an unknown key id, a wrong version and malformed input', () => {
    const c = crypto();
    const ct = c.encrypt('secret', 'row');
    expectDecryptError(() => c.decrypt(ct.replace(/^ev1\.k1\./, 'ev1.k2.'), 'row'), 'authentication_failed');
    expectDecryptError(() => c.decrypt(ct.replace(/^ev1\.k1\./, 'ev1.k9.'), 'row'), 'unknown_key');
    expectDecryptError(() => c.decrypt(ct.replace(/^ev1\./, 'ev2.'), 'row'), 'unsupported_version');
    expectDecryptError(() => c.decrypt('not-a-ciphertext', 'row'), 'malformed');
    expectDecryptError(() => c.decrypt(`${ct}.extra`, 'row'), 'malformed');
    expectDecryptError(() => c.decrypt(ct.replace(/\.([^.]+)$/, '.$1!'), 'row'), 'malformed');
  });

  it('fails with unknown_key when the key that wrapped the value was removed from the config', () => {
    const ct = crypto('k2').encrypt('secret', 'row');
    expectDecryptError(() => crypto('k1', { k1 }).decrypt(ct, 'row'), 'unknown_key');
  });

  it('rotates a value to the active key; the result still decrypts and no longer needs rotation', () => {
    const old = crypto('k1').encrypt('api-password', 'merchant-7');
    const c = crypto('k2');
    expect(c.needsRotation(old)).toBe(true);
    const rotated = c.rotate(old, 'merchant-7');
    expect(c.keyIdOf(rotated)).toBe('k2');
    expect(c.needsRotation(rotated)).toBe(false);
    expect(c.decrypt(rotated, 'merchant-7')).toBe('api-password');
    // Once k1 is retired, only the rotated value remains readable.
    const onlyK2 = crypto('k2', { k2 });
    expect(onlyK2.decrypt(rotated, 'merchant-7')).toBe('api-password');
    expectDecryptError(() => onlyK2.decrypt(old, 'merchant-7'), 'unknown_key');
  });

  it('does not rotate a value whose AAD does not match', () => {
    const old = crypto('k1').encrypt('api-password', 'merchant-7');
    expectDecryptError(() => crypto('k2').rotate(old, 'merchant-8'), 'authentication_failed');
  });

  it('computes blind indexes that are stable, context-separated and survive master-key rotation', () => {
    const c = crypto('k1');
    const index = c.blindIndex('tok_123', 'customer-token');
    expect(index).toMatch(/^[0-9a-f]{64}$/);
    expect(c.blindIndex('tok_123', 'customer-token')).toBe(index);
    expect(crypto('k2').blindIndex('tok_123', 'customer-token')).toBe(index);
    expect(c.blindIndex('tok_123', 'authorization-token')).not.toBe(index);
    expect(c.blindIndex('tok_124', 'customer-token')).not.toBe(index);
    expect(crypto('k1', { k1, k2 }, randomBytes(32)).blindIndex('tok_123', 'customer-token')).not.toBe(index);
  });

  it('falls back to a blind-index key derived from the active master key when none is configured', () => {
    const a = new EnvelopeCrypto({ masterKeys: { k1, k2 }, activeKeyId: 'k1' });
    const b = new EnvelopeCrypto({ masterKeys: { k1 }, activeKeyId: 'k1' });
    expect(a.blindIndex('v', 'ctx')).toBe(b.blindIndex('v', 'ctx'));
    expect(a.blindIndex('v', 'ctx')).not.toBe(crypto('k1').blindIndex('v', 'ctx'));
  });

  it('rejects bad key configuration at construction', () => {
    expect(() => crypto('k3')).toThrow(KeyConfigError);
    expect(() => crypto('k1', { k1: randomBytes(16) })).toThrow(KeyConfigError);
    expect(() => crypto('a.b', { 'a.b': k1 })).toThrow(KeyConfigError);
    expect(() => crypto('k1', { k1 }, randomBytes(31))).toThrow(KeyConfigError);
  });

  it('is provided globally by CryptoModule.register to modules that do not import it', async () => {
    @Injectable()
    class SecretStore {
      constructor(readonly crypto: EnvelopeCrypto) {}
    }
    @Module({ providers: [SecretStore] })
    class FeatureModule {}
    @Module({
      imports: [
        CryptoModule.register({ masterKeys: { k1 }, activeKeyId: 'k1', blindIndexKey }),
        FeatureModule,
      ],
    })
    class AppModule {}
    const app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    try {
      const c = app.get(SecretStore).crypto;
      expect(c.decrypt(c.encrypt('x', 'y'), 'y')).toBe('x');
    } finally {
      await app.close();
    }
  });
});
