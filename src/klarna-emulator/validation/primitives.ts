/**
 * Tiny first-failure validators. Klarna answers one `Bad value: <path>` per violation it finds; the emulator stops
 * at the first one, which is enough for a client to see which field it got wrong.
 */
export type Json = Record<string, unknown>;

export class BadValue extends Error {
  constructor(readonly path: string) {
    super(`Bad value: ${path}`);
  }
}

export function fail(path: string): never {
  throw new BadValue(path);
}

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function at(base: string, key: string): string {
  return base === '' ? key : `${base}.${key}`;
}

interface StringRule {
  max: number;
  min?: number;
  pattern?: RegExp;
  required?: boolean;
}

/** JSON `null` is not absent: OpenAPI 3.0 without `nullable` rejects it, and so does the emulator. */
export function str(o: Json, key: string, base: string, rule: StringRule): string | undefined {
  const v = o[key];
  if (v === undefined) return rule.required ? fail(at(base, key)) : undefined;
  if (typeof v !== 'string' || v.length < (rule.min ?? 0) || v.length > rule.max) fail(at(base, key));
  if (rule.pattern && !rule.pattern.test(v)) fail(at(base, key));
  return v;
}

interface IntRule {
  min?: number;
  max?: number;
  required?: boolean;
}

export function int(o: Json, key: string, base: string, rule: IntRule = {}): number | undefined {
  const v = o[key];
  if (v === undefined) return rule.required ? fail(at(base, key)) : undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) fail(at(base, key));
  if ((rule.min !== undefined && v < rule.min) || (rule.max !== undefined && v > rule.max))
    fail(at(base, key));
  return v;
}

export function oneOf<T extends string>(
  o: Json,
  key: string,
  base: string,
  values: readonly T[],
  required = false,
): T | undefined {
  const v = o[key];
  if (v === undefined) return required ? fail(at(base, key)) : undefined;
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) fail(at(base, key));
  return v as T;
}

export function bool(o: Json, key: string, base: string): boolean | undefined {
  const v = o[key];
  if (v !== undefined && typeof v !== 'boolean') fail(at(base, key));
  return v;
}

export function obj(o: Json, key: string, base: string, required = false): Json | undefined {
  const v = o[key];
  if (v === undefined) return required ? fail(at(base, key)) : undefined;
  if (!isObject(v)) fail(at(base, key));
  return v;
}

export function stringArray(o: Json, key: string, base: string): void {
  const v = o[key];
  if (v === undefined) return;
  if (!Array.isArray(v) || v.some((item) => typeof item !== 'string')) fail(at(base, key));
}
