import { spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/**
 * Runs jest in a child process on `files` with test/suite/jest.child.config.js and `env` on top of this process's
 * environment; resolves with its exit code and everything it printed.
 */
export function childJest(
  files: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        join(ROOT, 'node_modules/jest/bin/jest.js'),
        '--config',
        join(__dirname, 'jest.child.config.js'),
        '--ci',
        '-i',
      ],
      {
        cwd: ROOT,
        env: { ...process.env, ...env, CHILD_JEST_FILES: files.join(',') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, output }));
  });
}
