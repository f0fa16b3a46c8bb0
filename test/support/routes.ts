import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AUTH_METADATA, type AuthRequirement } from '../../src/common/auth/auth.decorator';

export interface DeclaredRoute {
  method: string;
  path: string;
  auth: AuthRequirement | undefined;
  handler: string;
}

const join = (...parts: string[]): string =>
  `/${parts
    .flatMap((p) => p.split('/'))
    .filter(Boolean)
    .join('/')}`;

/** Every route of the running application, read from its controllers' metadata, with its @Auth declaration. */
export function declaredRoutes(app: NestFastifyApplication): DeclaredRoute[] {
  const routes: DeclaredRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const type = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!type) continue;
      const base = (Reflect.getMetadata(PATH_METADATA, type) as string | undefined) ?? '';
      const proto = type.prototype as Record<string, unknown>;
      for (const name of Object.getOwnPropertyNames(proto)) {
        const fn = proto[name];
        if (name === 'constructor' || typeof fn !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, fn) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = (Reflect.getMetadata(PATH_METADATA, fn) as string | undefined) ?? '';
        const auth =
          (Reflect.getMetadata(AUTH_METADATA, fn) as AuthRequirement | undefined) ??
          (Reflect.getMetadata(AUTH_METADATA, type) as AuthRequirement | undefined);
        routes.push({
          method: RequestMethod[method],
          path: join(base, path),
          auth,
          handler: `${type.name}.${name}`,
        });
      }
    }
  }
  return routes;
}

/** Fills path parameters with ids that exist nowhere. */
export function concretePath(path: string): string {
  return path.replace(
    /:([a-z_]+)/g,
    (_, param: string) => `${param.split('_')[0].slice(0, 3)}_00000000000000000000000000`,
  );
}
