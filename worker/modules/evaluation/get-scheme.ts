import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { schemeWithVersion } from './records';

export async function getScheme(ctx: ServiceContext, id: string, version?: number) {
  authorize(ctx.actor, 'evaluation.read');
  return schemeWithVersion(ctx.db, id, version);
}
