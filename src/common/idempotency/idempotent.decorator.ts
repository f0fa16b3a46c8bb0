import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import {
  IDEMPOTENT_METADATA,
  IdempotencyInterceptor,
  type IdempotentOptions,
} from './idempotency.interceptor';

const SEMANTICS =
  'Scoped to the caller (merchant or platform key), kept at least 24 h. The same key with the same request ' +
  'returns the first answer byte for byte with `Idempotent-Replayed: true`; with another request 422 ' +
  '`IDEMPOTENCY_KEY_REUSED`; while the first request runs 409 `REQUEST_IN_PROGRESS` with Retry-After.';

/** Documents the Idempotency-Key header of a route in the OpenAPI spec. */
export function ApiIdempotencyKey(required: boolean, what = 'request'): MethodDecorator {
  return ApiHeader({
    name: 'Idempotency-Key',
    required,
    description: required
      ? `Required (this request can charge the consumer): 1 to 255 characters, unique per ${what}. ${SEMANTICS}`
      : `Optional: 1 to 255 characters, unique per ${what}; send it to make a retry safe. ${SEMANTICS}`,
  });
}

/**
 * Makes a creating POST honour Idempotency-Key (see IdempotencyInterceptor): required where the request can
 * charge, accepted everywhere else.
 */
export function Idempotent(options: IdempotentOptions & { what?: string }): MethodDecorator {
  return applyDecorators(
    SetMetadata(IDEMPOTENT_METADATA, {
      required: options.required,
      atomic: options.atomic ?? false,
    } satisfies IdempotentOptions),
    UseInterceptors(IdempotencyInterceptor),
    ApiIdempotencyKey(options.required, options.what),
  );
}
