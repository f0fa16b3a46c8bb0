import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildOpenApiDocument, createPreviewApp } from './app.factory';
import { loadConfig } from '../config/app-config';

/** Recursively sorts object keys so that the committed file is stable; arrays keep their order. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

/** `node dist/openapi.js` writes openapi/openapi.json; `--check` fails when the committed file is stale. */
async function main(): Promise<void> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgresql://openapi@127.0.0.1:1/none',
    ENCRYPTION_KEYS: `k1:${Buffer.alloc(32).toString('base64')}`,
    BLIND_INDEX_KEY: Buffer.alloc(32).toString('base64'),
    KLARNA_BASE_URL: 'http://127.0.0.1:1',
  });
  const app = await createPreviewApp(config);
  const text = `${JSON.stringify(sortKeys(buildOpenApiDocument(app)), null, 2)}\n`;
  await app.close();
  const file = resolve(__dirname, '../../openapi/openapi.json');
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(file, 'utf8');
    } catch {
      committed = '';
    }
    if (committed !== text) {
      console.error('openapi/openapi.json is out of date: run `npm run openapi` and commit the result.');
      process.exit(1);
    }
    console.log('openapi/openapi.json is up to date.');
    return;
  }
  writeFileSync(file, text);
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
