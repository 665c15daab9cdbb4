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

/** Who did it, for the audit record a service verb writes in its transaction. */
export function actorWho(ctx: ServiceContext) {
  return {
    actorId: ctx.actor.id,
    actorName: ctx.actor.displayName,
    requestId: ctx.requestId,
    clientIp: ctx.clientIp,
  };
}

/** How an operator appears in audit records, tenant-side ones included. */
export function operatorWho(ctx: PlatformContext) {
  return { actorId: `platform:${ctx.actor.id}`, actorName: ctx.actor.displayName, requestId: ctx.requestId };
}

export function platformContext(c: Context<AppEnv>): PlatformContext {
  return {
    actor: currentPlatformActor(c),
    control: c.get('control'),
    env: c.env,
    requestId: c.get('requestId'),
  };
}
