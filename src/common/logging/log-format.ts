export type LogFormat = 'pretty' | 'json';

/**
 * `LOG_FORMAT` when set; otherwise readable lines for a person at a terminal outside production, and JSON lines
 * for everything else (a pipe, a file, a log collector, production).
 */
export function chooseLogFormat(input: {
  configured?: LogFormat;
  isTty: boolean;
  isProduction: boolean;
}): LogFormat {
  if (input.configured) return input.configured;
  return input.isTty && !input.isProduction ? 'pretty' : 'json';
}
