import type { ControlDb, TenantDb } from '../db/client';
import type { TenantRole } from '../db/schema/tenant';
import type { TenantConfig, TenantIdentity } from '../tenants/config/schema';
import type { Env } from './env';

export interface TenantRecord extends TenantIdentity {
  id: string;
  dbUrl: string;
  status: 'pending' | 'active' | 'suspended';
  config: TenantConfig;
  schemaVersion: number;
}

export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: TenantRole;
  unitId: string | null;
  mustChangePassword: boolean;
}

export type PlatformRole = 'province' | 'operator';

export interface PlatformActor {
  id: string;
  username: string;
  displayName: string;
  role: PlatformRole;
  regionPrefix: string;
}

export interface AppVariables {
  requestId: string;
  clientIp: string | null;
  control: ControlDb;
  tenant: TenantRecord;
  db: TenantDb;
  actor: Actor | null;
  platformActor: PlatformActor | null;
}

export type AppEnv = { Bindings: Env; Variables: AppVariables };

/** What every tenant service verb receives: it checks permission first, then works in one transaction. */
export interface ServiceContext {
  tenant: TenantRecord;
  actor: Actor;
  db: TenantDb;
  requestId: string;
  clientIp: string | null;
}

export interface PlatformContext {
  actor: PlatformActor;
  control: ControlDb;
  env: Env;
  requestId: string;
}
