import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AUTH_METADATA, type AuthRequirement } from '../../common/auth/auth.decorator';
import { ProblemException } from '../../common/errors/problem.exception';
import { UnauthenticatedLimiter } from '../../common/http/unauthenticated-limiter';
import { ApiKeysService } from './api-keys.service';

const unauthenticated = (detail: string): ProblemException =>
  new ProblemException({ status: 401, code: 'UNAUTHENTICATED', title: 'Unauthorized', detail });

/** Global guard, deny by default: a route must say who may call it with @Auth(...) or @Public(). */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
    private readonly unauthenticatedLimit: UnauthenticatedLimiter,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (requirement?.public) return true;

    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // Before anything is looked up: an address that keeps failing is refused here (429).
    this.unauthenticatedLimit.check(request.ip);
    const refuse = (detail: string) => this.unauthenticatedLimit.failed(request.ip, unauthenticated(detail));
    const header = request.headers.authorization;
    if (!header) throw await refuse('Send your API key as `Authorization: Bearer <key>`.');
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) throw await refuse('The Authorization header must be `Bearer <key>`.');
    const principal = await this.apiKeys.authenticate(match[1]);
    if (!principal) throw await refuse('The API key is unknown, revoked or expired.');
    request.principal = principal;

    if (!requirement || !requirement.roles.includes(principal.role)) {
      throw new ProblemException({
        status: 403,
        code: 'FORBIDDEN',
        title: 'Forbidden',
        detail: requirement
          ? `This route takes ${requirement.roles.join(' or ')} keys, not ${principal.role} keys.`
          : `This route does not take ${principal.role} keys.`,
      });
    }
    return true;
  }
}
