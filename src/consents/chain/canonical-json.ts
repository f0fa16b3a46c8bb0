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
  return serialize(value, '$');
}

function serialize(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new CanonicalJsonError(`${path}: ${value} is not a JSON number`);
      // ECMAScript Number::toString is the serialization RFC 8785 prescribes (and -0 becomes 0).
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new CanonicalJsonError(`${path}: a ${typeof value} is not JSON`);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new CanonicalJsonError(`${path}: invalid Date`);
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    return `[${value.map((item, i) => serialize(item, `${path}[${i}]`)).join(',')}]`;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new CanonicalJsonError(`${path}: only plain objects, arrays and Dates can be canonicalized`);
  }
  // The default sort compares UTF-16 code units, exactly the order RFC 8785 §3.2.3 requires.
  const keys = Object.keys(value).sort();
  const record = value as Record<string, unknown>;
  return `{${keys.map((key) => `${JSON.stringify(key)}:${serialize(record[key], `${path}.${key}`)}`).join(',')}}`;
}
