import { describe, expect, it } from 'vitest';
import { isPostgresUrl, parseDatabaseUrl } from './database-url.ts';
import { openStore } from '../open-store.ts';
import { describeError } from './describe-error.ts';

describe('DATABASE_URL', () => {
  it('shows the database without its password, wherever the password is written', () => {
    const t = parseDatabaseUrl(
      'postgres://team:p%40ss@db.office:6543/history?sslmode=require&password=x',
    );
    expect(t).toMatchObject({
      redacted: 'postgres://team@db.office:6543/history?sslmode=require',
      host: 'db.office',
      port: 6543,
      database: 'history',
      user: 'team',
    });
  });

  it('fills in the defaults of libpq for what the URL leaves out', () => {
    expect(parseDatabaseUrl('postgresql://db.office')).toMatchObject({
      port: 5432,
      user: 'postgres',
      database: 'postgres',
      redacted: 'postgresql://db.office',
    });
  });

  it('says in words why a URL is not one, without repeating it', () => {
    const r = parseDatabaseUrl('postgres://u:secret@host:99999/db');
    expect(r).toEqual({ error: expect.stringMatching(/^DATABASE_URL is not a valid URL/) });
    expect(JSON.stringify(r)).not.toContain('secret');
    expect(parseDatabaseUrl('mysql://u@h/db')).toEqual({
      error: 'DATABASE_URL must start with postgres:// or postgresql://',
    });
    expect(isPostgresUrl('file:history.sqlite')).toBe(false);
  });

  it('keeps a server from starting on a URL that does not parse, saying why', async () => {
    const opening = openStore({
      historyDb: 'unused',
      databaseUrl: 'postgresql://u:secret@db:99999/history',
    });
    await expect(opening).rejects.toThrow(/^DATABASE_URL is not a valid URL/);
    await expect(opening).rejects.not.toThrow(/secret/);
  });
});

describe('a database failure in words', () => {
  const target = parseDatabaseUrl('postgres://team:hunter2@db.office:5432/history');
  if ('error' in target) throw new Error(target.error);

  it('names the host a lookup could not find', () => {
    expect(describeError({ code: 'ENOTFOUND' }, target)).toEqual({
      message: "the database host db.office cannot be found: check DATABASE_URL's host",
      connection: true,
    });
  });

  it('tells a failed statement from a lost connection', () => {
    expect(
      describeError({ code: '42P01', message: 'relation "x" does not exist' }, target),
    ).toEqual({
      message: 'PostgreSQL at db.office:5432: relation "x" does not exist',
      connection: false,
    });
    expect(describeError(new Error('Connection terminated unexpectedly'), target).connection).toBe(
      true,
    );
  });

  it('never carries the password into a message', () => {
    for (const code of ['28P01', '28000', '3D000', 'ECONNREFUSED', '08006', '57P01'])
      expect(describeError({ code, message: 'm' }, target).message).not.toContain('hunter2');
  });
});
