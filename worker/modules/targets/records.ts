import { and, asc, desc, eq } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import {
  developmentTargets,
  evaluationSchemes,
  evaluationSchemeVersions,
  units,
} from '../../../db/schema/tenant';
import { type SchemeBody, walkIndicators } from '../../../tenants/evaluation/scheme';
import { managedUnitIds } from '../../auth/managed-units';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { AppError, validationError } from '../../errors';
import { semesterOf } from '../../semesters';

export const TARGET_NOT_FOUND = '未找到该发展目标，可能已被删除或不属于您的学校，请返回列表刷新。';
export const UNIT_NOT_FOUND = '未找到该学校，或您只能查看和填写本校的发展目标，请重新选择。';

export type TargetRow = typeof developmentTargets.$inferSelect;

/** The school year today is in (autumn starts it): 2026 for 2026–2027. */
export function currentSchoolYear(ctx: ServiceContext): number {
  const today = beijingDate();
  return semesterOf(Number(today.slice(0, 4)), Number(today.slice(5, 7)), ctx.tenant.config.semesters)
    .schoolYear;
}

export function schoolYearLabel(year: number): string {
  return `${year}—${year + 1}学年`;
}

/**
 * The unit whose targets the actor asks for, if they may see it: the office any unit of the
 * tenant, a unit manager only their own and those under it (another unit is a 404, as if absent).
 */
export async function visibleUnit(ctx: ServiceContext, unitId: string | undefined) {
  const { actor } = ctx;
  const id = unitId ?? (actor.role === 'unit_manager' ? actor.unitId : null);
  if (!id) {
    throw validationError([{ path: 'unitId', message: '请选择学校' }], '请选择要查看发展目标的学校');
  }
  if (actor.role === 'unit_manager') {
    if (!(await managedUnitIds(ctx.db, actor.unitId)).has(id))
      throw new AppError('NOT_FOUND', UNIT_NOT_FOUND);
  }
  const [unit] = await ctx.db
    .select({ id: units.id, name: units.name, status: units.status })
    .from(units)
    .where(eq(units.id, id))
    .limit(1);
  if (!unit) throw new AppError('NOT_FOUND', UNIT_NOT_FOUND);
  return unit;
}

/** A target the actor may see (its unit visible to them), or a 404. */
export async function findVisibleTarget(ctx: ServiceContext, id: string) {
  const [row] = await ctx.db.select().from(developmentTargets).where(eq(developmentTargets.id, id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND', TARGET_NOT_FOUND);
  try {
    const unit = await visibleUnit(ctx, row.unitId);
    return { target: row, unit };
  } catch (e) {
    if (e instanceof AppError && e.code === 'NOT_FOUND') throw new AppError('NOT_FOUND', TARGET_NOT_FOUND);
    throw e;
  }
}

/** A unit's targets of one year in their order. */
export function targetsOfYear(db: TenantDb, unitId: string, schoolYear: number) {
  return db
    .select()
    .from(developmentTargets)
    .where(and(eq(developmentTargets.unitId, unitId), eq(developmentTargets.schoolYear, schoolYear)))
    .orderBy(asc(developmentTargets.sort), asc(developmentTargets.createdAt));
}

export interface IndicatorOption {
  key: string;
  name: string;
  level: number;
  scheme: string;
}

/**
 * The indicators a target may name: the first-level and the leaf indicators of the latest version
 * of each active developmental scheme (发展性评估) of the tenant, as a round scores them.
 */
export async function developmentalIndicators(db: TenantDb): Promise<IndicatorOption[]> {
  const rows = await db
    .select({ name: evaluationSchemes.name, body: evaluationSchemeVersions.body })
    .from(evaluationSchemes)
    .innerJoin(
      evaluationSchemeVersions,
      and(
        eq(evaluationSchemeVersions.schemeId, evaluationSchemes.id),
        eq(evaluationSchemeVersions.version, evaluationSchemes.latestVersion),
      ),
    )
    .where(and(eq(evaluationSchemes.kind, 'developmental'), eq(evaluationSchemes.status, 'active')))
    .orderBy(desc(evaluationSchemes.createdAt));
  const seen = new Set<string>();
  const out: IndicatorOption[] = [];
  for (const row of rows) {
    for (const { indicator, level } of walkIndicators((row.body as SchemeBody).indicators)) {
      const leaf = !indicator.children?.length;
      if ((level !== 1 && !leaf) || seen.has(indicator.key)) continue;
      seen.add(indicator.key);
      out.push({ key: indicator.key, name: indicator.name, level, scheme: row.name });
    }
  }
  return out;
}

/** A given indicator key must be one of those; a 422 at `indicatorKey` names what to do. */
export async function checkIndicatorKey(db: TenantDb, key: string | null | undefined) {
  if (!key) return;
  const options = await developmentalIndicators(db);
  if (options.some((o) => o.key === key)) return;
  const message =
    options.length === 0
      ? '本单位还没有发展性评估方案，对应指标请留空'
      : `对应指标“${key}”不在发展性评估方案中：请选择一级指标或末级指标的编号，或留空`;
  throw validationError([{ path: 'indicatorKey', message }], message);
}

/** An archived school's plan is history: it is read, never changed. */
export function refuseArchived(unit: { status: string }) {
  if (unit.status === 'archived') {
    throw new AppError('CONFLICT', '该学校已归档，不能再修改其发展目标。');
  }
}
