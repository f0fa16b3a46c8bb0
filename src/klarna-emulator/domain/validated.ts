import { KlarnaError } from '../core/klarna-error';
import { BadValue, isObject, Json } from '../validation/primitives';

/** Runs a rule set over a request body and turns the first violation into Klarna's 400 BAD_VALUE. */
export function validated<T>(body: unknown, rules: (o: Json) => T): { body: Json; result: T } {
  if (!isObject(body)) throw KlarnaError.badRequest('The request body must be a JSON object');
  try {
    return { body, result: rules(body) };
  } catch (error) {
    if (error instanceof BadValue) throw KlarnaError.badValue(error.path);
    throw error;
  }
}

/** Key-order-independent JSON, to compare what was authorized with what is ordered. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    const keys = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort();
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function upper(value: unknown): string {
  return typeof value === 'string' ? value.toUpperCase() : '';
}

/** Purchase country after Klarna's rule "the billing country overrides the purchase country". */
export function effectiveCountry(o: Json): string {
  const billing = isObject(o.billing_address) ? o.billing_address : {};
  return upper(billing.country ?? o.purchase_country);
}
