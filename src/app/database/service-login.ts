import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { APP_DB_ROLE } from './mikro-orm.config';

/** The login role the service connects as when it manages the database itself (embedded PostgreSQL). */
export const SERVICE_LOGIN_ROLE = 'autopay_service';

/**
 * Makes {@link SERVICE_LOGIN_ROLE} a login role that is a member of {@link APP_DB_ROLE} and nothing more (not a
 * superuser, no CREATEROLE/CREATEDB/REPLICATION/BYPASSRLS) with `password`, on the server of `ownerUrl`, and
 * returns the URL the service connects with. Its privileges are the application role's only: `RESET ROLE` on
 * the service's connection gives nothing back (a superuser connection that merely `SET ROLE`d could reset and
 * then disable the append-only triggers). The application role is created here when the migrations have not
 * created it yet (they tolerate that). Idempotent; the password is set on every call.
 */
export async function ensureServiceLogin(
  ownerUrl: string,
  password = randomBytes(24).toString('base64url'),
): Promise<string> {
  const owner = new Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    // Roles are cluster-wide: another database or process may create them at the same moment.
    for (const role of [`${APP_DB_ROLE} nologin`, `${SERVICE_LOGIN_ROLE} login`]) {
      await owner.query(
        `do $$ begin create role ${role}; exception when duplicate_object or unique_violation then null; end $$`,
      );
    }
    await owner.query(
      `alter role ${SERVICE_LOGIN_ROLE} with login inherit nosuperuser nocreatedb nocreaterole noreplication ` +
        `nobypassrls password ${owner.escapeLiteral(password)}`,
    );
    const member = await owner.query<{ member: boolean }>(`select pg_has_role($1, $2, 'MEMBER') as member`, [
      SERVICE_LOGIN_ROLE,
      APP_DB_ROLE,
    ]);
    if (!member.rows[0].member) await owner.query(`grant ${APP_DB_ROLE} to ${SERVICE_LOGIN_ROLE}`);
  } finally {
    await owner.end();
  }
  const url = new URL(ownerUrl);
  url.username = SERVICE_LOGIN_ROLE;
  url.password = encodeURIComponent(password);
  return url.toString();
}

/** Whether `url` logs in as a superuser (whose connection can undo any SET ROLE); false when it cannot tell. */
export async function connectsAsSuperuser(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ super: boolean }>(
      'select rolsuper as super from pg_roles where rolname = session_user',
    );
    return rows[0]?.super === true;
  } catch {
    return false; // the service's own pool reports an unreachable database
  } finally {
    await client.end().catch(() => undefined);
  }
}
