import type { EntityManager } from '@mikro-orm/postgresql';
import { ASYNC_COMMIT_CTE, ASYNC_COMMIT_READ, sql, sqlParams } from '../../common/database/sql';
import { outboxManyCtes, type OutboxManyInput } from '../../events/outbox-sql';
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
  order_id: string;
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

/** One order to claim: its key, and the order row committed (status `unknown`, leased) before Klarna is called. */
export interface OrderClaim {
  orderId: string;
  merchantId: string;
  idempotencyKey: string;
  requestHash: string;
  /** When the key may be forgotten. */
  keyExpiresAt: Date;
  customerTokenId: string;
  consentId: string;
  subscriptionId: string | null;
  klarnaIdempotencyKey: string;
  requestId: string;
  currency: string;
  amount: number;
  taxAmount: number;
  merchantReference1: string | null;
  merchantReference2: string | null;
  /** The Klarna request body, as JSON: stored, and re-sent on every retry. */
  klarnaRequest: string;
  nextAttemptAt: Date;
}

/**
 * Claims idempotency keys and commits first attempts in one statement, one order or a batch (a subscription
 * run's chunk): each key, and its order only if the key was still free AND the token is still active, its consent
 * not withdrawn and the merchant's credentials set (re-checked in SQL). Returns, per order it claimed, what the
 * call to Klarna needs; an order it did not claim is not in the answer.
 */
export async function claimTokenOrders(
  em: EntityManager,
  claims: OrderClaim[],
  now: Date,
): Promise<ClaimRow[]> {
  const { values, p } = sqlParams();
  const at = p(now);
  const rows = claims.map(
    (c) =>
      `(${p(c.orderId)}::text, ${p(c.merchantId)}::text, ${p(c.idempotencyKey)}::text, ${p(c.requestHash)}::text,
        ${p(c.keyExpiresAt)}::timestamptz, ${p(c.customerTokenId)}::text, ${p(c.consentId)}::text,
        ${p(c.subscriptionId)}::text, ${p(c.klarnaIdempotencyKey)}::text, ${p(c.requestId)}::text,
        ${p(c.currency)}::text, ${p(c.amount)}::bigint, ${p(c.taxAmount)}::bigint, ${p(c.merchantReference1)}::text,
        ${p(c.merchantReference2)}::text, ${p(c.klarnaRequest)}::jsonb, ${p(c.nextAttemptAt)}::timestamptz)`,
  );
  return sql<ClaimRow>(
    em,
    `with wanted (order_id, merchant_id, key, request_hash, key_expires_at, token_id, consent_id, subscription_id,
                  klarna_key, request_id, currency, amount, tax_amount, reference1, reference2, klarna_request,
                  next_attempt_at) as (values ${rows.join(', ')}),
         chargeable as (
           select w.order_id, t.klarna_token_enc, m.klarna_username, m.klarna_password_enc, m.klarna_region,
                  m.klarna_environment, m.klarna_base_url
             from wanted w
             join customer_tokens t on t.id = w.token_id and t.merchant_id = w.merchant_id
             join merchants m on m.id = t.merchant_id
            where t.status = 'active' and t.consent_id = w.consent_id
              and not exists (select 1 from consent_events e where e.consent_id = t.consent_id and e.type = 'withdrawn')
              and m.klarna_username is not null and m.klarna_password_enc is not null
              and m.klarna_region is not null and m.klarna_environment is not null),
         claimed as (
           insert into idempotency_keys (merchant_id, key, request_hash, order_id, created_at, expires_at)
           select w.merchant_id, w.key, w.request_hash, w.order_id, ${at}, w.key_expires_at
             from wanted w join chargeable c on c.order_id = w.order_id
           on conflict do nothing returning order_id),
         placed as (
           insert into orders (id, merchant_id, customer_token_id, consent_id, subscription_id, idempotency_key,
                               klarna_idempotency_key, request_id, status, purchase_currency, order_amount,
                               order_tax_amount, merchant_reference1, merchant_reference2, klarna_request, attempts,
                               next_attempt_at, created_at, updated_at, auto_capture)
           select w.order_id, w.merchant_id, w.token_id, w.consent_id, w.subscription_id, w.key, w.klarna_key,
                  w.request_id, 'unknown', w.currency, w.amount, w.tax_amount, w.reference1, w.reference2,
                  w.klarna_request, 1, w.next_attempt_at, ${at}, ${at},
                  coalesce((w.klarna_request ->> 'auto_capture')::boolean, false)
             from wanted w join claimed k on k.order_id = w.order_id
           returning id)
         select c.* from chargeable c where c.order_id in (select id from placed)`,
    values,
  );
}

/**
 * Gives the key back when Klarna certainly never saw this attempt (and nobody took it over meanwhile). The status is
 * compared to `(select 'unknown')`, not to the constant, so that only the primary key finds the order (see
 * finalizedCtes).
 */
export async function releaseAttempt(em: EntityManager, orderId: string, attempt: number): Promise<boolean> {
  const rows = await sql<{ id: string }>(
    em,
    `with released as (
         delete from orders where id = $1 and status = (select 'unknown') and attempts = $2 returning id)
       delete from idempotency_keys where order_id in (select id from released) returning order_id as id`,
    [orderId, attempt],
  );
  return rows.length > 0;
}

/**
 * Sets when an order whose outcome is still unknown is tried again (only while this attempt still holds it). The
 * status is compared to `(select 'unknown')`, not to the constant, so that only the primary key finds the order
 * (see finalizedCtes).
 */
export async function rescheduleUnknown(
  em: EntityManager,
  orderId: string,
  attempt: number,
  change: { nextAttemptAt: Date; lastError: string; now: Date },
): Promise<void> {
  await sql(
    em,
    `update orders set next_attempt_at = $3, last_error = $4, updated_at = $5
      where id = $1 and status = (select 'unknown') and attempts = $2`,
    [orderId, attempt, change.nextAttemptAt, change.lastError, change.now],
  );
}

/** A definite outcome to record: the order as it ends, and the answer every replay of its key gets. */
export interface FinalOutcome {
  order: OrderView;
  answer: RenderedAnswer;
  /** Its outbox event (`whenKey` is the order id: the event is written only when the order was still unknown). */
  event: OutboxManyInput;
}

/**
 * Records definite outcomes, their replayable answers and their outbox events in one statement (see
 * OrderAttempts.record for why this one commit does not wait for the WAL flush): one order, or a batch of them (a
 * subscription run), in one round trip. Returns the ids of the orders this call finalized (an order another
 * recorder finalized first is left alone).
 */
export async function recordOutcomes(
  em: EntityManager,
  outcomes: FinalOutcome[],
  now: Date,
): Promise<Set<string>> {
  const { values, p } = sqlParams();
  const finalized = `${ASYNC_COMMIT_CTE},
      ${finalizedCtes(p, outcomes, now)}`;
  const { ctes } = outboxManyCtes(
    p,
    outcomes.map((o) => o.event),
    now,
    { cte: 'o', column: 'id' },
  );
  const rows = await sql<{ id: string }>(
    em,
    `with ${finalized}, ${ctes}
       select id from o where ${ASYNC_COMMIT_READ}`,
    values,
  );
  return new Set(rows.map((r) => r.id));
}

/** The outcome inside the caller's transaction (its event is emitted there too). True when this call won. */
export async function recordOutcomeInTransaction(
  tx: EntityManager,
  order: OrderView,
  answer: RenderedAnswer,
  now: Date,
): Promise<boolean> {
  const { values, p } = sqlParams();
  const rows = await sql<{ id: string }>(
    tx,
    `with ${finalizedCtes(p, [{ order, answer }], now)} select id from o`,
    values,
  );
  return rows.length === 1;
}

/**
 * The CTEs `o` (each order, only while still unknown; returns its id) and `k` (the answer every replay gets,
 * only for an order `o` finalized) that record definite outcomes; `p` adds a parameter and returns its `$n`.
 */
function finalizedCtes(
  p: (value: unknown) => string,
  outcomes: Pick<FinalOutcome, 'order' | 'answer'>[],
  now: Date,
): string {
  const at = p(now);
  const authorizationExpiresAt = p(new Date(now.getTime() + AUTHORIZATION_LIFETIME_MS));
  const rows = outcomes.map(({ order, answer }) => {
    const placed = order.status === 'accepted' || order.status === 'pending';
    return `(${p(order.id)}::text, ${p(order.status)}::text, ${p(order.klarnaOrderId)}::text,
             ${p(order.fraudStatus)}::text, ${p(jsonOrNull(order.authorizedPaymentMethod))}::jsonb,
             ${p(order.redirectUrl)}::text, ${p(order.errorCode)}::text, ${p(order.errorMessage)}::text,
             ${p(order.klarnaCorrelationId)}::text, ${p(placed)}::boolean, ${p(order.merchantId)}::text,
             ${p(order.idempotencyKey)}::text, ${p(answer.status)}::int, ${p(answer.contentType)}::text,
             ${p(answer.body)}::text)`;
  });
  // The status is compared to `(select 'unknown')`, a value the planner learns only when the statement runs: against
  // the constant it reached the orders through the partial index of unknown orders, which under load holds thousands
  // of dead entries between vacuums (issue #16, measured: 5.7 of 6.6 ms per batch of 16 in a subscription run,
  // growing with the run). Without a constant to match the index's predicate, only the primary key finds them.
  return `
    v (id, status, klarna_order_id, fraud_status, authorized_payment_method, redirect_url, error_code, error_message,
       klarna_correlation_id, placed, merchant_id, key, response_status, response_content_type, response_body)
      as (values ${rows.join(', ')}),
    o as (
      update orders set status = v.status, klarna_order_id = v.klarna_order_id, fraud_status = v.fraud_status,
             authorized_payment_method = v.authorized_payment_method, redirect_url = v.redirect_url,
             error_code = v.error_code, error_message = v.error_message,
             klarna_correlation_id = v.klarna_correlation_id, next_attempt_at = null, last_error = null,
             completed_at = ${at}, updated_at = ${at},
             captured_amount = case when v.placed and orders.auto_capture then orders.order_amount else 0 end,
             authorization_expires_at = case when v.placed then ${authorizationExpiresAt}::timestamptz end
        from v
       where orders.id = v.id and orders.status = (select 'unknown') returning orders.id),
    k as (
      update idempotency_keys ik set response_status = v.response_status,
             response_content_type = v.response_content_type, response_body = v.response_body
        from v
       where ik.merchant_id = v.merchant_id and ik.key = v.key and ik.order_id = v.id
         and v.id in (select id from o) returning 1)`;
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
