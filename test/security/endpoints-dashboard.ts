import type { TenantEndpoint } from './endpoints';

/** The dashboard module's endpoints for the 401 / 403 / 404 suite (see endpoints.ts). */
export const DASHBOARD_ENDPOINTS: TenantEndpoint[] = [];
