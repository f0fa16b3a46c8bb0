import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { type FieldError, validationProblem } from '../errors/problem.exception';
import { cacheValidationMetadata } from './metadata-cache';

function pathOf(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

const TYPE_CONSTRAINTS = new Set([
  'isString',
  'isInt',
  'isNumber',
  'isBoolean',
  'isObject',
  'isArray',
  'isDateString',
  'isEnum',
]);

/** Flattens class-validator's tree into `{field, message}` with JSON paths such as `order_lines[0].name`. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = pathOf(parent, error.property);
    // A value of the wrong type fails every other rule too ("42" is "shorter than 1 character"): say only that
    // its type is wrong.
    const all = Object.entries(error.constraints ?? {});
    let typeErrors = all.filter(([constraint]) => TYPE_CONSTRAINTS.has(constraint));
    // Not an array at all: "each item must be an object" adds nothing to "must be an array".
    if (typeErrors.some(([constraint]) => constraint === 'isArray')) {
      typeErrors = typeErrors.filter(([constraint]) => constraint === 'isArray');
    }
    const own = (typeErrors.length > 0 ? typeErrors : all).map(([constraint, message]) => ({
      field,
      message:
        constraint === 'whitelistValidation'
          ? 'is not a known field'
          : message.startsWith(`${error.property} `)
            ? message.slice(error.property.length + 1)
            : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) => validationProblem(flattenValidationErrors(errors)),
  });
}
