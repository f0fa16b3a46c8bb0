import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../../src/config/app-config';

export const STATE_FILE = join(tmpdir(), `autopay-jest-state-${process.ppid}-${process.pid}.json`);

/** Fixed test secrets (never used outside tests). */
export const TEST_ENV: Env = {
  NODE_ENV: 'test',
  ENCRYPTION_KEYS: `t1:${Buffer.alloc(32, 1).toString('base64')}`,
  ENCRYPTION_ACTIVE_KEY_ID: 't1',
  BLIND_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'),
  LOG_LEVEL: 'silent',
  DEMO_SEED: 'false',
  // Tests drive jobs with runOnce() and a fake clock; nothing runs on a timer.
  JOBS_ENABLED: 'false',
};
