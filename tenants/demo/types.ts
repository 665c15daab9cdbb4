import type { TenantConfig, TenantIdentity } from '../config/schema';

export interface DemoUnit {
  key: string;
  name: string;
  /** A unitKinds key of the tenant's config. */
  kind: string;
  parentKey: string | null;
  zoneKey: string | null;
  address: string | null;
  headName: string | null;
  phone: string | null;
  enrolment: number | null;
  staffCount: number | null;
}

export interface DemoZone {
  key: string;
  name: string;
}

export type DemoRole = 'admin' | 'director' | 'inspector' | 'unit_manager' | 'teacher' | 'viewer';

export interface DemoUser {
  username: string;
  displayName: string;
  role: DemoRole;
  unitKey: string | null;
  /** A key of the tenant's observation quota roles (听课任务), if the person has one. */
  quotaRole?: string | null;
}

export interface DemoInspector {
  name: string;
  type: 'full_time' | 'part_time' | 'special' | 'responsible';
  certificateNo: string | null;
  phone: string | null;
  email: string | null;
  workplace: string | null;
  termStart: string | null;
  termEnd: string | null;
  trainingHours: number;
  /** The demo account they sign in with. */
  username: string | null;
  zoneKeys: string[];
  unitKeys: string[];
}

export interface DemoTenant extends TenantIdentity {
  config: TenantConfig;
  zones: DemoZone[];
  units: DemoUnit[];
  users: DemoUser[];
  inspectors: DemoInspector[];
}
