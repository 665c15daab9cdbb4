import { TENANT_ROLES, type TenantRole } from '../../db/schema/tenant';
import { notificationFor } from '../notifications/fixtures';
import type { TenantEndpoint } from './endpoints';

/** The notifications module's endpoints for the 401 / 403 / 404 suite (see endpoints.ts). */
export const NOTIFICATIONS_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: '/notifications', roles: TENANT_ROLES },
  {
    method: 'POST',
    path: '/notifications/:id/read',
    roles: TENANT_ROLES,
    // Own notifications only: the fixture makes one for the signed-in role's user.
    params: async (role: TenantRole) => ({ id: await notificationFor(`role_${role}`) }),
  },
];
