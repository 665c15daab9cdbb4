import type { TenantEndpoint } from './endpoints';

/** The observation form's teacher search, for the 401 / 403 / 404 suite (see endpoints.ts); teaching only. */
export const TEACHERS_ENDPOINTS: TenantEndpoint[] = [
  {
    method: 'GET',
    path: '/teaching/teachers',
    // Whoever may record an observation (observations.record) picks its teacher.
    roles: ['admin', 'director', 'inspector', 'unit_manager', 'teacher'],
  },
];
