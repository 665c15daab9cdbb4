import type { PlatformAccount, TenantSession } from '../../api';

// The login answer is the same as /me, so the first page after login needs no extra round trip.
let tenantSession: TenantSession | null = null;
let platformAccount: PlatformAccount | null = null;

export function rememberTenantSession(session: TenantSession): void {
  tenantSession = session;
  rememberLastTenant(session.tenant.slug);
}

/** Hands over the session the login page got, once; later visits ask the server again. */
export function takeTenantSession(slug: string): TenantSession | null {
  const s = tenantSession && tenantSession.tenant.slug === slug ? tenantSession : null;
  tenantSession = null;
  return s;
}

export function rememberPlatformAccount(account: PlatformAccount): void {
  platformAccount = account;
}

export function takePlatformAccount(): PlatformAccount | null {
  const a = platformAccount;
  platformAccount = null;
  return a;
}

const LAST_TENANT_KEY = 'dudao.lastTenant';

// Storage throws in some private modes and embedded WebViews; remembering the tenant is only a convenience.
function rememberLastTenant(slug: string): void {
  try {
    localStorage.setItem(LAST_TENANT_KEY, slug);
  } catch {}
}

export function lastTenant(): string {
  try {
    return localStorage.getItem(LAST_TENANT_KEY) ?? '';
  } catch {
    return '';
  }
}
