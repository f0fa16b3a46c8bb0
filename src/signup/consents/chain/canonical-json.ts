/**
 * JSON Canonicalization Scheme (RFC 8785) for the values consent records hash: objects with keys sorted by
 * UTF-16 code units, no whitespace, ECMAScript number and string serialization. A Date is taken as its ISO
 * 8601 string (millisecond precision, which PostgreSQL's timestamptz keeps exactly). Anything that is not JSON
 * (undefined, functions, symbols, bigint, NaN, ±Infinity, class instances) is refused rather than silently
 * dropped, so that two different records can never serialize alike.
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type CanonicalInput =
  | null
  | boolean
  | number
  | string
  | Date
  | readonly CanonicalInput[]
  | { readonly [key: string]: CanonicalInput };

export class CanonicalJsonError extends Error {}

export function canonicalJson(value: CanonicalInput): string {
  try {
    return serialize(value);
  } catch (error) {
    if (error instanceof NotJson) throw new CanonicalJsonError(`$${error.path}: ${error.reason}`);
    throw error;
  }
}

/**
 * Thrown inside serialize and given its path while it unwinds, so that the hot path (millions of records in a
 * verify) builds no path strings.
 */
class NotJson extends Error {
  path = '';
  constructor(readonly reason: string) {
    super(reason);
  }
}

function at(segment: string, error: unknown): unknown {
  if (error instanceof NotJson) error.path = segment + error.path;
  return error;
}

/** Characters JSON.stringify escapes (controls, quote, backslash) or may (surrogates, lone ones escaped). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point: JSON escapes them.
const NEEDS_ESCAPING = /[\u0000-\u001f"\\\ud800-\udfff]/;

/** JSON.stringify of a string, without its cost for the common string that needs no escaping. */
function quote(text: string): string {
  return NEEDS_ESCAPING.test(text) ? JSON.stringify(text) : `"${text}"`;
}

function serialize(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return quote(value);
    case 'number':
      if (!Number.isFinite(value)) throw new NotJson(`${value} is not a JSON number`);
      // ECMAScript Number::toString is the serialization RFC 8785 prescribes (and -0 becomes 0).
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new NotJson(`a ${typeof value} is not JSON`);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new NotJson('invalid Date');
    return quote(value.toISOString());
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      try {
        out += (i > 0 ? ',' : '') + serialize(value[i]);
      } catch (error) {
        throw at(`[${i}]`, error);
      }
    }
    return `${out}]`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new NotJson('only plain objects, arrays and Dates can be canonicalized');
  }
  // The default sort compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 requires.
  const keys = Object.keys(value).sort();
  const record = value as Record<string, unknown>;
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    try {
      out += `${i > 0 ? ',' : ''}${quote(key)}:${serialize(record[key])}`;
    } catch (error) {
      throw at(`.${key}`, error);
    }
  }
  return `${out}}`;
}
