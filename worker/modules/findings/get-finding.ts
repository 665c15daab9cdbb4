import type { ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { findingDetail } from './records';

/** One finding with its steps and evidence; a unit manager only their own unit's issued ones (else 404). */
export async function getFinding(ctx: ServiceContext, module: ModuleKey, id: string) {
  authorize(ctx.actor, 'findings.read');
  return findingDetail(ctx, module, id);
}
