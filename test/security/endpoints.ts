import type { TenantRole } from '../../db/schema/tenant';

/**
 * Every API endpoint, with who may call it. The suite checks this list against the app's own
 * route table, so a new endpoint cannot ship without the 401 / 403 / 404 checks.
 */
export interface TenantEndpoint {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** Path under /api/t/:tenant, as the route declares it (`/units/:id`). */
  path: string;
  /** Roles allowed; 'public' needs no session. */
  roles: readonly TenantRole[] | 'public' | 'any-session';
  /** A valid body; a function gets the role, for bodies that must differ per call (unique names). */
  body?: unknown | ((role: TenantRole) => unknown);
  /** For file endpoints: a valid file sent as the raw body. */
  upload?: { contentType: string; bytes: () => Uint8Array };
  /**
   * Real values for the path's :params in the home tenant, made fresh per allowed role so the
   * 2xx check acts on a real row. Refusals (401/403/404) are checked with placeholder values:
   * they must be decided before any lookup.
   */
  params?: (role: TenantRole) => Promise<Record<string, string>>;
}

export interface PlatformEndpoint {
  method: 'GET' | 'POST';
  /** Path under /api/province */
  path: string;
  roles: readonly ('province' | 'operator')[] | 'public' | 'any-session';
  body?: unknown;
}

export const PUBLIC_ENDPOINTS = [
  { method: 'GET', path: '/api/health' },
  { method: 'POST', path: '/api/signup' },
] as const;

export const TENANT_ENDPOINTS: TenantEndpoint[] = [
  { method: 'GET', path: '/info', roles: 'public' },
  { method: 'POST', path: '/auth/login', roles: 'public', body: { username: 'nobody', password: 'x' } },
  { method: 'POST', path: '/auth/logout', roles: 'any-session' },
  { method: 'GET', path: '/me', roles: 'any-session' },
  {
    method: 'POST',
    path: '/auth/password',
    roles: 'any-session',
    body: { currentPassword: 'x', newPassword: 'y' },
  },
  {
    method: 'GET',
    path: '/config',
    roles: ['admin', 'director', 'inspector', 'unit_manager', 'teacher', 'viewer'],
  },
  { method: 'GET', path: '/units', roles: ['admin', 'director', 'inspector', 'viewer'] },
  // units and zones ──────────────────────────────────────────────
  // inspectors ──────────────────────────────────────────────────
  // accounts ────────────────────────────────────────────────────
  // audit ───────────────────────────────────────────────────────
  // imports ─────────────────────────────────────────────────────
  // board and complaints ────────────────────────────────────────
  // suggestions ─────────────────────────────────────────────────
];

export const PLATFORM_ENDPOINTS: PlatformEndpoint[] = [
  { method: 'POST', path: '/auth/login', roles: 'public', body: { username: 'nobody', password: 'x' } },
  { method: 'POST', path: '/auth/logout', roles: 'any-session' },
  { method: 'GET', path: '/me', roles: 'any-session' },
  { method: 'GET', path: '/tenants', roles: ['province', 'operator'] },
  { method: 'POST', path: '/tenants/:slug/suspend', roles: ['operator'] },
  { method: 'POST', path: '/tenants/:slug/resume', roles: ['operator'] },
  { method: 'GET', path: '/signups', roles: ['operator'] },
  { method: 'POST', path: '/signups/:id/approve', roles: ['operator'] },
  { method: 'POST', path: '/signups/:id/reject', roles: ['operator'], body: { reason: '测试' } },
];
