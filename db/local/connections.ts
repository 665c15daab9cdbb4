import { openControlDb, openTenantDb } from '../client';
import { controlMigrations } from '../migrations/control.gen';
import { applyMigrations } from '../migrator';
import { CONTROL_DATABASE_NAME, LOCAL_SQLD_ADMIN_URL, localDbUrl, SqldProvider } from '../provider';
import { type LocalSqldAddress, localSqldFetch } from './fetch';

/** Node-side clients for the local sqld: the control plane, any tenant, and the namespace provider. */
export function localDatabases(sqld: LocalSqldAddress) {
  const fetchImpl = localSqldFetch(sqld);
  return {
    control: () => openControlDb({ url: localDbUrl(CONTROL_DATABASE_NAME), fetch: fetchImpl }),
    tenant: (dbUrl: string) => openTenantDb({ url: dbUrl, fetch: fetchImpl }),
    provider: new SqldProvider(LOCAL_SQLD_ADMIN_URL, localDbUrl, fetchImpl),
  };
}

/** Creates the control-plane namespace if needed and brings it to the latest schema. */
export async function prepareControlPlane(sqld: LocalSqldAddress) {
  const dbs = localDatabases(sqld);
  await dbs.provider.ensureDatabase(CONTROL_DATABASE_NAME);
  const control = dbs.control();
  await applyMigrations(control.$client, controlMigrations);
  return control;
}
