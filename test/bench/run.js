// `npm run bench [-- name…]`: runs every test/bench/*.bench.js (or the named ones) in sequence.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

async function main() {
  const only = process.argv.slice(2);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.bench.js'))
    .filter((f) => only.length === 0 || only.some((name) => f.startsWith(name)))
    .sort();
  for (const file of files) {
    console.log(`# ${file}`);
    await require(path.join(__dirname, file))();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
