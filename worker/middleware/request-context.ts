import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../context';
import { controlDb } from '../platform/databases';

/** Request id, client address and the control-plane client, created once per request. */
export const requestContext: MiddlewareHandler<AppEnv> = async (c, next) => {
  const requestId = crypto.randomUUID();
  c.set('requestId', requestId);
  c.set('clientIp', c.req.header('cf-connecting-ip') ?? null);
  c.set('control', controlDb(c.env));
  c.set('actor', null);
  c.set('platformActor', null);
  await next();
  c.header('x-request-id', requestId);
};
