import { applyDecorators, type Type } from '@nestjs/common';
import { ApiBody, ApiExtraModels, getSchemaPath } from '@nestjs/swagger';

/** A named request example: what Swagger's "Try it out" fills in. */
export interface BodyExample {
  summary: string;
  description?: string;
  value: Record<string, unknown>;
}

/**
 * The operation's JSON body is `dto`, with hand-written examples that the service accepts in a real flow (the
 * examples test sends each through a fresh sign-up, with the ids the flow created in place of the example's:
 * write ids as `<prefix>_01JD3X9R0S4V8W2Y6Z1A3B5C7D`).
 */
export function ApiBodyExamples(dto: Type<unknown>, examples: Record<string, BodyExample>): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(dto),
    ApiBody({ required: true, schema: { $ref: getSchemaPath(dto) }, examples }),
  );
}
