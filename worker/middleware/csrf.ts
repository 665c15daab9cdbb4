import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { AppError } from '../errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * State-changing requests must come from our own pages. Browsers send Origin on every
 * cross-origin POST and Sec-Fetch-Site on modern engines; a request that carries neither is not
 * from a browser (curl, scripts) and cannot ride on a victim's cookies.
 * Handlers that read a body also require JSON, which a foreign page cannot send without a
 * CORS preflight; body-less POSTs rely on the Origin check alone.
 */
export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header('origin');
    const fetchSite = c.req.header('sec-fetch-site');
    const ownOrigin = new URL(c.req.url).origin;
    if (origin !== undefined && origin !== ownOrigin) throw new AppError('CSRF_REJECTED');
    if (
      origin === undefined &&
      fetchSite !== undefined &&
      fetchSite !== 'same-origin' &&
      fetchSite !== 'none'
    ) {
      throw new AppError('CSRF_REJECTED');
    }
  }
  await next();
};
