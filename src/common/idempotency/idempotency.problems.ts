import { ProblemException, validationProblem } from '../errors/problem.exception';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const MAX_IDEMPOTENCY_KEY_LENGTH = 255;

/** A problem when the Idempotency-Key header value is unusable (missing, empty, too long, control chars). */
export function idempotencyKeyProblem(key: string | undefined): ProblemException | undefined {
  let message: string | undefined;
  if (key === undefined || key === '') message = 'header is required (1 to 255 characters)';
  else if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH)
    message = `must be at most ${MAX_IDEMPOTENCY_KEY_LENGTH} characters`;
  // eslint-disable-next-line no-control-regex
  else if (/[\u0000-\u001f\u007f]/.test(key)) message = 'must not contain control characters';
  if (!message) return undefined;
  return validationProblem(
    [{ field: 'Idempotency-Key', message }],
    `The Idempotency-Key header ${message.startsWith('header') ? 'is required (1 to 255 characters)' : message}.`,
  );
}

export const idempotencyKeyReused = (): ProblemException =>
  new ProblemException({
    status: 422,
    code: 'IDEMPOTENCY_KEY_REUSED',
    title: 'Unprocessable Entity',
    detail:
      'This Idempotency-Key was already used with a different request (another route, resource or body). ' +
      'Use a new key for a new request.',
    errors: [{ field: 'Idempotency-Key', message: 'was already used with a different request' }],
  });

/** 409 while the first request with this key runs (or, for a token order, while its outcome is unknown). */
export const requestInProgress = (retryAfterSeconds: number, what?: string): ProblemException =>
  new ProblemException({
    status: 409,
    code: 'REQUEST_IN_PROGRESS',
    title: 'Conflict',
    detail:
      `A request with this Idempotency-Key is still being processed${what ? ` (${what})` : ''}. ` +
      'Repeat the same request later to get its answer.',
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });

/**
 * The repeat of a request whose outcome at Klarna never came: the completer stopped asking after 20 h (inside
 * Klarna's 24 h idempotency window), so this key sends nothing more and the outcome must be reconciled by hand.
 * `what` names it: `order ord_…`, `operation cap_…`.
 */
export const outcomeUnknown = (what: string): ProblemException =>
  new ProblemException({
    status: 409,
    code: 'OUTCOME_UNKNOWN',
    title: 'Conflict',
    detail:
      `Klarna's answer to ${what} never came and the service stopped asking; reconcile it with Klarna. ` +
      'This Idempotency-Key will not send it again.',
  });
