/**
 * Every envelope-encrypted column of the database, with the associated data (AAD) its values are bound to. The
 * one list: each writer and reader takes its AAD from here (so a value is always bound the same way), and
 * `rotate-keys` (operations/key-rotation) re-wraps exactly these columns. A test lists every `*_enc` column of
 * the schema and fails when one is missing here (test/foundation/encrypted-columns.e2e-spec.ts).
 */
export interface EncryptedColumn {
  table: string;
  column: string;
  /** The row's primary key columns, in the order `aad` takes their values. */
  key: readonly string[];
  /** The associated data of the row with these key values. */
  aad: (...keyValues: string[]) => string;
}

export const ENCRYPTED_COLUMNS = {
  /** The merchant's Klarna API password. */
  merchantKlarnaPassword: {
    table: 'merchants',
    column: 'klarna_password_enc',
    key: ['id'],
    aad: (merchantId: string) => `merchant:${merchantId}:klarna_password`,
  },
  /** The Klarna Payments session's client token. */
  sessionClientToken: {
    table: 'sessions',
    column: 'client_token_enc',
    key: ['id'],
    aad: (sessionId: string) => `session:${sessionId}:client_token`,
  },
  /** The consumer's authorization token. */
  authorizationToken: {
    table: 'authorizations',
    column: 'token_enc',
    key: ['id'],
    aad: (authorizationId: string) => authorizationId,
  },
  /** Klarna's customer token id. */
  customerTokenKlarnaId: {
    table: 'customer_tokens',
    column: 'klarna_token_enc',
    key: ['id'],
    aad: (customerTokenId: string) => customerTokenId,
  },
  /** The webhook endpoint's signing secret. */
  webhookSecret: {
    table: 'webhook_endpoints',
    column: 'secret_enc',
    key: ['id'],
    aad: (endpointId: string) => endpointId,
  },
  /** The signing secret before the last rotation, for the overlap window (the same ciphertext, moved). */
  webhookPreviousSecret: {
    table: 'webhook_endpoints',
    column: 'previous_secret_enc',
    key: ['id'],
    aad: (endpointId: string) => endpointId,
  },
  /** A finished idempotent request's answer (it can hold a secret shown once). */
  idempotentAnswer: {
    table: 'idempotency_keys',
    column: 'response_body_enc',
    key: ['merchant_id', 'key'],
    aad: (scope: string, key: string) => `idempotency_keys:${scope}\u001f${key}`,
  },
} as const satisfies Record<string, EncryptedColumn>;

export const ENCRYPTED_COLUMN_LIST: readonly EncryptedColumn[] = Object.values(ENCRYPTED_COLUMNS);
