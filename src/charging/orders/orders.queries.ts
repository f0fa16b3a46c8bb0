import type { EntityManager } from '@mikro-orm/postgresql';
import { sql, sqlParams } from '../../common/database/sql';
import { outboxCtes, type OutboxCteInput } from '../../events/outbox-sql';
import type { CustomerTokenStatus } from '../../signup/customer-tokens/customer-token.entity';
import type { KlarnaEnvironment, KlarnaRegion } from '../../klarna/klarna-credentials';
import type { IntendedUse, TermsScope } from '../../signup/terms/terms.entity';
import { AUTHORIZATION_LIFETIME_MS, type RenderedAnswer, type OrderView } from './order-answers';
import type { OrderStatus } from './order.entity';

// Every hand-written statement of token orders (issue #15: one query file per feature, all through sql()).

export interface CredentialColumns {
  klarna_username: string | null;
  klarna_password_enc: string | null;
  klarna_region: KlarnaRegion | null;
  klarna_environment: KlarnaEnvironment | null;
  klarna_base_url: string | null;
}

export interface ClaimRow extends CredentialColumns {
  klarna_token_enc: string;
}

/** The one row {@link OrdersService.lookUp} reads (column names as selected). */
export interface PlaceRow {
  key_request_hash: string | null;
  key_order_id: string | null;
  key_response_status: number | null;
  key_response_content_type: string | null;
  key_response_body: string | null;
  order_status: OrderStatus | null;
  order_klarna_order_id: string | null;
  order_error_code: string | null;
  order_error_message: string | null;
  order_last_error: string | null;
  order_next_attempt_at: string | null;
  token_id: string | null;
  token_status: CustomerTokenStatus | null;
  token_intended_use: IntendedUse | null;
  token_scope: TermsScope | null;
  token_klarna_token_enc: string | null;
  token_consent_id: string | null;
  /** The capture policy of the terms version the token's consent accepted (null: not set). */
  terms_auto_capture: boolean | null;
  withdrawn: boolean;
  merchant_id: string | null;
  klarna_username: string | null;
  klarna_password_enc: string | null;
  klarna_region: KlarnaRegion | null;
  klarna_environment: KlarnaEnvironment | null;
  klarna_base_url: string | null;
}

/**
 * The idempotency key (with its order) and everything a new order needs: the token with its consent, scope and
 * the capture policy of the consented terms, whether that consent was withdrawn, and the merchant's Klarna
 * credentials. One statement, because
 * this runs on every order; always one row (the token columns are null for an unknown or foreign token).
 */
export async function lookUpPlacement(
  em: EntityManager,
  merchantId: string,
  customerTokenId: string,
  idempotencyKey: string,
  visibleTokenStatuses: readonly string[],
): Promise<PlaceRow> {
  const rows = await sql<PlaceRow>(
    em,
    `select k.request_hash as key_request_hash, k.order_id as key_order_id,
              k.response_status as key_response_status, k.response_content_type as key_response_content_type,
              k.response_body as key_response_body,
              o.status as order_status, o.klarna_order_id as order_klarna_order_id,
              o.error_code as order_error_code, o.error_message as order_error_message,
              o.last_error as order_last_error, o.next_attempt_at as order_next_attempt_at,
              t.id as token_id, t.status as token_status, t.intended_use as token_intended_use,
              t.scope as token_scope, t.klarna_token_enc as token_klarna_token_enc, t.consent_id as token_consent_id,
              exists (select 1 from consent_events e where e.consent_id = t.consent_id and e.type = 'withdrawn')
                as withdrawn,
              (select tr.auto_capture from consents c join terms tr on tr.id = c.terms_id where c.id = t.consent_id)
                as terms_auto_capture,
              m.id as merchant_id, m.klarna_username, m.klarna_password_enc, m.klarna_region,
              m.klarna_environment, m.klarna_base_url
         from (select $1::text as id) wanted
         left join merchants m on m.id = wanted.id
         left join customer_tokens t on t.id = $2 and t.merchant_id = wanted.id and t.status = any($4)
         left join idempotency_keys k on k.merchant_id = wanted.id and k.key = $3
         left join orders o on o.id = k.order_id`,
    [merchantId, customerTokenId, idempotencyKey, visibleTokenStatuses],
  );
  return rows[0];
}

/**
 * Claims the idempotency key and commits the first attempt in one statement, re-checking in SQL that the token
 * is still chargeable (status, withdrawal, credentials). `params` in the order of the placeholders: merchant id,
 * key, request hash, order id, now, key expiry, token id, consent id, subscription id, Klarna idempotency key,
 * request id, currency, amount, tax amount, merchant references 1 and 2, Klarna request body (JSON), next attempt.
 */
export async function claimTokenOrder(em: EntityManager, params: unknown[]): Promise<ClaimRow[]> {
  return sql<ClaimRow>(
    em,
    `with chargeable as (
           select t.klarna_token_enc, m.klarna_username, m.klarna_password_enc, m.klarna_region,
                  m.klarna_environment, m.klarna_base_url
             from customer_tokens t join merchants m on m.id = t.merchant_id
            where t.id = $7 and t.merchant_id = $1 and t.status = 'active' and t.consent_id = $8
              and not exists (select 1 from consent_events e where e.consent_id = t.consent_id and e.type = 'withdrawn')
              and m.klarna_username is not null and m.klarna_password_enc is not null
              and m.klarna_region is not null and m.klarna_environment is not null),
         claimed as (
           insert into idempotency_keys (merchant_id, key, request_hash, order_id, created_at, expires_at)
           select $1, $2, $3, $4, $5, $6 from chargeable
           on conflict do nothing returning order_id),
         placed as (
           insert into orders (id, merchant_id, customer_token_id, consent_id, subscription_id, idempotency_key,
                               klarna_idempotency_key, request_id, status, purchase_currency, order_amount,
                               order_tax_amount, merchant_reference1, merchant_reference2, klarna_request, attempts,
                               next_attempt_at, created_at, updated_at, auto_capture)
           select order_id, $1, $7, $8, $9, $2, $10, $11, 'unknown', $12, $13, $14, $15, $16, $17::jsonb, 1, $18, $5, $5,
                  coalesce(($17::jsonb ->> 'auto_capture')::boolean, false)
             from claimed
           returning id)
         select chargeable.* from chargeable where exists (select 1 from placed)`,
    params,
  );
}

/** Gives the key back when Klarna certainly never saw this attempt (and nobody took it over meanwhile). */
export async function releaseAttempt(em: EntityManager, orderId: string, attempt: number): Promise<boolean> {
  const rows = await sql<{ id: string }>(
    em,
    `with released as (
         delete from orders where id = $1 and status = 'unknown' and attempts = $2 returning id)
       delete from idempotency_keys where order_id in (select id from released) returning order_id as id`,
    [orderId, attempt],
  );
  return rows.length > 0;
}

/**
 * Records a definite outcome, its replayable answer and its outbox event in one statement (see
 * OrderAttempts.record for why this one commit does not wait for the WAL flush). True when this call won.
 */
export async function recordOutcome(
  em: EntityManager,
  order: OrderView,
  answer: RenderedAnswer,
  now: Date,
  event: OutboxCteInput,
): Promise<boolean> {
  const { values, p } = sqlParams();
  const finalized = `commit_mode as (select set_config('synchronous_commit', 'off', true)),
      ${finalizedCtes(p, order, answer, now)}`;
  const { ctes } = outboxCtes(p, event, now);
  const [{ won }] = await sql<{ won: number }>(
    em,
    `with ${finalized}, ${ctes}
       select (select count(*) from o)::int as won, (select count(*) from commit_mode)::int as commit_mode`,
    values,
  );
  return won === 1;
}

/** The outcome inside the caller's transaction (its event is emitted there too). True when this call won. */
export async function recordOutcomeInTransaction(
  tx: EntityManager,
  order: OrderView,
  answer: RenderedAnswer,
  now: Date,
): Promise<boolean> {
  const { values, p } = sqlParams();
  const [{ won }] = await sql<{ won: number }>(
    tx,
    `with ${finalizedCtes(p, order, answer, now)} select (select count(*) from o)::int as won`,
    values,
  );
  return won === 1;
}

/**
 * The CTEs `o` (the order, only while still unknown) and `k` (the answer every replay gets, only if `o` won) that
 * record a definite outcome; `p` adds a parameter and returns its placeholder.
 */
function finalizedCtes(
  p: (value: unknown) => string,
  order: OrderView,
  answer: RenderedAnswer,
  now: Date,
): string {
  const placed = order.status === 'accepted' || order.status === 'pending';
  return `
    o as (
      update orders set status = ${p(order.status)}, klarna_order_id = ${p(order.klarnaOrderId)},
             fraud_status = ${p(order.fraudStatus)},
             authorized_payment_method = ${p(jsonOrNull(order.authorizedPaymentMethod))}::jsonb,
             redirect_url = ${p(order.redirectUrl)},
             error_code = ${p(order.errorCode)}, error_message = ${p(order.errorMessage)},
             klarna_correlation_id = ${p(order.klarnaCorrelationId)}, next_attempt_at = null, last_error = null,
             completed_at = ${p(now)}, updated_at = ${p(now)},
             captured_amount = case when ${p(placed)} and auto_capture then order_amount else 0 end,
             authorization_expires_at = ${p(placed ? new Date(now.getTime() + AUTHORIZATION_LIFETIME_MS) : null)}::timestamptz
       where id = ${p(order.id)} and status = 'unknown' returning id),
    k as (
      update idempotency_keys set response_status = ${p(answer.status)},
             response_content_type = ${p(answer.contentType)}, response_body = ${p(answer.body)}
       where merchant_id = ${p(order.merchantId)} and key = ${p(order.idempotencyKey)}
         and order_id in (select id from o) returning 1)`;
}

const jsonOrNull = (value: unknown): string | null => (value == null ? null : JSON.stringify(value));

/** `last_error` of an unknown order the completer stopped retrying. */
export const GAVE_UP = 'gave_up';

/** Unknown orders past the give-up age: no longer retried (a retry could fall outside Klarna's window). */
export function abandonOverdueOrders(
  em: EntityManager,
  now: Date,
  giveUpBefore: Date,
): Promise<{ id: string }[]> {
  return sql<{ id: string }>(
    em,
    `update orders set next_attempt_at = null, last_error = $4, updated_at = $1
        where status = 'unknown' and next_attempt_at <= $2 and created_at <= $3 returning id`,
    [now, now, giveUpBefore, GAVE_UP],
  );
}

/** Leases up to `batch` due unknown orders to this instance (SKIP LOCKED), counting the attempt. */
export function claimDueOrders(
  em: EntityManager,
  leaseUntil: Date,
  now: Date,
  batch: number,
): Promise<{ id: string; attempts: number }[]> {
  return sql<{ id: string; attempts: number }>(
    em,
    `update orders set attempts = attempts + 1, next_attempt_at = $1, updated_at = $2
        where id in (select id from orders
                      where status = 'unknown' and next_attempt_at <= $3
                      order by next_attempt_at limit $4 for update skip locked)
        returning id, attempts`,
    [leaseUntil, now, now, batch],
  );
}
