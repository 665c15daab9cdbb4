import { type Client, createClient } from '@libsql/client/web';
import type { LibSQLDatabase } from 'drizzle-orm/libsql/driver-core';
import { drizzle } from 'drizzle-orm/libsql/web';
import * as controlSchema from './schema/control';
import * as tenantSchema from './schema/tenant';
import { withWriteTurns } from './write-turns';

export type ControlDb = LibSQLDatabase<typeof controlSchema> & { $client: Client };
export type TenantDb = LibSQLDatabase<typeof tenantSchema> & { $client: Client };

export interface DbConnection {
  url: string;
  /** Turso database token; unused for the local sqld. */
  authToken?: string | undefined;
  /** Node tools pass a fetch that reaches the local sqld (db/local/fetch.ts); Workers use the global one. */
  fetch?: typeof fetch | undefined;
}

export function openClient(conn: DbConnection): Client {
  const client = createClient({
    url: conn.url,
    authToken: conn.authToken,
    fetch: conn.fetch,
    intMode: 'number',
  });
  return withWriteTurns(client, conn.url);
}

export function openControlDb(conn: DbConnection): ControlDb {
  return drizzle(openClient(conn), { schema: controlSchema }) as ControlDb;
}

export function openTenantDb(conn: DbConnection): TenantDb {
  return drizzle(openClient(conn), { schema: tenantSchema }) as TenantDb;
}

export { controlSchema, tenantSchema };
