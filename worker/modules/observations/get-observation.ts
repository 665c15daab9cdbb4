import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { findVisibleObservation, observationDetail } from './records';

/** One record with its people, unit and rubric version; 404 for a record the actor may not see. */
export async function getObservation(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'observations.read');
  return observationDetail(ctx.db, await findVisibleObservation(ctx, id));
}
