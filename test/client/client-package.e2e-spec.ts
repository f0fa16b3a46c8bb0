import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { signatureHeader } from '../../src/events/webhooks/signature';
import { createMerchant, startTestApp, type TestApp } from '../support/test-app';

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const PACKAGE = join(ROOT, 'clients', 'typescript');
const NODE_MODULES = join(ROOT, 'node_modules');

jest.setTimeout(180_000);

/** A partner's project, in TypeScript, using only what the tarball installs. */
const CONSUMER = `
import { AutopayClient, AutopayProblemError, verifyWebhookSignature, type Schema } from '@autopay/client';

async function main(): Promise<void> {
  const autopay = new AutopayClient({ baseUrl: process.env.AUTOPAY_URL!, apiKey: process.env.AUTOPAY_KEY! });
  const merchant: Schema<'MerchantDto'> = await autopay.get('/v1/merchant');
  const problem = await autopay
    .get('/v1/orders/{order_id}', { params: { path: { order_id: 'ord_00000000000000000000000000' } } })
    .catch((error: unknown) => error);
  const body = process.env.BODY!;
  console.log(
    JSON.stringify({
      merchant: merchant.name,
      problem: problem instanceof AutopayProblemError ? [problem.status, problem.code] : String(problem),
      verified: verifyWebhookSignature(body, process.env.SIGNATURE, 'whsec_pack', { nowSeconds: 1767268800 }),
      tampered: verifyWebhookSignature(body + ' ', process.env.SIGNATURE, 'whsec_pack', { nowSeconds: 1767268800 }),
    }),
  );
}
void main();
`;

/**
 * `npm pack` of clients/typescript, installed into a fresh project: the tarball holds the built JavaScript,
 * the declarations and the README (no sources or scripts), a TypeScript consumer type-checks against it, and
 * the compiled consumer — and an ES module importing it — talk to the real service.
 */
describe('the packed @autopay/client', () => {
  let t: TestApp;
  let work: string;
  let key: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'autopay-client-pack-'));
    t = await startTestApp();
    key = (await createMerchant(t, 'Packed client')).key;
  });
  afterAll(async () => {
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('packs, installs and works from a fresh TypeScript project', async () => {
    // Packed from a copy, so that its build does not replace clients/typescript/dist under running tests.
    const source = join(work, 'source');
    for (const entry of ['package.json', 'README.md', 'tsconfig.json', 'tsconfig.build.json', 'src']) {
      cpSync(join(PACKAGE, entry), join(source, entry), { recursive: true });
    }
    symlinkSync(NODE_MODULES, join(source, 'node_modules'));
    const packed = await run('npm', ['pack', '--json', '--pack-destination', work], { cwd: source });
    const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as {
      filename: string;
      name: string;
      files: { path: string }[];
    }[];
    expect(info.name).toBe('@autopay/client');
    const files = info.files.map((f) => f.path).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'package.json',
        'dist/index.js',
        'dist/index.d.ts',
        'dist/client.d.ts',
        'dist/webhooks.js',
        'dist/generated/autopay-api.d.ts',
      ]),
    );
    expect(files.filter((f) => !f.startsWith('dist/') && !['README.md', 'package.json'].includes(f))).toEqual(
      [],
    );
    expect(files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);

    // A fresh project: the tarball unpacked as npm installs it, its dependency from this repository's store.
    const app = join(work, 'app');
    const installed = join(app, 'node_modules', '@autopay', 'client');
    mkdirSync(installed, { recursive: true });
    await run('tar', ['-xzf', join(work, info.filename), '-C', installed, '--strip-components=1']);
    for (const dependency of ['openapi-fetch', 'openapi-typescript-helpers', '@types']) {
      symlinkSync(join(NODE_MODULES, dependency), join(app, 'node_modules', dependency));
    }
    writeFileSync(join(app, 'index.ts'), CONSUMER);
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { module: 'node16', target: 'ES2022', strict: true, types: ['node'], outDir: 'out' },
        files: ['index.ts'],
      }),
    );
    const tsc = join(NODE_MODULES, 'typescript', 'bin', 'tsc');
    const compiled = await run(process.execPath, [tsc, '-p', app], { cwd: app }).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    expect(compiled.stdout).toBe('');

    const body = '{"id":"evt_1","type":"order.succeeded","created_at":"2026-01-01T12:00:00.000Z","data":{}}';
    const env = {
      PATH: process.env.PATH,
      AUTOPAY_URL: t.url,
      AUTOPAY_KEY: key,
      BODY: body,
      SIGNATURE: signatureHeader(body, 1767268800, ['whsec_pack']),
    };
    const result = await run(process.execPath, [join(app, 'out', 'index.js')], { cwd: app, env });
    expect(JSON.parse(result.stdout)).toEqual({
      merchant: 'Packed client',
      problem: [404, 'NOT_FOUND'],
      verified: true,
      tampered: false,
    });

    // An ES module imports it too (named exports of the CommonJS build).
    writeFileSync(
      join(app, 'esm.mjs'),
      "import { AutopayClient } from '@autopay/client';\n" +
        'const merchant = await new AutopayClient({ baseUrl: process.env.AUTOPAY_URL, apiKey: process.env.AUTOPAY_KEY })' +
        ".get('/v1/merchant');\nconsole.log(merchant.name);\n",
    );
    const esm = await run(process.execPath, [join(app, 'esm.mjs')], { cwd: app, env });
    expect(esm.stdout.trim()).toBe('Packed client');
  });
});
