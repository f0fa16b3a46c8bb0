// Generates src/generated/autopay-api.ts from the service's spec (openapi/openapi.json at the repository root):
// the types of every path, operation and schema (openapi-typescript), and the list of creating POSTs that honour
// an Idempotency-Key (the client adds a key to those and retries them safely).
//
//   node scripts/generate.mjs           rewrite the file (root: `npm run client:generate`, also run by `npm run openapi`)
//   node scripts/generate.mjs --check   exit 1 when the file is not what the spec generates (drift check)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const specFile = join(here, '..', '..', '..', 'openapi', 'openapi.json');
const out = join(here, '..', 'src', 'generated', 'autopay-api.ts');
const root = join(here, '..', '..', '..');

const spec = JSON.parse(readFileSync(specFile, 'utf8'));

/** Paths whose POST declares the Idempotency-Key header (optional or required), sorted. */
const idempotentPosts = Object.entries(spec.paths)
  .filter(([, item]) =>
    (item.post?.parameters ?? []).some((p) => p.in === 'header' && p.name === 'Idempotency-Key'),
  )
  .map(([path]) => path)
  .sort();

const types = astToString(await openapiTS(spec, { alphabetize: true }));
const text = [
  `// Generated from openapi/openapi.json (API version ${spec.info.version}) by clients/typescript/scripts/generate.mjs.`,
  '// Do not edit: run `npm run client:generate` at the repository root.',
  '',
  types.trimEnd(),
  '',
  '/** The POSTs that honour an Idempotency-Key: the client sends one (its own unless given) and may retry them. */',
  `export const idempotentPosts = ${JSON.stringify(idempotentPosts, null, 2).replace(/"/g, "'")} as const;`,
  '',
].join('\n');

const target = relative(root, out);
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(out, 'utf8');
  } catch {
    // missing: reported below
  }
  if (current !== text) {
    console.error(
      `${target} is out of date with openapi/openapi.json: run \`npm run client:generate\` and commit the result.`,
    );
    process.exit(1);
  }
} else {
  writeFileSync(out, text);
  if (!process.argv.includes('--silent')) console.log(`wrote ${target}`);
}
