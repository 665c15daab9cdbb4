import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Cookie } from 'lucia';
import type { TenantRole } from '../../db/schema/tenant';
import { type AppLucia, createLucia, type SessionPolicy } from '../auth/lucia';
import {
  authorize,
  authorizePlatform,
  type PlatformPermission,
  type TenantPermission,
} from '../auth/permissions';
import { PLATFORM_TOKEN_SCOPE, platformSessionPolicy, tenantSessionPolicy } from '../auth/policies';
import { scopeOf, sessionIdOf } from '../auth/session-token';
import type { Actor, AppEnv, PlatformActor, PlatformRole } from '../context';
import { AppError } from '../errors';

type Attributes = Record<string, unknown>;

function writeCookie(c: Context<AppEnv>, cookie: Cookie) {
  const a = cookie.attributes;
  setCookie(c, cookie.name, cookie.value, {
    path: a.path ?? '/',
    httpOnly: true,
    secure: a.secure ?? false,
    sameSite: 'Lax',
    ...(a.maxAge !== undefined ? { maxAge: a.maxAge } : {}),
  });
}

/** Validates the cookie's session; a renewed session gets a fresh cookie, a dead one a blank cookie. */
async function validate(c: Context<AppEnv>, lucia: AppLucia, token: string): Promise<Attributes | null> {
  const { session, user } = await lucia.validateSession(sessionIdOf(token));
  const attributes = user as unknown as Attributes | null;
  if (!session || !attributes || attributes.status !== 'active') {
    writeCookie(c, lucia.createBlankSessionCookie());
    return null;
  }
  if (session.fresh) writeCookie(c, lucia.createSessionCookie(token));
  return attributes;
}

export function actorFromRow(row: Attributes): Actor {
  return {
    id: String(row.id),
    username: String(row.username),
    displayName: String(row.display_name),
    role: row.role as TenantRole,
    unitId: row.unit_id === null || row.unit_id === undefined ? null : String(row.unit_id),
    mustChangePassword: Boolean(Number(row.must_change_password)),
  };
}

export function tenantLucia(c: Context<AppEnv>, policy: SessionPolicy): AppLucia {
  return createLucia(c.get('db').$client, { sessions: 'sessions', users: 'users' }, policy);
}

export function platformLucia(c: Context<AppEnv>, policy: SessionPolicy): AppLucia {
  return createLucia(
    c.get('control').$client,
    { sessions: 'platform_sessions', users: 'platform_accounts' },
    policy,
  );
}

/**
 * Loads the tenant session if there is one. A token minted for another tenant (or for the
 * platform) answers 404: it is never looked up in this tenant's database.
 */
export const loadTenantSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const tenant = c.get('tenant');
  const policy = tenantSessionPolicy(tenant.slug, c.req.url);
  const token = getCookie(c, policy.cookieName);
  if (token) {
    const scope = scopeOf(token);
    if (scope !== null && scope !== tenant.slug) throw new AppError('NOT_FOUND');
    const row = scope === null ? null : await validate(c, tenantLucia(c, policy), token);
    if (row) c.set('actor', actorFromRow(row));
  }
  await next();
};

export const loadPlatformSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const policy = platformSessionPolicy(c.req.url);
  const token = getCookie(c, policy.cookieName);
  if (token && scopeOf(token) === PLATFORM_TOKEN_SCOPE) {
    const row = await validate(c, platformLucia(c, policy), token);
    if (row) {
      c.set('platformActor', {
        id: String(row.id),
        username: String(row.username),
        displayName: String(row.display_name),
        role: row.role as PlatformRole,
        regionPrefix: String(row.region_prefix ?? ''),
      });
    }
  }
  await next();
};

export function currentActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

export function currentPlatformActor(c: Context<AppEnv>): PlatformActor {
  const actor = c.get('platformActor');
  if (!actor) throw new AppError('UNAUTHENTICATED');
  return actor;
}

/** Route guard: 401 without a session, 403 for a role without the permission, before any input is read. */
export function requirePermission(permission: TenantPermission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    authorize(currentActor(c), permission);
    await next();
  };
}

export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  currentActor(c);
  await next();
};

export function requirePlatformPermission(permission: PlatformPermission): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    authorizePlatform(currentPlatformActor(c), permission);
    await next();
  };
}

export { writeCookie };
