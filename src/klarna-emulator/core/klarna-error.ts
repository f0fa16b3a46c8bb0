export interface KlarnaErrorBody {
  error_code: string;
  error_messages: string[];
  correlation_id: string;
  [extra: string]: unknown;
}

/** An error answer in Klarna's shape (REFERENCE §11); the correlation id is filled in when the answer is written. */
export class KlarnaError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    readonly messages: string[],
    private readonly replayBody?: KlarnaErrorBody,
  ) {
    super(`${errorCode}: ${messages.join('; ')}`);
  }

  static badValue(path: string): KlarnaError {
    return new KlarnaError(400, 'BAD_VALUE', [`Bad value: ${path}`]);
  }

  static badRequest(message: string): KlarnaError {
    return new KlarnaError(400, 'BAD_REQUEST', [message]);
  }

  static notFound(message: string, errorCode = 'NOT_FOUND'): KlarnaError {
    return new KlarnaError(404, errorCode, [message]);
  }

  /** An idempotent replay answers with the stored body verbatim. */
  static replay(status: number, body: KlarnaErrorBody): KlarnaError {
    return new KlarnaError(status, body.error_code, body.error_messages, body);
  }

  body(correlationId: string): KlarnaErrorBody {
    return (
      this.replayBody ?? {
        error_code: this.errorCode,
        error_messages: this.messages,
        correlation_id: correlationId,
      }
    );
  }
}
