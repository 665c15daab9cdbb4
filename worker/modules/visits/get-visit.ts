import type { ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { findVisit, visitDetail } from './records';

/** The visit with its team, template version body, answers, photos and findings. */
export async function getVisit(ctx: ServiceContext, module: ModuleKey, id: string) {
  authorize(ctx.actor, 'visits.read');
  return visitDetail(ctx.db, await findVisit(ctx.db, module, id));
}
