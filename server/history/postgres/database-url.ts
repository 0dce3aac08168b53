/**
 * `DATABASE_URL` taken apart once: what the messages and `/api/health` may show of it (never the
 * password), and whether it names a PostgreSQL server at all.
 */
export interface DatabaseTarget {
  /** The URL as given, for the client only: it may hold the password. */
  url: string;
  /** The URL without its password (in the user part or as a `password=` parameter). */
  redacted: string;
  host: string;
  port: number;
  database: string;
  user: string;
}

export function isPostgresUrl(value: string | undefined): boolean {
  return value !== undefined && /^postgres(ql)?:\/\//i.test(value.trim());
}

/** The target of a `postgres://` or `postgresql://` URL, or a sentence saying why it is not one. */
export function parseDatabaseUrl(value: string): DatabaseTarget | { error: string } {
  const text = value.trim();
  if (!isPostgresUrl(text))
    return { error: 'DATABASE_URL must start with postgres:// or postgresql://' };
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    // The parser's own message repeats the URL, password and all: say it in our words instead.
    return {
      error:
        'DATABASE_URL is not a valid URL (expected postgres://user:password@host:port/database; special characters in the password must be percent-encoded)',
    };
  }
  const params = parsed.searchParams;
  const hidden = new URL(parsed.href);
  hidden.password = '';
  hidden.searchParams.delete('password');
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const host = decode(parsed.hostname) || params.get('host') || 'localhost';
  const user = decode(parsed.username) || params.get('user') || process.env.PGUSER || 'postgres';
  const database = decode(parsed.pathname.replace(/^\//, '')) || user;
  return {
    url: text,
    redacted: hidden.href.replace(/^(postgres(?:ql)?:\/\/[^@/]*):@/i, '$1@'),
    host,
    port: Number(parsed.port) || Number(params.get('port')) || 5432,
    database,
    user,
  };
}
