// Builds dist/ with swc only when a file under src/ (or the typed client's sources, which the demo backend uses)
// is newer than the last build (`npm run cli` without the 5-6 s rebuild on every call). The stamp is written after
// a successful build.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const stamp = join(root, 'dist', '.build-stamp');

function newest(dir) {
  let latest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const client = join(root, 'clients', 'typescript');
const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (
  newest(join(root, 'src')) >= built ||
  newest(join(client, 'src')) >= built ||
  statSync(join(root, 'package.json')).mtimeMs >= built
) {
  // As `npm run build:client`: the client's JavaScript in clients/typescript/dist (node_modules/@autopay/client).
  execFileSync(
    join(root, 'node_modules', '.bin', 'swc'),
    ['src', '-d', 'dist', '--strip-leading-paths', '--config-file', '../../.swcrc', '--quiet'],
    { cwd: client, stdio: 'inherit' },
  );
  execFileSync(
    join(root, 'node_modules', '.bin', 'swc'),
    ['src', '-d', 'dist', '--strip-leading-paths', '--copy-files', '--quiet'],
    { cwd: root, stdio: 'inherit' },
  );
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
}
