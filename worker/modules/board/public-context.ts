import type { Context } from 'hono';
import type { TenantDb } from '../../../db/client';
import type { AppEnv, TenantRecord } from '../../context';

/**
 * What a public (no sign-in) verb of the board and the complaint channel receives. There is no actor:
 * these verbs answer anyone, so each one decides for itself what it reveals and limits abuse.
 */
export interface PublicContext {
  tenant: TenantRecord;
  db: TenantDb;
  requestId: string;
  clientIp: string | null;
}

export function publicContext(c: Context<AppEnv>): PublicContext {
  return {
    tenant: c.get('tenant'),
    db: c.get('db'),
    requestId: c.get('requestId'),
    clientIp: c.get('clientIp'),
  };
}

/** How a member of the public appears in audit records and complaint events. */
export const PUBLIC_ACTOR_NAME = '公众';

export function publicWho(ctx: PublicContext) {
  return { actorId: null, actorName: PUBLIC_ACTOR_NAME, requestId: ctx.requestId, clientIp: ctx.clientIp };
}
