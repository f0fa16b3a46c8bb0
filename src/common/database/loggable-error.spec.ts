import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { DatabaseError } from 'pg';
import { loggableError, withoutValues } from './loggable-error';

function pgError(message: string, fields: Partial<DatabaseError>): DatabaseError {
  return Object.assign(new DatabaseError(message, 100, 'error'), { severity: 'ERROR', ...fields });
}

describe('loggableError', () => {
  it('keeps the SQLSTATE, the pointers and the statement of a raw pg error, not its detail', () => {
    const error = Object.assign(
      pgError('duplicate key value violates unique constraint "consents_pkey"', {
        code: '23505',
        table: 'consents',
        constraint: 'consents_pkey',
        detail: 'Key (ip_address)=(192.0.2.55) already exists.',
        where: 'SQL statement "insert … values (\'192.0.2.55\')"',
      }),
      { statement: 'insert into consents (id, ip_address) values ($1, $2)' },
    );
    const out = loggableError(error) as Record<string, unknown>;
    expect(out).toMatchObject({
      type: 'DatabaseError',
      code: '23505',
      table: 'consents',
      constraint: 'consents_pkey',
      statement: 'insert into consents (id, ip_address) values ($1, $2)',
      message: 'duplicate key value violates unique constraint "consents_pkey"',
    });
    expect(JSON.stringify(out)).not.toContain('192.0.2.55');
  });

  it('withholds the message of a data exception (it quotes the value)', () => {
    const out = loggableError(
      pgError('invalid input syntax for type inet: "secret-agent"', { code: '22P02' }),
    ) as Record<string, unknown>;
    expect(out.code).toBe('22P02');
    expect(JSON.stringify(out)).not.toContain('secret-agent');
  });

  it('splits a MikroORM message into the statement without values and the server message', () => {
    const raw = pgError('x', { code: '23505', detail: 'Key (user_agent)=(Bot/1 \\ x) already exists.' });
    raw.message =
      `insert into "consents" ("a", "b", "c", "n") values ('it''s 192.0.2.9',  E'Bot/1 \\\\ x', 'x - y', -12.5)` +
      ' - duplicate key value violates unique constraint "u"\n - detail: Key (user_agent)=(Bot/1 \\ x) already exists.';
    const out = loggableError(new UniqueConstraintViolationException(raw)) as Record<string, unknown>;
    expect(out.statement).toBe('insert into "consents" ("a", "b", "c", "n") values (?,  ?, ?, ?)');
    expect(out.message).toBe('duplicate key value violates unique constraint "u"');
    expect(JSON.stringify(out)).not.toMatch(/192\.0\.2\.9|Bot\/1/);
  });

  it('serializes an error caused by a database error without the cause message', () => {
    const cause = pgError('x', { code: '23514' });
    cause.message = `insert into "t" ("ip") values ('192.0.2.77') - violates check constraint "c"`;
    const wrapped = new Error('could not record', { cause: new UniqueConstraintViolationException(cause) });
    const out = JSON.stringify(loggableError(wrapped));
    expect(out).toContain('could not record');
    expect(out).toContain('23514');
    expect(out).not.toContain('192.0.2.77');
  });

  it('leaves other errors as pino writes them', () => {
    expect(loggableError(new TypeError('boom'))).toMatchObject({ type: 'TypeError', message: 'boom' });
  });
});

describe('withoutValues', () => {
  it('keeps placeholders and identifiers with digits, cuts after a quote that does not close', () => {
    expect(withoutValues('select "merchant_reference1" from t where a = $1 limit 10')).toBe(
      'select "merchant_reference1" from t where a = $1 limit ?',
    );
    expect(withoutValues("insert into t values ('a', 'unterminated 192.0.2.1")).toBe(
      'insert into t values (?, …',
    );
  });
});
