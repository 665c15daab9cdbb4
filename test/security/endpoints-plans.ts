import type { TenantEndpoint } from './endpoints';

/** The plans module's endpoints for the 401 / 403 / 404 suite (see endpoints.ts). */
export const PLANS_ENDPOINTS: TenantEndpoint[] = [];
