import { ApiProperty } from '@nestjs/swagger';
import { ProblemException } from '../errors/problem.exception';
import { QueryIntField, StringField } from '../validation/fields';

export class PageQueryDto {
  @QueryIntField({ min: 1, max: 100, default: 20, description: 'Page size.' })
  limit?: number;

  @StringField({ optional: true, maxLength: 200, description: 'The `next_cursor` of the previous page.' })
  cursor?: string;
}

export class PageMetaDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Pass as `cursor` for the next page; null on the last page.',
  })
  next_cursor!: string | null;
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
}

/** Cursors are opaque to clients: base64url of the last id seen (ids are time-ordered). */
export function encodeCursor(lastId: string): string {
  return Buffer.from(lastId, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!/^[a-z]{2,5}_[0-9A-Z]{26}$/.test(id)) {
    throw new ProblemException({
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Bad Request',
      detail: 'The cursor is not one this API issued.',
      errors: [{ field: 'cursor', message: 'is not a valid cursor' }],
    });
  }
  return id;
}

/**
 * Keyset pagination over rows fetched newest first with `limit + 1` rows: the extra row only says whether a
 * next page exists.
 */
export function toPage<E extends { id: string }, D>(rows: E[], limit: number, map: (row: E) => D): Page<D> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  return {
    data: pageRows.map(map),
    next_cursor: more ? encodeCursor(pageRows[pageRows.length - 1].id) : null,
  };
}

export const pageLimit = (query: PageQueryDto): number => query.limit ?? 20;
