import type { TenantEndpoint } from './endpoints';

const OFFICE = ['admin', 'director', 'inspector', 'viewer'] as const;

/** The hazard register and overdue lists (tenant-wide) for the 401 / 403 / 404 suite (see endpoints.ts). */
export const HAZARDS_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: '/hazards', roles: OFFICE },
  { method: 'GET', path: '/hazards.xlsx', roles: OFFICE },
  { method: 'GET', path: '/findings/overdue', roles: OFFICE },
];
