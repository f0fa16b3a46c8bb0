/** Field names whose values are secrets: never written to a log line. */
const SECRET_KEY = /(authorization|token|password|passwd|secret|api[_-]?key|cookie|client_token)/i;
export const REDACTED = '[REDACTED]';

/** Deep copy of a log object with every secret-named field replaced; bounded depth, cycles cut. */
export function redactSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Error) return value;
  if (seen.has(value) || depth > 8) return '[…]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    out[key] =
      SECRET_KEY.test(key) && item !== null && item !== undefined
        ? REDACTED
        : redactSecrets(item, depth + 1, seen);
  }
  return out;
}
