import { Migration } from '@mikro-orm/migrations';
import {
  chainFieldsOf,
  type ChainedRecord,
  isoUtc,
} from '../../../signup/consents/chain/consent-chain-fields';
import { chainHash, GENESIS_HASH } from '../../../signup/consents/chain/hash-chain';

export class Migration20261129113343_consent_chain extends Migration {
  override async up(): Promise<void> {
    // Columns nullable first, so that rows written before the chain existed can be chained (below) before the
    // constraints land. `execute` runs now; `addSql` statements run after up() returns, in order.
    await this.execute(
      `alter table "consents" add column "seq" int null, add column "prev_hash" text null, add column "hash" text null;`,
    );
    await this.execute(
      `alter table "consent_events" add column "authorization_id" text null, add column "seq" int null, add column "prev_hash" text null, add column "hash" text null;`,
    );
    await this.chainExistingRows();

    this.addSql(
      `alter table "consents" alter column "seq" set not null, alter column "prev_hash" set not null, alter column "hash" set not null;`,
    );
    this.addSql(
      `alter table "consent_events" alter column "seq" set not null, alter column "prev_hash" set not null, alter column "hash" set not null;`,
    );
    this.addSql(
      `create index "consents_terms_id_accepted_at_id_index" on "consents" ("terms_id", "accepted_at", "id");`,
    );
    this.addSql(
      `create index "consents_merchant_id_merchant_customer_id_accepted_at_id_index" on "consents" ("merchant_id", "merchant_customer_id", "accepted_at", "id");`,
    );
    this.addSql(
      `create index "consents_merchant_id_accepted_at_id_index" on "consents" ("merchant_id", "accepted_at", "id");`,
    );
    this.addSql(`create index "consents_accepted_at_id_index" on "consents" ("accepted_at", "id");`);
    this.addSql(
      `alter table "consents" add constraint "consents_merchant_id_seq_unique" unique ("merchant_id", "seq");`,
    );
    this.addSql(
      `create index "consent_events_type_consent_id_index" on "consent_events" ("type", "consent_id");`,
    );
    this.addSql(
      `create index "consent_events_customer_token_id_index" on "consent_events" ("customer_token_id");`,
    );
    this.addSql(
      `alter table "consent_events" add constraint "consent_events_merchant_id_seq_unique" unique ("merchant_id", "seq");`,
    );

    // Consent evidence is append-only for the application's role, and for everyone while triggers are on.
    this.addSql(`select autopay_make_append_only('consents');`);
    this.addSql(`select autopay_make_append_only('consent_events');`);

    // A consent points at its terms by id and content hash; the text it names must stay the text that was
    // accepted. Drafts stay editable; a published version can be neither changed nor removed.
    this
      .addSql(`create or replace function autopay_reject_published_terms_change() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or row(new.*) is distinct from row(old.*) then
    raise exception 'terms % are published: % is not allowed', old.id, tg_op
      using hint = 'Published terms never change; publish a new version instead.';
  end if;
  return new;
end $$;`);
    this.addSql(
      `create trigger terms_published_immutable before update or delete on "terms" for each row when (old.status = 'published') execute function autopay_reject_published_terms_change();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists terms_published_immutable on "terms";`);
    this.addSql(`drop function if exists autopay_reject_published_terms_change();`);
    this.addSql(`drop trigger if exists append_only_row on "consent_events";`);
    this.addSql(`drop trigger if exists append_only_truncate on "consent_events";`);
    this.addSql(`drop trigger if exists append_only_row on "consents";`);
    this.addSql(`drop trigger if exists append_only_truncate on "consents";`);
    this.addSql(`grant update, delete on "consents", "consent_events" to autopay_app;`);

    this.addSql(`drop index "consent_events_type_consent_id_index";`);
    this.addSql(`drop index "consent_events_customer_token_id_index";`);
    this.addSql(`alter table "consent_events" drop constraint "consent_events_merchant_id_seq_unique";`);
    this.addSql(
      `alter table "consent_events" drop column "authorization_id", drop column "seq", drop column "prev_hash", drop column "hash";`,
    );

    this.addSql(`drop index "consents_terms_id_accepted_at_id_index";`);
    this.addSql(`drop index "consents_merchant_id_merchant_customer_id_accepted_at_id_index";`);
    this.addSql(`drop index "consents_merchant_id_accepted_at_id_index";`);
    this.addSql(`drop index "consents_accepted_at_id_index";`);
    this.addSql(`alter table "consents" drop constraint "consents_merchant_id_seq_unique";`);
    this.addSql(`alter table "consents" drop column "seq", drop column "prev_hash", drop column "hash";`);
    this.addSql(`delete from "chain_heads";`);
  }

  /**
   * Chains the rows that predate the chain (development databases), per merchant in the order they happened,
   * with the same field mapping as the service, and sets each merchant's head. One merchant at a time.
   */
  private async chainExistingRows(): Promise<void> {
    const merchants = (await this.execute(
      `select merchant_id from consents union select merchant_id from consent_events order by 1`,
    )) as Array<{ merchant_id: string }>;
    for (const { merchant_id: merchantId } of merchants) {
      const consents = (await this.execute(
        `select 'consent' as record_type, id, merchant_id, session_id, klarna_session_id, merchant_customer_id,
           terms_id, terms_version, terms_locale, terms_content_sha256, accepted, acceptance_text, ip_address,
           user_agent, channel, locale, ${isoUtc('accepted_at')} as accepted_at from consents where merchant_id = ?`,
        [merchantId],
      )) as ChainedRecord[];
      const events = (await this.execute(
        `select 'consent_event' as record_type, id, consent_id, merchant_id, type, customer_token_id,
           authorization_id, ${isoUtc('occurred_at')} as occurred_at from consent_events where merchant_id = ?`,
        [merchantId],
      )) as ChainedRecord[];
      const at = (r: ChainedRecord) => new Date(r.record_type === 'consent' ? r.accepted_at : r.occurred_at);
      // A consent before its own events; otherwise by time, then by id (time-ordered too).
      const ordered = [...consents, ...events].sort(
        (a, b) =>
          at(a).getTime() - at(b).getTime() ||
          (a.record_type === b.record_type ? 0 : a.record_type === 'consent' ? -1 : 1) ||
          (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      let prevHash = GENESIS_HASH;
      let seq = 0;
      for (const record of ordered) {
        seq++;
        const hash = chainHash(prevHash, seq, chainFieldsOf(record));
        const table = record.record_type === 'consent' ? 'consents' : 'consent_events';
        await this.execute(`update "${table}" set seq = ?, prev_hash = ?, hash = ? where id = ?`, [
          seq,
          prevHash,
          hash,
          record.id,
        ]);
        prevHash = hash;
      }
      await this.execute(
        `insert into chain_heads (merchant_id, seq, head_hash, updated_at) values (?, ?, ?, now())
         on conflict (merchant_id) do update set seq = excluded.seq, head_hash = excluded.head_hash, updated_at = now()`,
        [merchantId, seq, prevHash],
      );
    }
  }
}
