import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { childJest } from './child-jest';

jest.setTimeout(180_000);

/**
 * A whole jest run (global setup and teardown included) in a child, on a test that forgets its temporary
 * directory: after the run nothing of it is left, and the teardown named what the test left (issue #17 item 8).
 */
describe('temporary directories of a test run', () => {
  it('are all removed by the global teardown, which names what a test forgot', async () => {
    // The child's temporary directory is one of this test's own, so that other runs on the machine do not count.
    const base = mkdtempSync(join(tmpdir(), 'autopay-tmpcheck-'));
    chmodSync(base, 0o755);
    const report = join(base, 'report');
    try {
      const { code, output } = await childJest(['test/suite/fixtures/leaves-temp-dir.fixture.ts'], {
        TMPDIR: base,
        AUTOPAY_TEST_ORIGINAL_TMPDIR: '',
        // The parent run's PostgreSQL server (its own or an embedded one), so that no second one starts.
        DATABASE_URL: process.env.AUTOPAY_TEST_SERVER_URL,
        CHILD_JEST_GLOBAL: '1',
        FIXTURE_REPORT: report,
      });
      expect({ code, output }).toEqual({ code: 0, output });
      const forgotten = readFileSync(report, 'utf8');
      expect(forgotten).toMatch(/autopay-forgotten-/);
      expect(existsSync(forgotten)).toBe(false);
      expect(output).toMatch(/global teardown: a test left autopay-forgotten-\S+ in the temporary directory/);
      // Nothing of the run is left: no run directory, no state file (jest_0 is jest's own cache).
      expect(readdirSync(base).filter((name) => name.startsWith('autopay-'))).toEqual([]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
