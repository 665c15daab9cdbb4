import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { describeZones } from './records';

/** Every zone (an office has tens at most), with its active unit count against the tenant's limit. */
export async function listZones(ctx: ServiceContext) {
  authorize(ctx.actor, 'units.read');
  const items = await describeZones(ctx.db, ctx.tenant.config);
  return { items, limit: ctx.tenant.config.zones.maxUnitsPerZone };
}
