import type { DatabaseTarget } from './database-url.ts';

/**
 * A failure of the database, in one line a person can act on: which server, which user, which
 * database, and what to check. Never the password: the messages are built from the redacted
 * target and PostgreSQL's own error codes (https://www.postgresql.org/docs/15/errcodes-appendix.html).
 */
export interface DescribedError {
  message: string;
  /** The connection or the server is the problem (not one statement): the store is degraded until it answers again. */
  connection: boolean;
}

interface PgLikeError {
  code?: string;
  message?: string;
}

const LOST =
  /Connection terminated|connection to the server was lost|Client has encountered a connection error|Client was closed|timeout exceeded when trying to connect|Query read timeout/i;

export function describeError(error: unknown, target: DatabaseTarget): DescribedError {
  const e = (error ?? {}) as PgLikeError;
  const code = e.code ?? '';
  const at = `PostgreSQL at ${target.host}:${target.port}`;
  const conn = (message: string) => ({ message, connection: true });
  switch (code) {
    case 'ECONNREFUSED':
      return conn(`${at} refuses connections: is the server running and listening there?`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return conn(`the database host ${target.host} cannot be found: check DATABASE_URL's host`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return conn(`${at} cannot be reached (${code})`);
    case 'ECONNRESET':
    case 'EPIPE':
      return conn(`the connection to ${at} was lost`);
    case '28P01':
      return conn(`${at} refused the password of user "${target.user}": check DATABASE_URL`);
    case '3D000':
      return conn(
        `the database "${target.database}" does not exist on ${at}: create it (createdb ${target.database}) or fix DATABASE_URL`,
      );
    case '57P01':
    case '57P02':
    case '57P03':
      return conn(`${at} is shutting down or starting up; trying again`);
    case '53100':
      return conn(`${at} is out of disk space: history is not recorded`);
  }
  if (code.startsWith('28'))
    return conn(`${at} refused user "${target.user}": ${e.message ?? 'not authorised'}`);
  if (code.startsWith('08') || code.startsWith('53'))
    return conn(`${at} cannot serve this connection: ${e.message ?? code}`);
  const message = e.message ?? String(error);
  if (LOST.test(message)) return conn(`the connection to ${at} was lost or timed out`);
  if (/self[- ]signed|certificate|SSL|TLS/i.test(message))
    return conn(`${at}: the TLS connection failed: ${message}`);
  return { message: `${at}: ${message}`, connection: false };
}
