import type { EntityManager } from '@mikro-orm/postgresql';
import { type ConsentEventRow, type ConsentRow, isoUtc } from '../chain/consent-chain-fields';
import type { AdminConsentDto, AdminConsentEventDto, ConsentFilterDto } from './dto/admin-consent.dto';

/*
 * Plain SQL reads of consent records for the admin API: lists and exports read up to millions of rows, which
 * entity hydration would make several times slower. Rows come back with the column names of
 * consent-chain-fields.ts, so the chain mapping applies to them unchanged.
 */

/** Rows as these reads return them: times as ISO 8601 strings (see isoUtc). */
const ID_CHARS = /^[A-Za-z0-9_]+$/;

export type ConsentRecordRow = ConsentRow & {
  accepted_at: string;
  seq: number;
  prev_hash: string;
  hash: string;
};
export type ConsentEventRecordRow = ConsentEventRow & {
  occurred_at: string;
  seq: number;
  prev_hash: string;
  hash: string;
};

const CONSENT_SELECT = `c.id, c.merchant_id, c.session_id, c.klarna_session_id, c.merchant_customer_id, c.terms_id,
  c.terms_version, c.terms_locale, c.terms_content_sha256, c.accepted, c.acceptance_text, c.ip_address,
  c.user_agent, c.channel, c.locale, ${isoUtc('c.accepted_at')} as accepted_at, c.seq, c.prev_hash, c.hash`;

/** The WHERE clause of a filter (on alias `c`), with its bindings. */
export function filterSql(filter: ConsentFilterDto): { where: string[]; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    where.push(sql);
    params.push(...values);
  };
  if (filter.merchant_id !== undefined) add('c.merchant_id = ?', filter.merchant_id);
  if (filter.merchant_customer_id !== undefined)
    add('c.merchant_customer_id = ?', filter.merchant_customer_id);
  if (filter.customer_token_id !== undefined) {
    add(
      `c.id in (select e.consent_id from consent_events e where e.customer_token_id = ? and e.type = 'linked_to_token')`,
      filter.customer_token_id,
    );
  }
  if (filter.terms_id !== undefined) add('c.terms_id = ?', filter.terms_id);
  if (filter.terms_version !== undefined) add('c.terms_version = ?', filter.terms_version);
  if (filter.from !== undefined) add('c.accepted_at >= ?', new Date(filter.from));
  if (filter.to !== undefined) add('c.accepted_at < ?', new Date(filter.to));
  if (filter.event_type !== undefined) {
    add(
      'exists (select 1 from consent_events e where e.consent_id = c.id and e.type = ?)',
      filter.event_type,
    );
  }
  return { where, params };
}

/**
 * A keyset page, newest first on (accepted_at, id): the rows strictly after the record `afterId` in that
 * order. The cursor is the id alone; its accepted_at is looked up, so the order holds at any precision.
 */
export async function consentPage(
  em: EntityManager,
  filter: ConsentFilterDto,
  afterId: string | undefined,
  limit: number,
): Promise<ConsentRecordRow[]> {
  const { where, params } = filterSql(filter);
  if (afterId !== undefined) {
    where.push('(c.accepted_at, c.id) < ((select k.accepted_at from consents k where k.id = ?), ?)');
    params.push(afterId, afterId);
  }
  const sql = `select ${CONSENT_SELECT} from consents c ${where.length ? `where ${where.join(' and ')}` : ''}
    order by c.accepted_at desc, c.id desc limit ?`;
  return em.getConnection().execute<ConsentRecordRow[]>(sql, [...params, limit]);
}

export async function consentById(em: EntityManager, id: string): Promise<ConsentRecordRow | null> {
  const rows = await em
    .getConnection()
    .execute<ConsentRecordRow[]>(`select ${CONSENT_SELECT} from consents c where c.id = ?`, [id]);
  return rows[0] ?? null;
}

/** The events of these consents, grouped by consent id, each group in chain order. */
export async function eventsOf(
  em: EntityManager,
  consentIds: string[],
): Promise<Map<string, ConsentEventRecordRow[]>> {
  const byConsent = new Map<string, ConsentEventRecordRow[]>();
  if (consentIds.length === 0) return byConsent;
  // One array parameter (ids are [a-z_0-9A-Z] only, so a literal is safe): cheaper to plan than 1000 params.
  const rows = await em.getConnection().execute<ConsentEventRecordRow[]>(
    `select id, consent_id, merchant_id, type, customer_token_id, authorization_id,
       ${isoUtc('occurred_at')} as occurred_at, seq, prev_hash, hash
     from consent_events where consent_id = any(?::text[]) order by merchant_id, seq`,
    [`{${consentIds.filter((id) => ID_CHARS.test(id)).join(',')}}`],
  );
  for (const row of rows) {
    const list = byConsent.get(row.consent_id);
    if (list) list.push(row);
    else byConsent.set(row.consent_id, [row]);
  }
  return byConsent;
}

export function toEventDto(e: ConsentEventRecordRow): AdminConsentEventDto {
  return {
    id: e.id,
    type: e.type,
    customer_token_id: e.customer_token_id,
    authorization_id: e.authorization_id,
    occurred_at: e.occurred_at,
    seq: e.seq,
    prev_hash: e.prev_hash,
    hash: e.hash,
  };
}

export function toConsentDto(c: ConsentRecordRow, events: ConsentEventRecordRow[]): AdminConsentDto {
  const linked = events.find((e) => e.type === 'linked_to_token');
  return {
    id: c.id,
    merchant_id: c.merchant_id,
    session_id: c.session_id,
    klarna_session_id: c.klarna_session_id,
    merchant_customer_id: c.merchant_customer_id,
    terms_id: c.terms_id,
    terms_version: c.terms_version,
    terms_locale: c.terms_locale,
    terms_content_sha256: c.terms_content_sha256,
    accepted: c.accepted,
    acceptance_text: c.acceptance_text,
    ip_address: c.ip_address,
    user_agent: c.user_agent,
    channel: c.channel,
    locale: c.locale,
    accepted_at: c.accepted_at,
    customer_token_id: linked?.customer_token_id ?? null,
    chain: { seq: c.seq, prev_hash: c.prev_hash, hash: c.hash },
    events: events.map(toEventDto),
  };
}
