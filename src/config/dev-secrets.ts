import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSigningKeyPem } from '../common/crypto/receipt-keys';
import type { Env } from './app-config';

/**
 * Outside production the service must start with no setup, yet secrets at rest still need keys. The first
 * start generates random keys into `<dataDir>/dev-secrets.json` (git-ignored, mode 0600) and later starts reuse
 * them, so data encrypted yesterday still decrypts. Production must set the variables itself.
 */
export function devSecrets(env: Env): Env {
  if (env.NODE_ENV === 'production') return {};
  const dataDir = env.DATA_DIR || '.data';
  const file = join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) {
    const existing = JSON.parse(readFileSync(file, 'utf8')) as Env;
    if (existing.RECEIPT_SIGNING_KEY) return existing;
    // A file written before receipts existed: keep its keys, add the receipt signing key.
    const extended = { ...existing, RECEIPT_SIGNING_KEY: generateSigningKeyPem() };
    writeFileSync(file, JSON.stringify(extended, null, 2), { mode: 0o600 });
    return extended;
  }
  const secrets: Env = {
    ENCRYPTION_KEYS: `dev1:${randomBytes(32).toString('base64')}`,
    ENCRYPTION_ACTIVE_KEY_ID: 'dev1',
    BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    RECEIPT_SIGNING_KEY: generateSigningKeyPem(),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
