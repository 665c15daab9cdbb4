import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { complianceReport } from './records';
import type { MeQuery } from './schemas';

/** The signed-in person's own progress (null when they are held to no quota), whatever their role. */
export async function myCompliance(ctx: ServiceContext, query: MeQuery) {
  authorize(ctx.actor, 'observations.read');
  const report = await complianceReport(ctx, query.semester, { userId: ctx.actor.id, unscoped: true });
  return { semester: report.semester, row: report.rows[0] ?? null };
}
