import type { Client } from 'pg';

/**
 * Runs `fn` while every insert into the audit log fails (a trigger raises), as when the audit storage is
 * unavailable; the trigger is gone again afterwards, whatever `fn` did.
 */
export async function withAuditInsertsRefused<T>(db: Client, fn: () => Promise<T>): Promise<T> {
  await db.query(`CREATE FUNCTION test_refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'audit storage unavailable'; END $$`);
  await db.query(
    'CREATE TRIGGER test_refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION test_refuse_audit()',
  );
  try {
    return await fn();
  } finally {
    await db.query('DROP TRIGGER test_refuse_audit ON audit_log');
    await db.query('DROP FUNCTION test_refuse_audit()');
  }
}
