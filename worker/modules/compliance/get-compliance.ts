import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { quotaRolesOf } from './quotas';
import { complianceReport, officeOrder, totalsOf } from './records';
import type { ComplianceQuery } from './schemas';

/**
 * 听课任务完成情况: everyone held to a quota whom the actor may read (a unit manager their unit
 * and its groups), with the semester's progress and totals by unit and quota role. The status
 * filter narrows the people listed; the totals cover everyone the unit and role filters keep.
 */
export async function getCompliance(ctx: ServiceContext, query: ComplianceQuery) {
  authorize(ctx.actor, 'compliance.read');
  const report = await complianceReport(ctx, query.semester, {
    unitId: query.unitId,
    quotaRole: query.quotaRole,
  });
  const totals = totalsOf(report.rows, ctx.tenant.config);
  const people = (query.status ? report.rows.filter((r) => r.status === query.status) : report.rows).sort(
    officeOrder,
  );
  return {
    semester: report.semester,
    today: report.today,
    totals: totals.all,
    byUnit: totals.byUnit,
    byRole: totals.byRole,
    people,
    quotaRoles: quotaRolesOf(ctx.tenant.config),
  };
}
