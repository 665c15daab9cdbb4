import type { TenantEndpoint } from './endpoints';

/** The visits module's endpoints for the 401 / 403 / 404 suite (see endpoints.ts). */
export const VISITS_ENDPOINTS: TenantEndpoint[] = [];
