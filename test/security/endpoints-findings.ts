import type { TenantEndpoint } from './endpoints';

/** The findings module's endpoints for the 401 / 403 / 404 suite (see endpoints.ts). */
export const FINDINGS_ENDPOINTS: TenantEndpoint[] = [];
