import type { Context } from 'hono';
import type { AppEnv, PlatformContext, ServiceContext } from './context';
import { currentActor, currentPlatformActor } from './middleware/session';

export function serviceContext(c: Context<AppEnv>): ServiceContext {
  return {
    tenant: c.get('tenant'),
    actor: currentActor(c),
    db: c.get('db'),
    requestId: c.get('requestId'),
    clientIp: c.get('clientIp'),
  };
}

export function platformContext(c: Context<AppEnv>): PlatformContext {
  return {
    actor: currentPlatformActor(c),
    control: c.get('control'),
    env: c.env,
    requestId: c.get('requestId'),
  };
}
