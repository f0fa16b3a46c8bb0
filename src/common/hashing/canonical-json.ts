import { createHash } from 'node:crypto';

/**
 * The one canonical JSON of the code base: the JSON Canonicalization Scheme (RFC 8785). Objects with keys
 * sorted by UTF-16 code units, no whitespace, ECMAScript number and string serialization. A Date is taken as
 * its ISO 8601 string (millisecond precision, which PostgreSQL's timestamptz keeps exactly).
 *
 * Two modes of the same serializer:
 * - `strict` (the default; the consent hash chain): anything that is not JSON (undefined, functions, symbols,
 *   bigint, NaN, ±Infinity, class instances) is refused rather than silently dropped, so that two different
 *   records can never serialize alike.
 * - `omit-undefined` (fingerprints of requests and terms, {@link sha256OfCanonical}): an object member whose value
 *   is `undefined` is absent, as in JSON.stringify, and a class instance (a validated DTO) is taken as its own
 *   enumerable members. Everything else is refused as in strict mode. For JSON data the two modes write the
 *   same text, which is also what JSON.stringify writes with sorted keys, so the stored terms hashes can be
 *   recomputed by an auditor with any RFC 8785 library.
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

export type CanonicalMode = 'strict' | 'omit-undefined';

export function canonicalJson(value: CanonicalInput, mode?: 'strict'): string;
export function canonicalJson(value: unknown, mode: 'omit-undefined'): string;
export function canonicalJson(value: unknown, mode: CanonicalMode = 'strict'): string {
  try {
    return serialize(value, mode === 'omit-undefined');
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

function serialize(value: unknown, lenient: boolean): string {
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
        out += (i > 0 ? ',' : '') + serialize(value[i], lenient);
      } catch (error) {
        throw at(`[${i}]`, error);
      }
    }
    return `${out}]`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!lenient && proto !== Object.prototype && proto !== null) {
    throw new NotJson('only plain objects, arrays and Dates can be canonicalized');
  }
  // The default sort compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 requires.
  const keys = Object.keys(value).sort();
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of keys) {
    if (lenient && record[key] === undefined) continue;
    try {
      out += `${first ? '' : ','}${quote(key)}:${serialize(record[key], lenient)}`;
      first = false;
    } catch (error) {
      throw at(`.${key}`, error);
    }
  }
  return `${out}}`;
}

/** SHA-256 (hex) of the canonical JSON of `value`, undefined members omitted (request and terms fingerprints). */
export function sha256OfCanonical(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value, 'omit-undefined'), 'utf8').digest('hex');
}
