import { type DbConnection, openControlDb, openTenantDb } from '../../db/client';
import { type DatabaseProvider, localDbUrl, SqldProvider, TursoProvider } from '../../db/provider';
import type { Env } from '../env';

function connection(env: Env, url: string): DbConnection {
  return { url, authToken: env.DB_AUTH_TOKEN || undefined };
}

export function controlDb(env: Env) {
  return openControlDb(connection(env, env.CONTROL_DB_URL));
}

/** With `timeoutMs`, every request to the database is aborted after that long (a fan-out must not hang on one tenant). */
export function tenantDb(env: Env, dbUrl: string, timeoutMs?: number) {
  const conn = connection(env, dbUrl);
  if (timeoutMs !== undefined) {
    conn.fetch = ((input: string | URL | Request, init?: RequestInit) =>
      fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) })) as typeof fetch;
  }
  return openTenantDb(conn);
}

/** Same interface locally (sqld namespaces) and in production (Turso Platform API). */
export function databaseProvider(env: Env): DatabaseProvider {
  if (env.DB_PROVIDER === 'turso') {
    if (!env.TURSO_API_TOKEN || !env.TURSO_ORG || !env.TURSO_GROUP) {
      throw new Error('TURSO_API_TOKEN, TURSO_ORG and TURSO_GROUP must be set when DB_PROVIDER is turso');
    }
    return new TursoProvider({
      apiToken: env.TURSO_API_TOKEN,
      organization: env.TURSO_ORG,
      group: env.TURSO_GROUP,
    });
  }
  if (!env.SQLD_ADMIN_URL) throw new Error('SQLD_ADMIN_URL must be set when DB_PROVIDER is sqld');
  return new SqldProvider(env.SQLD_ADMIN_URL, localDbUrl);
}
