import { and, asc, eq } from 'drizzle-orm';
import type { TenantDb } from '../../../../db/client';
import { developmentTargets, type TargetStatus } from '../../../../db/schema/tenant';

/**
 * A unit's developmental targets (发展规划年度目标) for the round's school year, read straight from
 * the table so the report does not depend on the targets module; none is the usual case for rounds
 * that are not developmental evaluations, and the report then leaves the section out.
 */

export const TARGET_STATUS_LABELS: Record<TargetStatus, string> = {
  planned: '进行中',
  met: '已达成',
  partly: '部分达成',
  missed: '未达成',
};

export interface ReportTarget {
  title: string;
  measure: string | null;
  status: TargetStatus;
  progress: string | null;
  adjustment: string | null;
  indicatorKey: string | null;
}

export async function unitTargets(db: TenantDb, unitId: string, schoolYear: number): Promise<ReportTarget[]> {
  return db
    .select({
      title: developmentTargets.title,
      measure: developmentTargets.measure,
      status: developmentTargets.status,
      progress: developmentTargets.progress,
      adjustment: developmentTargets.adjustment,
      indicatorKey: developmentTargets.indicatorKey,
    })
    .from(developmentTargets)
    .where(and(eq(developmentTargets.unitId, unitId), eq(developmentTargets.schoolYear, schoolYear)))
    .orderBy(asc(developmentTargets.sort), asc(developmentTargets.createdAt));
}
