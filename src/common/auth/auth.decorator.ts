import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiSecurity,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Role } from './role';
import { ProblemDto } from '../errors/problem.dto';

export const AUTH_METADATA = 'autopay:auth';
export type AuthRequirement = { public: true; browserSession?: true } | { public: false; roles: Role[] };

/**
 * Declares who may call a route and documents it in OpenAPI. The global guard denies every route that does
 * not carry this decorator (or @Public).
 */
export function Auth(...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(AUTH_METADATA, { public: false, roles } satisfies AuthRequirement),
    ApiBearerAuth('api_key'),
    ApiUnauthorizedResponse({
      description: 'Missing, unknown, expired or revoked API key.',
      type: ProblemDto,
    }),
    ApiForbiddenResponse({ description: `Allowed roles: ${roles.join(', ')}.`, type: ProblemDto }),
    ApiTooManyRequestsResponse({ description: 'Rate limit for this API key exceeded.', type: ProblemDto }),
  );
}

/** No API key needed (health, metrics, docs, JWKS). */
export function Public(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(AUTH_METADATA, { public: true } satisfies AuthRequirement),
    ApiSecurity({}),
    ApiTooManyRequestsResponse({ description: 'Rate limit for this IP address exceeded.', type: ProblemDto }),
  );
}

/**
 * No API key: the route authenticates a browser session cookie of its own (the consumer portal's pages), and
 * answers 401 without one.
 */
export function BrowserSession(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(AUTH_METADATA, { public: true, browserSession: true } satisfies AuthRequirement),
    ApiSecurity({}),
  );
}
