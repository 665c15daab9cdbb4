import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { describeUnit } from './records';

export async function getUnit(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'units.read');
  return describeUnit(ctx.db, ctx.tenant, id);
}
