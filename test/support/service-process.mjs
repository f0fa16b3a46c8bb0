// The service as a child process for the crash tests (service-processes.ts). It loads and initializes the
// compiled service at once (database pool, background jobs: from then on it is a running instance) and starts
// listening when told to, so that taking over after a SIGKILL does not wait for seconds of module loading.
import { createRequire } from 'node:module';
import path from 'node:path';

// The compiled service is CommonJS; NODE_PATH points at the project's node_modules.
const require = createRequire(import.meta.url);
require('reflect-metadata');

const out = process.argv[2];
const { createApp } = require(path.join(out, 'app/app.factory'));
const { loadConfig } = require(path.join(out, 'config/app-config'));

createApp(loadConfig(process.env)).then(
  (app) => {
    process.on('message', (message) => {
      if (message.type !== 'start') return;
      app.listen({ port: message.port, host: '127.0.0.1' }).then(
        () => process.send({ type: 'ready' }),
        (error) => {
          console.error(error);
          process.exit(1);
        },
      );
    });
    process.send({ type: 'loaded' });
  },
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
