import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { createEmulatorApp } from '../klarna-emulator/emulator.app';
import type { EmulatorConfig } from '../klarna-emulator/emulator.config';

export {
  type EmulatorConfig,
  EmulatorConfigError,
  loadEmulatorConfig,
} from '../klarna-emulator/emulator.config';

export interface RunningEmulator {
  url: string;
  username: string;
  password: string;
  stop(): Promise<void>;
}

/**
 * Default mode: the Klarna emulator runs in the same process on its own port, with fresh credentials for the
 * demo merchant (its state lives in memory, so the credentials need not outlive the process).
 */
export async function startDefaultEmulator(port: number, host = '127.0.0.1'): Promise<RunningEmulator> {
  const username = 'demo_merchant';
  const password = randomBytes(18).toString('base64url');
  const app = await createEmulatorApp({ credentials: [{ username, password }], logger: false });
  await app.listen({ port, host });
  const address = app.getHttpServer().address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return { url: `http://${host}:${actualPort}`, username, password, stop: () => app.close() };
}

/** `npm run emulator`: the standalone emulator with its configured credentials; `logger` logs each request. */
export async function startEmulator(
  config: EmulatorConfig,
  logger: FastifyBaseLogger | false,
): Promise<{ url: string; stop(): Promise<void> }> {
  const app = await createEmulatorApp({ credentials: config.credentials, logger });
  await app.listen({ port: config.port, host: config.host });
  return { url: await app.getUrl(), stop: () => app.close() };
}
