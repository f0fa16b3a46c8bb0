import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SystemClock } from '../../src/common/clock/clock';
import { startTestApp, type TestApp } from '../support/test-app';
import { type CodeBlock, codeBlocks, isShell, markdownFiles, parseNote, rel, ROOT } from './markdown';

/**
 * Every shell block of README.md and docs/*.md, run as written with bash against a service set up like
 * `npm start`: demo merchant seeded against the emulator, `.data/demo-credentials.json` in the working directory,
 * the real clock. The blocks read the service's URL and keys from that file, as a reader's terminal does.
 * README and docs/partners.md run first (they create the consents the auditors' blocks read), then the other
 * docs by name. A block fails when bash exits non-zero or when any curl in it gets an answer other than 2xx (a
 * block noted `<!-- shell: expect 400 — … -->` must get that status); `<!-- shell: not-run — reason -->` blocks
 * are left out, and doc-lists.spec.ts checks their reasons.
 */
jest.setTimeout(120_000);

function ordered(): CodeBlock[] {
  const files = markdownFiles();
  const first = [join(ROOT, 'README.md'), join(ROOT, 'docs', 'partners.md')];
  return [...first, ...files.filter((f) => !first.includes(f))].flatMap(codeBlocks).filter(isShell);
}

const CURL = /^CURL_STATUS (\d{3}) (.*)$/gm;

/** bash in a child, asynchronously: the service answering the block's curl calls runs in this process. */
function bash(
  script: string,
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', ['--noprofile', '--norc', '-e', '-o', 'pipefail', '-c', script], {
      ...options,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.once('error', reject);
    child.once('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

describe('shell blocks in README.md and docs/', () => {
  let t: TestApp;
  let work: string;
  const blocks = ordered();
  const runnable = blocks.filter((b) => parseNote(b.note).kind !== 'not-run');

  beforeAll(async () => {
    t = await startTestApp({ emulator: true, demo: true, clock: new SystemClock() });
    work = mkdtempSync(join(tmpdir(), 'autopay-docs-'));
    // The working directory looks like the project's: its .data (the demo credentials), spec and packages.
    const credentials = t.demo!.file;
    symlinkSync(dirname(credentials), join(work, '.data'));
    for (const name of ['openapi', 'node_modules', 'package.json'])
      symlinkSync(join(ROOT, name), join(work, name));
    // curl as installed, reporting every answer's status on stderr for the assertions below.
    const bin = join(work, '.bin');
    mkdirSync(bin);
    const real = spawnSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(
      join(bin, 'curl'),
      `#!/bin/sh\nexec ${real} -w '%{stderr}CURL_STATUS %{http_code} %{url_effective}\\n' "$@"\n`,
    );
    chmodSync(join(bin, 'curl'), 0o755);
  });

  afterAll(async () => {
    if (work) rmSync(work, { recursive: true, force: true });
    await t?.close();
  });

  it('finds the blocks: README first calls, the sign-up walkthrough, auditors, portal, webhooks', () => {
    expect(runnable.length).toBeGreaterThanOrEqual(10);
    expect(runnable.map((b) => rel(b.file))).toEqual(
      expect.arrayContaining(['README.md', 'docs/partners.md', 'docs/auditors.md', 'docs/portal.md']),
    );
  });

  it.each(runnable.map((b) => [`${rel(b.file)}:${b.line}`, b] as const))(
    '%s runs as written',
    async (_where, block) => {
      const note = parseNote(block.note);
      const result = await bash(block.body, {
        cwd: work,
        env: { PATH: `${join(work, '.bin')}:${process.env.PATH}`, HOME: work, LANG: 'C.UTF-8' },
      });
      const statuses = [...result.stderr.matchAll(CURL)].map((m) => ({ status: Number(m[1]), url: m[2] }));
      const report = `${rel(block.file)}:${block.line}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`;
      expect({ exit: result.status, report }).toEqual({ exit: 0, report });
      if (/\bcurl\b/.test(block.body)) expect(statuses.length).toBeGreaterThan(0);
      const wanted = note.kind === 'expect' ? note.status : undefined;
      const unexpected = statuses.filter((s) => !(s.status >= 200 && s.status < 300) && s.status !== wanted);
      expect({ unexpected, report }).toEqual({ unexpected: [], report });
      if (wanted) expect(statuses.map((s) => s.status)).toContain(wanted);
    },
  );
});
