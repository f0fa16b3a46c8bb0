import { Migration } from '@mikro-orm/migrations';

/**
 * One spelling for cancel across the API (issue #17): `canceled`, as subscriptions, webhook deliveries and Stripe
 * already spell it. Customer tokens said `cancelled`; their status, column, event type, stop reason and the
 * event payloads and webhook subscriptions that carry them are rewritten here.
 *
 * Not rewritten, on purpose: the consent chain (`consents`, `consent_events`: hashed, and no value of theirs
 * spells cancel), the audit log (append-only; it keeps the query strings callers sent) and stored idempotent
 * replays (`idempotency_keys.response_body_enc`, encrypted; a replay answers the bytes first sent and the key
 * expires within a day). Klarna's own `CANCELLED` and `TOKEN_CANCELLED` (orders' and cycles' `error_code`,
 * `last_error`) are Klarna's values and stay as Klarna spells them.
 */
export class Migration20261205103547_canceled_spelling extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "customer_tokens" rename column "cancelled_at" to "canceled_at";`);
    this.addSql(`update "customer_tokens" set "status" = 'canceled' where "status" = 'cancelled';`);
    this.addSql(
      `update "subscriptions" set "status_reason" = 'token_canceled' where "status_reason" = 'token_cancelled';`,
    );
    this.renameEventValues('cancelled', 'canceled');
  }

  override async down(): Promise<void> {
    this.renameEventValues('canceled', 'cancelled');
    this.addSql(
      `update "subscriptions" set "status_reason" = 'token_cancelled' where "status_reason" = 'token_canceled';`,
    );
    this.addSql(`update "customer_tokens" set "status" = 'cancelled' where "status" = 'canceled';`);
    this.addSql(`alter table "customer_tokens" rename column "canceled_at" to "cancelled_at";`);
  }

  /** The outbox (type and payload: a token's status and timestamp, a subscription's reason) and subscriptions. */
  private renameEventValues(from: 'cancelled' | 'canceled', to: 'cancelled' | 'canceled'): void {
    this.addSql(
      `update "events" set "type" = 'customer_token.${to}' where "type" = 'customer_token.${from}';`,
    );
    this.addSql(
      `update "events" set "data" = jsonb_set("data", '{status}', '"${to}"')
        where "type" like 'customer_token.%' and "data"->>'status' = '${from}';`,
    );
    this.addSql(
      `update "events" set "data" = ("data" - '${from}_at') || jsonb_build_object('${to}_at', "data"->'${from}_at')
        where "type" like 'customer_token.%' and "data"->'${from}_at' is not null;`,
    );
    this.addSql(
      `update "events" set "data" = jsonb_set("data", '{status_reason}', '"token_${to}"')
        where "type" like 'subscription.%' and "data"->>'status_reason' = 'token_${from}';`,
    );
    this.addSql(
      `update "webhook_endpoints" set "events" = (
         select jsonb_agg(case when e = 'customer_token.${from}' then 'customer_token.${to}' else e end order by i)
           from jsonb_array_elements_text("events") with ordinality as x(e, i))
        where "events" @> '["customer_token.${from}"]';`,
    );
  }
}
