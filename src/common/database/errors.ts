import { UniqueConstraintViolationException } from '@mikro-orm/core';

/** A unique violation, as the ORM reports it or as the pg driver does (statements run with `sql()`). */
export function isUniqueViolation(error: unknown): boolean {
  return (
    error instanceof UniqueConstraintViolationException ||
    (error instanceof Error && (error as Error & { code?: unknown }).code === '23505')
  );
}
