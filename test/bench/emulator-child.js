// The Klarna emulator in its own process for the benchmarks (Klarna is another machine in production, so its CPU
// must not be counted as the service's latency). Reads {port} on argv, prints "ready" once it listens.
'use strict';
require('reflect-metadata');
const path = require('node:path');
const { createEmulatorApp } = require(path.join(__dirname, '../../dist/klarna-emulator/emulator.app'));

(async () => {
  const app = await createEmulatorApp({
    credentials: [{ username: 'bench', password: 'bench-secret' }],
    logger: false,
  });
  await app.listen({ port: Number(process.argv[2]), host: '127.0.0.1' });
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
