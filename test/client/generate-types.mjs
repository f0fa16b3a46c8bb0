// Generates TypeScript types for the Autopay API from the committed spec, as a partner would:
//   npx openapi-typescript openapi/openapi.json -o autopay-api.ts
// Output: test/client/generated/autopay-api.ts (git-ignored, rewritten by `npm run typecheck` and the client test).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const spec = JSON.parse(readFileSync(join(here, '..', '..', 'openapi', 'openapi.json'), 'utf8'));
const out = join(here, 'generated', 'autopay-api.ts');

const ast = await openapiTS(spec, { alphabetize: true });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(
  out,
  `// Generated from openapi/openapi.json by test/client/generate-types.mjs. Do not edit.\n${astToString(ast)}`,
);
if (!process.argv.includes('--silent')) console.log(`wrote ${out}`);
