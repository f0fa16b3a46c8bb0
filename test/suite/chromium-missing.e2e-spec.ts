import { childJest } from './child-jest';

jest.setTimeout(180_000);

describe('the suite without Chromium (issue #17 item 8)', () => {
  it('fails each browser suite with one line saying how to install it; the other suites pass', async () => {
    const { code, output } = await childJest(
      ['test/demo/signup-page.e2e-spec.ts', 'test/portal/portal-browser.e2e-spec.ts'],
      { CHROMIUM: '/nonexistent/chromium' },
    );
    const line =
      "Chromium not found at /nonexistent/chromium: the browser tests need Debian's chromium " +
      '(apt-get install -y chromium) or CHROMIUM=/path/to/chromium.';
    expect(code).toBe(1);
    // One failing test per browser suite, each reported with exactly that line (no stack, no cascade).
    const counts = /Tests:\s+2 failed, (\d+) passed, \d+ total/.exec(output);
    expect(counts).not.toBeNull();
    expect(Number(counts![1])).toBeGreaterThan(0);
    const failures = output
      .split('●')
      .slice(1)
      .filter((block) => block.includes('needs Chromium'));
    expect(failures.length).toBeGreaterThanOrEqual(2);
    for (const block of failures) {
      const body = block
        .split('\n')
        .slice(1)
        .map((l) => l.trim())
        .filter(Boolean)
        // jest's own lines that follow a failure (the next file's header, the summary).
        .filter((l) => !/^(FAIL|PASS|Test Suites:|Tests:|Snapshots:|Time:|Ran all|Summary of all)/.test(l));
      expect(body).toEqual([line]);
    }
    // The suite in signup-page.e2e-spec.ts that needs no browser ran and passed.
    expect(output).not.toMatch(/● demo pages outside demo mode ›/);
  });
});
