import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { loadUser } from './records';

export async function getUser(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'users.read');
  return loadUser(ctx.db, id);
}
