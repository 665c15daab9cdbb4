import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { consumeRateLimits, perClient } from '../rate-limit';

type Windows = readonly (readonly [limit: number, windowMs: number])[];

/**
 * Counts every attempt from the client's address before anything else is read, so malformed and
 * failing attempts count too. `where` picks the database that holds the counters: the tenant's
 * for its own sign-in, the control plane's for platform endpoints.
 */
export function limitByClient(
  action: string,
  windows: Windows,
  where: 'tenant' | 'control',
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const client = where === 'tenant' ? c.get('db').$client : c.get('control').$client;
    await consumeRateLimits(client, perClient(action, c.get('clientIp'), windows));
    await next();
  };
}

// Per-account lockout stops guessing one password; these stop one address trying many accounts.
// Generous for sign-in, since a whole school signs in from one address at a training session.
export const LOGIN_LIMITS = [[100, 10 * 60_000]] as const;
export const PLATFORM_LOGIN_LIMITS = [[30, 10 * 60_000]] as const;
// Applications are read by a person: a script must not bury the real ones.
export const SIGNUP_LIMITS = [
  [5, 3600_000],
  [20, 24 * 3600_000],
] as const;
