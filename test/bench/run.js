// `npm run bench [-- name…]`: runs every test/bench/*.bench.js (or the named ones) in sequence, each in a fresh
// Node process with this process's flags. The service under test runs inside the bench's process (harness.js), so a
// bench sharing a process with the ones before it would measure a service whose heap holds what they left (the
// consents bench loads 1,000,000 rows): a fresh process per bench measures the service as it runs in production.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const ONE = '--one';

function runInChild(file) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, __filename, ONE, file], {
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${file} exited ${signal ?? code}`)),
    );
  });
}

async function main() {
  const args = process.argv.slice(2);
  if (args[0] === ONE) {
    await require(path.join(__dirname, args[1]))();
    return;
  }
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => args.length === 0 || args.some((name) => f.startsWith(name)))
    .sort();
  for (const file of files) {
    console.log(`# ${file}`);
    await runInChild(file);
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
