import type { TenantEndpoint } from './endpoints';

/** The notifications module's endpoints for the 401 / 403 / 404 suite (see endpoints.ts). */
export const NOTIFICATIONS_ENDPOINTS: TenantEndpoint[] = [];
