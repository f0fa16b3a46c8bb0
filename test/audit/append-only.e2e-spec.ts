import { EntityManager } from '@mikro-orm/postgresql';
import { Client } from 'pg';
import { ensureServiceLogin } from '../../src/app/database/service-login';
import { createScratchDatabase, type ScratchDatabase } from '../../src/common/database/scratch-database';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * PostgreSQL itself, not only the code, keeps append-only tables append-only: the application's role lacks the
 * privileges, and triggers refuse even the owner, unless triggers are disabled (what the tamper tests do).
 */
describe('append-only tables and the application role', () => {
  let t: TestApp;
  let app: Client;

  beforeAll(async () => {
    t = await startTestApp();
    // Generates audit rows to try to edit.
    await t.request('GET', '/admin/v1/merchants', { key: t.auditorKey });
    await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, body: { name: 'Append Only' } });
    app = new Client({ connectionString: t.dbUrl });
    await app.connect();
    await app.query('SET ROLE autopay_app');
  });
  afterAll(async () => {
    await app.end();
    await t.close();
  });

  const failure = async (client: Client, sql: string): Promise<string> => {
    try {
      await client.query(sql);
    } catch (error) {
      return (error as Error).message;
    }
    return 'succeeded';
  };

  it('runs the service as autopay_app, not as the owner', async () => {
    const em = t.app.get(EntityManager).fork();
    const [row] = await em.execute<Array<{ who: string; session: string }>>(
      'select current_user as who, session_user as session',
    );
    expect(row).toEqual({ who: 'autopay_app', session: 'postgres' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit log to the application role', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM audit_log');
    expect(before.rows[0].n).toBeGreaterThanOrEqual(2);
    expect(await failure(app, 'UPDATE audit_log SET status = 200 WHERE status <> 200')).toMatch(
      /permission denied for table audit_log/,
    );
    expect(await failure(app, 'DELETE FROM audit_log')).toMatch(/permission denied for table audit_log/);
    expect(await failure(app, 'TRUNCATE audit_log')).toMatch(/permission denied for table audit_log/);
    expect(await failure(app, 'DROP TABLE audit_log')).toMatch(/must be owner of table audit_log/);
    expect(await failure(app, 'ALTER TABLE audit_log DISABLE TRIGGER USER')).toMatch(/must be owner/);
    const after = await t.db.query('SELECT count(*)::int AS n FROM audit_log');
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('lets the application role read and insert, and edit ordinary tables, but not change the schema', async () => {
    expect((await app.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBeGreaterThan(0);
    await app.query(
      `INSERT INTO audit_log (id, at, actor_key_id, actor_role, action, method, route, params, status, request_id)
       VALUES ('aud_00000000000000000000000001', now(), 'key_x', 'admin', 'test.insert', 'GET', '/admin/x', '{}', 200, 'r')`,
    );
    const updated = await app.query("UPDATE merchants SET name = name || '!' WHERE name = 'Append Only'");
    expect(updated.rowCount).toBe(1);
    expect(await failure(app, 'CREATE TABLE sneaky (id int)')).toMatch(/permission denied for schema public/);
    expect(await failure(app, 'TRUNCATE merchants')).toMatch(/permission denied for table merchants/);
    expect(await failure(app, 'SELECT * FROM mikro_orm_migrations')).toMatch(/permission denied/);
  });

  it('refuses UPDATE, DELETE and TRUNCATE even to the owner while triggers are on', async () => {
    expect(await failure(t.db, 'UPDATE audit_log SET status = 599')).toMatch(
      /append-only: UPDATE is not allowed/,
    );
    expect(await failure(t.db, 'DELETE FROM audit_log')).toMatch(/append-only: DELETE is not allowed/);
    expect(await failure(t.db, 'TRUNCATE audit_log')).toMatch(/append-only: TRUNCATE is not allowed/);
  });

  it('allows a superuser with triggers disabled (session_replication_role = replica) to edit: the tamper path', async () => {
    const superuser = new Client({ connectionString: t.dbUrl });
    await superuser.connect();
    try {
      await superuser.query('SET session_replication_role = replica');
      const edited = await superuser.query(
        "UPDATE audit_log SET status = 599 WHERE id = 'aud_00000000000000000000000001'",
      );
      expect(edited.rowCount).toBe(1);
      const deleted = await superuser.query(
        "DELETE FROM audit_log WHERE id = 'aud_00000000000000000000000001'",
      );
      expect(deleted.rowCount).toBe(1);
    } finally {
      await superuser.end();
    }
  });

  it('makes new tables of later migrations writable by the application role, and append-only on request', async () => {
    // As the migrating user would in a later migration.
    await t.db.query('CREATE TABLE later_events (id text primary key, note text)');
    await t.db.query('CREATE TABLE later_settings (id text primary key, note text)');
    await t.db.query("SELECT autopay_make_append_only('later_events')");
    await app.query("INSERT INTO later_events VALUES ('a', 'x')");
    await app.query("INSERT INTO later_settings VALUES ('a', 'x')");
    expect((await app.query("UPDATE later_settings SET note = 'y'")).rowCount).toBe(1);
    expect((await app.query('DELETE FROM later_settings')).rowCount).toBe(1);
    expect(await failure(app, "UPDATE later_events SET note = 'y'")).toMatch(/permission denied/);
    expect(await failure(app, 'DELETE FROM later_events')).toMatch(/permission denied/);
    expect(await failure(t.db, "UPDATE later_events SET note = 'y'")).toMatch(/append-only/);
    expect((await t.db.query('SELECT note FROM later_events')).rows).toEqual([{ note: 'x' }]);
  });
});

/**
 * The service logs in (DATABASE_URL) as a login role that is a member of autopay_app and nothing more, and applies
 * migrations as the owner (DATABASE_MIGRATION_URL), as `npm start` does on its embedded PostgreSQL. A superuser
 * connection that only SET ROLEs could RESET ROLE, switch the append-only triggers off and rewrite the evidence.
 */
describe('the service connection cannot undo the append-only boundary', () => {
  let scratch: ScratchDatabase;
  let t: TestApp;

  beforeAll(async () => {
    scratch = await createScratchDatabase(process.env.AUTOPAY_TEST_SERVER_URL);
    // A fixed password: roles are cluster-wide and other suites of this run may set it at the same time.
    const serviceUrl = await ensureServiceLogin(scratch.url, 'autopay-service-test');
    // An empty database: the service itself migrates it, through DATABASE_MIGRATION_URL.
    t = await startTestApp({
      database: scratch.url,
      env: { DATABASE_URL: serviceUrl, DATABASE_MIGRATION_URL: scratch.url },
    });
    await t.request('POST', '/admin/v1/merchants', { key: t.adminKey, body: { name: 'Evidence' } });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await scratch?.drop();
  });

  /** Runs the statements on one of the service's own pooled connections, in one transaction (rolled back). */
  const onServiceConnection = async (...statements: string[]): Promise<unknown[]> => {
    const em = t.app.get(EntityManager).fork();
    const results: unknown[] = [];
    await em
      .transactional(async (tx) => {
        for (const statement of statements) {
          results.push(await tx.execute(statement).catch((error: Error) => error.message));
        }
        throw new Error('rollback');
      })
      .catch(() => undefined);
    return results;
  };

  it('logs in as autopay_service, a member of autopay_app that is not a superuser', async () => {
    const [[who]] = (await onServiceConnection(
      `select session_user as session, current_user as who, r.rolsuper as super, r.rolcreaterole as createrole,
              pg_has_role(session_user, 'autopay_app', 'MEMBER') as member
         from pg_roles r where r.rolname = session_user`,
    )) as Array<Array<Record<string, unknown>>>;
    expect(who).toEqual({
      session: 'autopay_service',
      who: 'autopay_app',
      super: false,
      createrole: false,
      member: true,
    });
  });

  it('after RESET ROLE still cannot disable the triggers, nor update or delete evidence', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM audit_log');
    expect(before.rows[0].n).toBeGreaterThan(0);
    // Each in its own transaction: RESET ROLE, then one attempt.
    const afterReset = async (statement: string) => (await onServiceConnection('RESET ROLE', statement))[1];
    expect(await afterReset('select current_user as who')).toEqual([{ who: 'autopay_service' }]);
    expect(await afterReset('SET session_replication_role = replica')).toMatch(/permission denied/);
    expect(await afterReset('ALTER TABLE audit_log DISABLE TRIGGER USER')).toMatch(/must be owner/);
    expect(await afterReset('UPDATE audit_log SET status = 599')).toMatch(
      /permission denied for table audit_log/,
    );
    expect(await afterReset('DELETE FROM audit_log')).toMatch(/permission denied for table audit_log/);
    expect(await afterReset('DELETE FROM consent_events')).toMatch(
      /permission denied for table consent_events/,
    );
    expect(await afterReset("UPDATE consents SET ip_address = '0.0.0.0'")).toMatch(/permission denied/);
    expect((await t.db.query('SELECT count(*)::int AS n FROM audit_log')).rows[0].n).toBe(before.rows[0].n);
  });
});
