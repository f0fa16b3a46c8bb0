import { spawn } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compileService, ROOT, serviceNodeFlags } from '../support/service-processes';

/** Every bench made tiny through its knobs: seconds instead of minutes, a few records instead of a million. */
const TINY = {
  BENCH_AUTH_DURATION_S: '0.5',
  BENCH_AUTH_WARM_UP_S: '0.5',
  CONSENTS_BENCH_RECORDS: '200',
  CONSENTS_BENCH_MERCHANTS: '2',
  CONSENTS_BENCH_DURATION_S: '0.5',
  BENCH_ORDERS_RATE: '20',
  BENCH_ORDERS_DURATION_S: '1',
  BENCH_ORDERS_MAX_DURATION_S: '0.5',
  BENCH_ORDERS_WARM_UP_S: '0.5',
  BENCH_REFUNDS_RATE: '20',
  BENCH_REFUNDS_DURATION_S: '1',
  BENCH_SUBSCRIPTIONS: '20',
  BENCH_SUBSCRIPTIONS_TOKENS: '2',
  BENCH_LOOPS: '2',
};

/** The BENCH lines each bench prints. A bench without an entry fails the test, so a new one is smoked too. */
const EXPECTED: Record<string, string[]> = {
  'auth.bench.js': ['auth.floor-fastify', 'auth.fastify-hooks', 'auth.nest-public', 'auth.get-merchant'],
  'consents.bench.js': [
    'consents.seed',
    'consents.export-csv',
    'consents.filtered-page-200rps',
    'consents.filtered-page',
    'consents.admin-read-floor',
    'consents.verify-all',
  ],
  'deep-json.bench.js': ['deep-json.anonymous-burst.flat', 'deep-json.anonymous-burst.nested'],
  'orders.bench.js': ['orders.constant-20rps', 'orders.max-throughput'],
  'refunds.bench.js': ['refunds.emulator-constant-20rps', 'refunds.constant-20rps'],
  'subscriptions.bench.js': ['subscriptions.charge-due'],
};

interface BenchRun {
  code: number | null;
  lines: Record<string, unknown>[];
  output: string;
}

/** `npm run bench -- <name>` without its build step: run.js against the given build. */
function runBench(file: string, build: string): Promise<BenchRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...serviceNodeFlags(), join(ROOT, 'test/bench/run.js'), file.replace(/\.bench\.js$/, '')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...TINY,
          BENCH_DIST: join(build, 'out'),
          NODE_PATH: join(ROOT, 'node_modules'),
          DATABASE_URL: process.env.AUTOPAY_TEST_SERVER_URL,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const lines = output
        .split('\n')
        .filter((line) => line.startsWith('BENCH '))
        .map((line) => JSON.parse(line.slice('BENCH '.length)) as Record<string, unknown>);
      resolve({ code, lines, output });
    });
  });
}

/**
 * The benchmarks once broke silently (a moved file) because nothing ran them: each runs here, tiny, against a
 * build of the current sources, and must print its BENCH lines with figures and without errors.
 */
describe('benchmarks: smoke', () => {
  let build: string;
  beforeAll(() => {
    build = compileService('autopay-bench-');
  });
  afterAll(() => {
    if (build) rmSync(build, { recursive: true, force: true });
  });

  it('every test/bench/*.bench.js prints its BENCH lines with numbers and 0 errors', async () => {
    const files = readdirSync(__dirname)
      .filter((f) => f.endsWith('.bench.js'))
      .sort();
    expect(files).toEqual(Object.keys(EXPECTED).sort());

    const runs = await Promise.all(files.map((file) => runBench(file, build)));
    files.forEach((file, i) => {
      const { code, lines, output } = runs[i];
      // A failed bench shows the end of its output in the message.
      expect([file, code, lines.map((l) => l.name), code === 0 ? '' : output.slice(-3000)]).toEqual([
        file,
        0,
        EXPECTED[file],
        '',
      ]);
      for (const line of lines) {
        const numbers = Object.entries(line).filter(([, v]) => typeof v === 'number');
        expect([line.name, numbers.length > 0]).toEqual([line.name, true]);
        expect([line.name, numbers.filter(([, v]) => !Number.isFinite(v))]).toEqual([line.name, []]);
        // Where a line counts errors or duplicates, there are none.
        for (const field of ['errors', 'baseline_errors', 'floor_errors', 'duplicates']) {
          if (field in line) expect([line.name, field, line[field]]).toEqual([line.name, field, 0]);
        }
        if ('ok' in line) expect([line.name, line.ok]).toEqual([line.name, true]);
        // A constant-arrival scenario says where its slow requests were.
        if (String(line.name).startsWith('orders.constant-')) {
          expect(line.tail).toEqual({
            over_ms: 25,
            requests: expect.any(Number),
            seconds: expect.any(Number),
            worst: expect.any(Array),
          });
          // ... and what the service did meanwhile: each slow second's loop delay and GC, the window's too.
          for (const second of (line.tail as { worst: unknown[] }).worst) {
            expect(second).toMatchObject({ loop_max_ms: expect.any(Number), gc_ms: expect.any(Number) });
          }
          expect(line.service).toEqual({
            loop_p99_ms: expect.any(Number),
            loop_max_ms: expect.any(Number),
            gc_ms: expect.any(Number),
          });
        }
        // The orders lines compare the service's CPU with the hand-written floor's (charge-floor.js).
        if (String(line.name).startsWith('orders.')) {
          expect([line.name, line.floor_cpu_ms_per_req, line.cpu_ratio_to_floor]).toEqual([
            line.name,
            expect.any(Number),
            expect.any(Number),
          ]);
        }
        // ... and the constant-rate line the service's own CPU while it served nothing (sampler, timers, GC).
        if (String(line.name).startsWith('orders.constant-')) {
          expect(line.idle_cpu_ms_per_req).toEqual(expect.any(Number));
        }
      }
    });
  }, 240_000);
});
