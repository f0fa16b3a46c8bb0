/** Configuration of the standalone Klarna emulator (`npm run emulator`); the only place it reads process.env. */
export interface EmulatorConfig {
  port: number;
  host: string;
  credentials: { username: string; password: string }[];
  /** Per-request logging; off by default because benchmarks push hundreds of requests per second through. */
  log: boolean;
  /** LOG_LEVEL and LOG_FORMAT, as the service reads them (checked by whoever builds the logger). */
  logLevel: string;
  logFormat?: string;
}

export class EmulatorConfigError extends Error {}

function parsePort(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 3100;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) {
    throw new EmulatorConfigError(`EMULATOR_PORT must be an integer between 0 and 65535, got "${raw}"`);
  }
  return port;
}

function parseCredentials(raw: string | undefined): EmulatorConfig['credentials'] {
  const value = raw === undefined || raw === '' ? 'demo_merchant:demo_klarna_secret' : raw;
  const credentials = value.split(',').map((pair) => {
    const colon = pair.indexOf(':');
    const username = pair.slice(0, colon).trim();
    const password = pair.slice(colon + 1);
    if (colon < 1 || username === '' || password === '') {
      throw new EmulatorConfigError(
        'EMULATOR_CREDENTIALS must be "user:pass[,user:pass]" with non-empty parts',
      );
    }
    return { username, password };
  });
  if (new Set(credentials.map((c) => c.username)).size !== credentials.length) {
    throw new EmulatorConfigError('EMULATOR_CREDENTIALS lists a username twice');
  }
  return credentials;
}

function parseBoolean(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '' || raw === 'false' || raw === '0') return false;
  if (raw === 'true' || raw === '1') return true;
  throw new EmulatorConfigError(`${name} must be true or false, got "${raw}"`);
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function parseChoice(name: string, raw: string | undefined, choices: string[]): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!choices.includes(raw))
    throw new EmulatorConfigError(`${name} must be one of ${choices.join(', ')}, got "${raw}"`);
  return raw;
}

export function loadEmulatorConfig(env: Record<string, string | undefined> = process.env): EmulatorConfig {
  const host = env.EMULATOR_HOST === undefined || env.EMULATOR_HOST === '' ? '127.0.0.1' : env.EMULATOR_HOST;
  if (/\s/.test(host))
    throw new EmulatorConfigError(`EMULATOR_HOST must be a host name or address, got "${host}"`);
  return {
    port: parsePort(env.EMULATOR_PORT),
    host,
    credentials: parseCredentials(env.EMULATOR_CREDENTIALS),
    log: parseBoolean('EMULATOR_LOG', env.EMULATOR_LOG),
    logLevel: parseChoice('LOG_LEVEL', env.LOG_LEVEL, LOG_LEVELS) ?? 'info',
    logFormat: parseChoice('LOG_FORMAT', env.LOG_FORMAT, ['pretty', 'json']),
  };
}
