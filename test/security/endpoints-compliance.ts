import { TENANT_ROLES } from '../../db/schema/tenant';
import type { TenantEndpoint } from './endpoints';

const READERS = ['admin', 'director', 'inspector', 'viewer', 'unit_manager'] as const;

/** Observation quotas and the 督教 ledgers, for the 401 / 403 / 404 suite (see endpoints.ts); teaching only. */
export const COMPLIANCE_ENDPOINTS: TenantEndpoint[] = [
  // A unit manager reads their unit's people; test/compliance covers the scope.
  { method: 'GET', path: '/teaching/compliance', roles: READERS },
  { method: 'GET', path: '/teaching/compliance.xlsx', roles: READERS },
  // Anyone reads their own progress (none when they have no quota).
  { method: 'GET', path: '/teaching/compliance/me', roles: TENANT_ROLES },
  {
    method: 'POST',
    path: '/teaching/compliance/reminders',
    roles: ['admin', 'director', 'unit_manager'],
    // Nobody named: the suite tells no one (test/compliance checks who is told).
    body: { userIds: [] },
  },
  // Every role exports the records it may read (test/compliance checks the filtering).
  { method: 'GET', path: '/teaching/observations.xlsx', roles: TENANT_ROLES },
];
