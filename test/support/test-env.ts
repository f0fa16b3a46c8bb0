import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../../src/config/app-config';

/**
 * The temporary directory as the run found it: the global setup points TMPDIR at a directory of the run's own
 * (removed by the global teardown), and remembers the original here.
 */
export const ORIGINAL_TMPDIR = process.env.AUTOPAY_TEST_ORIGINAL_TMPDIR || tmpdir();

export const STATE_FILE = join(ORIGINAL_TMPDIR, `autopay-jest-state-${process.ppid}-${process.pid}.json`);

/** An Ed25519 private key (PKCS#8 PEM) from a fixed 32-byte seed, so that receipts are reproducible in tests. */
export function ed25519PemFromSeed(seed: Buffer): string {
  const der = Buffer.concat([Buffer.from('302e020100300506032b657004220420', 'hex'), seed]);
  return `-----BEGIN PRIVATE KEY-----\n${der.toString('base64')}\n-----END PRIVATE KEY-----\n`;
}

/** Fixed test secrets (never used outside tests). */
export const TEST_ENV: Env = {
  NODE_ENV: 'test',
  ENCRYPTION_KEYS: `t1:${Buffer.alloc(32, 1).toString('base64')}`,
  ENCRYPTION_ACTIVE_KEY_ID: 't1',
  BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
  RECEIPT_SIGNING_KEY: ed25519PemFromSeed(Buffer.alloc(32, 3)),
  LOG_LEVEL: 'silent',
  DEMO_SEED: 'false',
  // Tests drive jobs with runOnce() and a fake clock; nothing runs on a timer.
  JOBS_ENABLED: 'false',
  // The fake clock stands still, so a suite's requests without a valid key would all fall in one minute; the
  // suites that test this limit set their own.
  RATE_LIMIT_UNAUTHENTICATED_PER_MINUTE: '1000000',
};
