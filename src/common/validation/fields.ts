import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

/*
 * One decorator per field that carries both the validation and the OpenAPI description, so the docs and the
 * checks cannot drift apart.
 */

interface Common {
  description?: string;
  example?: unknown;
  optional?: boolean;
  nullable?: boolean;
}

function doc(opts: Common, extra: ApiPropertyOptions): PropertyDecorator {
  const base = { description: opts.description, example: opts.example, nullable: opts.nullable, ...extra };
  return opts.optional ? ApiPropertyOptional(base) : ApiProperty(base);
}

/**
 * An optional field may be left out; a value that is sent, `null` included, is validated like any other (and
 * `null` then fails the field's type: "must be a string"). class-validator's @IsOptional() skips `null` as well,
 * which let null reach services and Klarna (issue #13 item 9); it is not used on request fields (lint rule).
 */
export const OptionalField = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);

/**
 * PartialType for request DTOs (PATCH bodies): every field may be left out, none may be null. The default
 * PartialType applies @IsOptional(), which lets null through.
 */
export const PartialDto = <T>(type: new () => T) => PartialType(type, { skipNullProperties: false });

function optional(opts: Common): PropertyDecorator[] {
  return opts.optional ? [OptionalField()] : [];
}

export function StringField(
  opts: Common & {
    minLength?: number;
    maxLength?: number;
    pattern?: RegExp;
    patternMessage?: string;
    format?: string;
  } = {},
): PropertyDecorator {
  const min = opts.minLength ?? (opts.optional ? 0 : 1);
  return applyDecorators(
    doc(opts, {
      type: String,
      minLength: min || undefined,
      maxLength: opts.maxLength,
      pattern: opts.pattern?.source,
      format: opts.format,
    }),
    ...optional(opts),
    IsString(),
    ...(min > 0 ? [IsNotEmpty(), MinLength(min)] : []),
    ...(opts.maxLength ? [MaxLength(opts.maxLength)] : []),
    ...(opts.pattern
      ? [Matches(opts.pattern, opts.patternMessage ? { message: opts.patternMessage } : {})]
      : []),
  );
}

/** ISO 4217 code in upper case (`SEK`): every currency the API takes, so each compares exactly. */
export const CURRENCY_PATTERN = /^[A-Z]{3}$/;

export function CurrencyField(opts: Common = {}): PropertyDecorator {
  return StringField({
    ...opts,
    pattern: CURRENCY_PATTERN,
    patternMessage: 'must be an ISO 4217 currency code in upper case, such as SEK',
  });
}

export function IntField(opts: Common & { min?: number; max?: number } = {}): PropertyDecorator {
  return applyDecorators(
    doc(opts, { type: 'integer', format: 'int64', minimum: opts.min, maximum: opts.max }),
    ...optional(opts),
    IsInt(),
    ...(opts.min !== undefined ? [Min(opts.min)] : []),
    ...(opts.max !== undefined ? [Max(opts.max)] : []),
  );
}

/** An integer read from the query string (which only carries strings). */
export function QueryIntField(
  opts: Common & { min?: number; max?: number; default?: number } = {},
): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value,
    ),
    doc(
      { ...opts, optional: true },
      { type: 'integer', minimum: opts.min, maximum: opts.max, default: opts.default },
    ),
    OptionalField(),
    IsInt(),
    ...(opts.min !== undefined ? [Min(opts.min)] : []),
    ...(opts.max !== undefined ? [Max(opts.max)] : []),
  );
}

/** With `nullable`, `null` is a value of its own (e.g. "not set") and skips the type check. */
export function BoolField(opts: Common = {}): PropertyDecorator {
  const skip = opts.nullable
    ? [ValidateIf((_object, value) => value !== null && !(opts.optional && value === undefined))]
    : optional(opts);
  return applyDecorators(doc(opts, { type: Boolean }), ...skip, IsBoolean());
}

/** A boolean read from the query string: `true` or `false`. */
export function QueryBoolField(opts: Common = {}): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      value === 'true' ? true : value === 'false' ? false : value,
    ),
    doc({ ...opts, optional: true }, { type: Boolean }),
    OptionalField(),
    IsBoolean({ message: 'must be true or false' }),
  );
}

export function EnumField(
  values: readonly string[],
  opts: Common & { enumName?: string } = {},
): PropertyDecorator {
  return applyDecorators(
    doc(opts, { enum: [...values], enumName: opts.enumName, type: String }),
    ...optional(opts),
    IsIn([...values], { message: `must be one of: ${values.join(', ')}` }),
  );
}

export function DateTimeField(opts: Common = {}): PropertyDecorator {
  return applyDecorators(
    doc(opts, { type: String, format: 'date-time' }),
    ...optional(opts),
    IsDateString({ strict: true }, { message: 'must be an ISO 8601 date-time' }),
  );
}

export function NestedField(type: () => new () => object, opts: Common = {}): PropertyDecorator {
  return applyDecorators(
    // Swagger recognises a lazy type only by the function's name `type`, which an inline arrow here gets.
    doc(opts, { type: () => type() }),
    ...optional(opts),
    IsObject({ message: 'must be an object' }),
    ValidateNested(),
    Type(type),
  );
}

export function NestedArrayField(
  type: () => new () => object,
  opts: Common & { minItems?: number; maxItems?: number } = {},
): PropertyDecorator {
  return applyDecorators(
    doc(opts, { type: () => [type()], minItems: opts.minItems, maxItems: opts.maxItems }),
    ...optional(opts),
    IsArray(),
    ...(opts.minItems !== undefined ? [ArrayMinSize(opts.minItems)] : []),
    ...(opts.maxItems !== undefined ? [ArrayMaxSize(opts.maxItems)] : []),
    IsObject({ each: true, message: 'each item must be an object' }),
    ValidateNested({ each: true }),
    Type(type),
  );
}

export function StringArrayField(
  opts: Common & { minItems?: number; maxItems?: number; values?: readonly string[] } = {},
): PropertyDecorator {
  return applyDecorators(
    doc(opts, {
      type: String,
      isArray: true,
      minItems: opts.minItems,
      maxItems: opts.maxItems,
      enum: opts.values ? [...opts.values] : undefined,
    }),
    ...optional(opts),
    IsArray(),
    ...(opts.minItems !== undefined ? [ArrayMinSize(opts.minItems)] : []),
    ...(opts.maxItems !== undefined ? [ArrayMaxSize(opts.maxItems)] : []),
    ...(opts.values
      ? [
          IsIn([...opts.values], {
            each: true,
            message: `each item must be one of: ${opts.values.join(', ')}`,
          }),
        ]
      : [IsString({ each: true })]),
  );
}
