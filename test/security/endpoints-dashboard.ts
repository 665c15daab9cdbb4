import type { TenantRole } from '../../db/schema/tenant';
import type { TenantEndpoint } from './endpoints';

const DASHBOARD_READERS: TenantRole[] = ['admin', 'director', 'inspector', 'viewer'];

/** The dashboard module's endpoints for the 401 / 403 / 404 suite (see endpoints.ts). */
export const DASHBOARD_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: '/dashboard', roles: DASHBOARD_READERS },
];
