import { EmulatorConfigError, loadEmulatorConfig } from './emulator.config';

describe('loadEmulatorConfig', () => {
  it('defaults to 127.0.0.1:3100 with the demo merchant and no request logging', () => {
    expect(loadEmulatorConfig({})).toEqual({
      port: 3100,
      host: '127.0.0.1',
      credentials: [{ username: 'demo_merchant', password: 'demo_klarna_secret' }],
      log: false,
      logLevel: 'info',
      logFormat: undefined,
    });
  });

  it('reads port, host, several credentials (passwords may contain colons) and logging', () => {
    const config = loadEmulatorConfig({
      EMULATOR_PORT: '0',
      EMULATOR_HOST: '0.0.0.0',
      EMULATOR_CREDENTIALS: 'a:one,b:two:with:colons',
      EMULATOR_LOG: 'true',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
    });
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      credentials: [
        { username: 'a', password: 'one' },
        { username: 'b', password: 'two:with:colons' },
      ],
      log: true,
      logLevel: 'debug',
      logFormat: 'json',
    });
  });

  it.each([
    [{ EMULATOR_PORT: 'http' }, 'EMULATOR_PORT'],
    [{ EMULATOR_PORT: '70000' }, 'EMULATOR_PORT'],
    [{ EMULATOR_PORT: '-1' }, 'EMULATOR_PORT'],
    [{ EMULATOR_HOST: 'local host' }, 'EMULATOR_HOST'],
    [{ EMULATOR_CREDENTIALS: 'nocolon' }, 'EMULATOR_CREDENTIALS'],
    [{ EMULATOR_CREDENTIALS: ':pass' }, 'EMULATOR_CREDENTIALS'],
    [{ EMULATOR_CREDENTIALS: 'user:' }, 'EMULATOR_CREDENTIALS'],
    [{ EMULATOR_CREDENTIALS: 'a:1,a:2' }, 'EMULATOR_CREDENTIALS'],
    [{ EMULATOR_LOG: 'yes' }, 'EMULATOR_LOG'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ LOG_FORMAT: 'yaml' }, 'LOG_FORMAT'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadEmulatorConfig(env)).toThrow(EmulatorConfigError);
    expect(() => loadEmulatorConfig(env)).toThrow(variable);
  });
});
