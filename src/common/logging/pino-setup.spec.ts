import { Writable } from 'node:stream';
import pino from 'pino';
import { chooseLogFormat } from './log-format';
import { baseLoggerOptions, logDestination, nestLogger } from './pino-setup';

function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return { stream, text: () => chunks.join('') };
}

const ISO = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/;

describe('chooseLogFormat', () => {
  it.each([
    [{ isTty: true, isProduction: false }, 'pretty'],
    [{ isTty: false, isProduction: false }, 'json'],
    [{ isTty: true, isProduction: true }, 'json'],
    [{ isTty: false, isProduction: true }, 'json'],
    [{ configured: 'json' as const, isTty: true, isProduction: false }, 'json'],
    [{ configured: 'pretty' as const, isTty: false, isProduction: true }, 'pretty'],
  ])('%j → %s', (input, expected) => {
    expect(chooseLogFormat(input)).toBe(expected);
  });
});

describe('log lines', () => {
  it('json: one object per line with an ISO timestamp, secrets redacted', () => {
    const out = sink();
    pino(baseLoggerOptions('info'), out.stream).info({ password: 'hunter2', merchant: 'mer_1' }, 'hello');
    const line = JSON.parse(out.text()) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: 'hello', merchant: 'mer_1', password: '[REDACTED]' });
    expect(line.time).toMatch(new RegExp(`^${ISO.source}$`));
  });

  it('pretty: one readable line with an ISO timestamp, no colour codes when not colourised', () => {
    const out = sink();
    const destination = logDestination('pretty', { colorize: false, destination: out.stream })!;
    pino(baseLoggerOptions('info'), destination).warn(
      { endpoint_id: 'we_1', attempt: 2 },
      'webhook delivery failed',
    );
    const text = out.text();
    expect(text.trim().split('\n')).toHaveLength(1);
    expect(text).toMatch(ISO);
    expect(text).toContain('WARN');
    expect(text).toContain('webhook delivery failed');
    expect(text).toContain('"endpoint_id":"we_1"');
    expect(text).not.toContain('\u001b[');
  });

  it('pretty: colours when asked (a terminal)', () => {
    const out = sink();
    pino(
      baseLoggerOptions('info'),
      logDestination('pretty', { colorize: true, destination: out.stream }),
    ).info('hi');
    expect(out.text()).toContain('\u001b[');
  });

  it("Nest's route mappings and module start-up lines are debug; other lines keep their level", () => {
    const out = sink();
    const logger = nestLogger(pino(baseLoggerOptions('debug'), out.stream));
    logger.log('Mapped {/v1/merchant, GET} route', 'RouterExplorer');
    logger.log('AppModule dependencies initialized', 'InstanceLoader');
    logger.log('chain heads written', 'ConsentChainHeadsJob');
    logger.warn('careful', 'Somewhere');
    const lines = out
      .text()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { level: number; context: string; msg: string });
    expect(lines.map((l) => [l.level, l.context])).toEqual([
      [20, 'RouterExplorer'],
      [20, 'InstanceLoader'],
      [30, 'ConsentChainHeadsJob'],
      [40, 'Somewhere'],
    ]);
  });
});
