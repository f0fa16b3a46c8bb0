import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, sqlParams } from '../../../common/database/sql';
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

/** The WHERE clause of a filter (on alias `c`); `p` adds a parameter and returns its placeholder. */
export function filterSql(filter: ConsentFilterDto, p: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (filter.merchant_id !== undefined) where.push(`c.merchant_id = ${p(filter.merchant_id)}`);
  if (filter.merchant_customer_id !== undefined)
    where.push(`c.merchant_customer_id = ${p(filter.merchant_customer_id)}`);
  if (filter.customer_token_id !== undefined) {
    where.push(
      `c.id in (select e.consent_id from consent_events e where e.customer_token_id = ${p(filter.customer_token_id)} and e.type = 'linked_to_token')`,
    );
  }
  if (filter.terms_id !== undefined) where.push(`c.terms_id = ${p(filter.terms_id)}`);
  if (filter.terms_version !== undefined) where.push(`c.terms_version = ${p(filter.terms_version)}`);
  if (filter.from !== undefined) where.push(`c.accepted_at >= ${p(new Date(filter.from))}`);
  if (filter.to !== undefined) where.push(`c.accepted_at < ${p(new Date(filter.to))}`);
  if (filter.event_type !== undefined) {
    where.push(
      `exists (select 1 from consent_events e where e.consent_id = c.id and e.type = ${p(filter.event_type)})`,
    );
  }
  return where;
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
  const { values, p } = sqlParams();
  const where = filterSql(filter, p);
  if (afterId !== undefined) {
    const after = p(afterId);
    where.push(
      `(c.accepted_at, c.id) < ((select k.accepted_at from consents k where k.id = ${after}), ${after})`,
    );
  }
  return sql<ConsentRecordRow>(
    em,
    `select ${CONSENT_SELECT} from consents c ${where.length ? `where ${where.join(' and ')}` : ''}
    order by c.accepted_at desc, c.id desc limit ${p(limit)}`,
    values,
  );
}

export async function consentById(em: EntityManager, id: string): Promise<ConsentRecordRow | null> {
  const rows = await sql<ConsentRecordRow>(em, `select ${CONSENT_SELECT} from consents c where c.id = $1`, [
    id,
  ]);
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
  const rows = await sql<ConsentEventRecordRow>(
    em,
    `select id, consent_id, merchant_id, type, customer_token_id, authorization_id, channel, ip_address,
       user_agent, ${isoUtc('occurred_at')} as occurred_at, seq, prev_hash, hash
     from consent_events where consent_id = any($1::text[]) order by merchant_id, seq`,
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
    channel: e.channel ?? null,
    ip_address: e.ip_address ?? null,
    user_agent: e.user_agent ?? null,
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

/** The records next to `seq` in a merchant's chain (both tables): seq - 1 and seq + 1. */
export function chainNeighbours(
  em: EntityManager,
  merchantId: string,
  seq: number,
): Promise<Array<{ seq: number; prev_hash: string; hash: string }>> {
  return sql<{ seq: number; prev_hash: string; hash: string }>(
    em,
    `select seq, prev_hash, hash from consents where merchant_id = $1 and seq in ($2, $3)
     union all select seq, prev_hash, hash from consent_events where merchant_id = $1 and seq in ($2, $3)`,
    [merchantId, seq - 1, seq + 1],
  );
}

/** Merchant ids after `after` in id order, a page at a time. */
export function merchantIdsAfter(
  em: EntityManager,
  after: string,
  limit: number,
): Promise<Array<{ id: string }>> {
  return sql<{ id: string }>(em, 'select id from merchants where id > $1 order by id limit $2', [
    after,
    limit,
  ]);
}
