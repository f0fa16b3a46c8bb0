import { HttpException } from '@nestjs/common';

export interface FieldError {
  /** JSON path of the offending field, e.g. `order_lines[0].total_tax_amount`. */
  field: string;
  message: string;
}

export interface UpstreamError {
  error_code: string;
  correlation_id?: string;
}

export interface ProblemInit {
  status: number;
  /** Stable, machine-readable, UPPER_SNAKE. */
  code: string;
  title: string;
  detail?: string;
  errors?: FieldError[];
  upstream?: UpstreamError;
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
}

/**
 * The one error type services throw for an expected failure. The global filter renders it as RFC 9457
 * problem details; anything that is not a ProblemException (or a Nest HttpException) is a 500.
 */
export class ProblemException extends HttpException {
  readonly code: string;
  readonly title: string;
  readonly detail?: string;
  readonly errors?: FieldError[];
  readonly upstream?: UpstreamError;
  readonly headers?: Record<string, string>;

  constructor(init: ProblemInit) {
    super(init.detail ?? init.title, init.status);
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.errors = init.errors;
    this.upstream = init.upstream;
    this.headers = init.headers;
  }
}

export const notFound = (what: string, id?: string): ProblemException =>
  new ProblemException({
    status: 404,
    code: 'NOT_FOUND',
    title: 'Not Found',
    detail: id ? `${what} ${id} was not found.` : `${what} was not found.`,
  });

export const conflict = (code: string, detail: string): ProblemException =>
  new ProblemException({ status: 409, code, title: 'Conflict', detail });

function fieldCount(errors: FieldError[]): string {
  const fields = new Set(errors.map((e) => e.field)).size;
  return `${fields} field${fields === 1 ? '' : 's'} failed validation.`;
}

export const validationProblem = (errors: FieldError[], detail?: string): ProblemException =>
  new ProblemException({
    status: 400,
    code: 'VALIDATION_FAILED',
    title: 'Bad Request',
    detail: detail ?? fieldCount(errors),
    errors,
  });
