import type { ChainFields, ChainRow } from './hash-chain';

/*
 * What of a consent record and of a consent event the hash chain covers. Consents and their events share one
 * chain per merchant (seq counts both), so the order of everything that happened to a merchant's consent
 * evidence is fixed, not only each table's own order.
 *
 * `chainFieldsOf` is the ONE mapping from stored columns to hashed fields: the writers (ConsentsService) call
 * it before inserting, verify and the record detail call it on rows read back. The row types name the
 * database columns, so a row selected with `CHAIN_ROWS_SQL` feeds it unchanged. Changing what it returns
 * changes every hash: add a field only together with a record_type version.
 */

/**
 * A time as the chain hashes it: a Date, or the same instant as ISO 8601 UTC with milliseconds, which is how
 * canonical JSON renders a Date (so both hash alike). Raw SQL reads select {@link isoUtc} strings: the ORM's
 * driver hands timestamps over as PostgreSQL text, and parsing a million of them would only cost time.
 */
export type Timestamp = Date | string;

/** SQL for a timestamptz column as ISO 8601 UTC with milliseconds (`2026-03-01T09:00:00.000Z`). */
export const isoUtc = (column: string): string =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** A `consents` row, as stored. */
export interface ConsentRow {
  id: string;
  merchant_id: string;
  session_id: string;
  klarna_session_id: string;
  merchant_customer_id: string | null;
  terms_id: string;
  terms_version: number;
  terms_locale: string;
  terms_content_sha256: string;
  accepted: boolean;
  acceptance_text: string;
  ip_address: string;
  user_agent: string;
  channel: string;
  locale: string;
  accepted_at: Timestamp;
}

/** A `consent_events` row, as stored. */
export interface ConsentEventRow {
  id: string;
  consent_id: string;
  merchant_id: string;
  type: string;
  customer_token_id: string | null;
  authorization_id: string | null;
  occurred_at: Timestamp;
  /**
   * Evidence of who did it, where the consumer did it themselves (a withdrawal in the portal): the channel
   * (`portal`), the browser's IP address and user agent. Null on events the service records on its own.
   */
  channel?: string | null;
  ip_address?: string | null;
  user_agent?: string | null;
}

export type ChainedRecord =
  ({ record_type: 'consent' } & ConsentRow) | ({ record_type: 'consent_event' } & ConsentEventRow);

export function chainFieldsOf(record: ChainedRecord): ChainFields {
  if (record.record_type === 'consent') {
    return {
      record_type: 'consent',
      id: record.id,
      merchant_id: record.merchant_id,
      session_id: record.session_id,
      klarna_session_id: record.klarna_session_id,
      merchant_customer_id: record.merchant_customer_id,
      terms_id: record.terms_id,
      terms_version: record.terms_version,
      terms_locale: record.terms_locale,
      terms_content_sha256: record.terms_content_sha256,
      accepted: record.accepted,
      acceptance_text: record.acceptance_text,
      ip_address: record.ip_address,
      user_agent: record.user_agent,
      channel: record.channel,
      locale: record.locale,
      accepted_at: record.accepted_at,
    };
  }
  const fields: ChainFields = {
    record_type: 'consent_event',
    id: record.id,
    consent_id: record.consent_id,
    merchant_id: record.merchant_id,
    type: record.type,
    customer_token_id: record.customer_token_id,
    authorization_id: record.authorization_id,
    occurred_at: record.occurred_at,
  };
  // An event with the consumer's evidence is a record of its own kind (version 2 of consent_event): the three
  // fields are hashed only there, so every event recorded before they existed keeps its hash.
  if (record.channel == null) return fields;
  return {
    ...fields,
    record_type: 'consent_event.v2',
    channel: record.channel,
    ip_address: record.ip_address ?? null,
    user_agent: record.user_agent ?? null,
  };
}

/** A row of CHAIN_ROWS_SQL: the union of both tables with the chain columns. */
export type ChainedDbRow = ChainedRecord & { seq: number; prev_hash: string; hash: string };

export const CONSENT_COLUMNS =
  'id, merchant_id, session_id, klarna_session_id, merchant_customer_id, terms_id, terms_version, terms_locale, ' +
  'terms_content_sha256, accepted, acceptance_text, ip_address, user_agent, channel, locale, ' +
  `${isoUtc('accepted_at')} as accepted_at`;

export function toChainRow(row: ChainedDbRow): ChainRow {
  return { id: row.id, seq: row.seq, prevHash: row.prev_hash, hash: row.hash, fields: chainFieldsOf(row) };
}
