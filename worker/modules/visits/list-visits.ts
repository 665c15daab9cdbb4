import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { checklistTemplates, checklistTemplateVersions, units, visits } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { validationError } from '../../errors';
import { findingCount, leadName } from './records';
import type { ListVisitsQuery } from './schemas';

/** One page of the module's visits, the latest visit day first: inspectors see every visit of the module. */
export async function listVisits(ctx: ServiceContext, module: ModuleKey, query: ListVisitsQuery) {
  authorize(ctx.actor, 'visits.read');
  const { db } = ctx;
  if (query.from && query.to && query.from > query.to) {
    throw validationError([{ path: 'to', message: '结束日期不能早于开始日期' }], '结束日期不能早于开始日期');
  }
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const conditions: SQL[] = [eq(visits.module, module)];
  if (query.unitId) conditions.push(eq(visits.unitId, query.unitId));
  if (query.kind) conditions.push(eq(visits.kind, query.kind));
  if (query.from) conditions.push(gte(visits.visitedOn, query.from));
  if (query.to) conditions.push(lte(visits.visitedOn, query.to));
  const where = and(...conditions);
  // visits_module_idx (module, visited_on) serves the filter and the order; a unit's visits use visits_unit_idx.
  const [rows, totals] = await db.batch([
    db
      .select({
        id: visits.id,
        module: visits.module,
        kind: visits.kind,
        unitId: visits.unitId,
        unitName: units.name,
        visitedOn: visits.visitedOn,
        theme: visits.theme,
        score: visits.score,
        maxScore: visits.maxScore,
        templateName: checklistTemplates.name,
        templateVersion: checklistTemplateVersions.version,
        leadName,
        findingCount,
        createdAt: visits.createdAt,
      })
      .from(visits)
      .innerJoin(units, eq(units.id, visits.unitId))
      .innerJoin(checklistTemplateVersions, eq(checklistTemplateVersions.id, visits.templateVersionId))
      .innerJoin(checklistTemplates, eq(checklistTemplates.id, checklistTemplateVersions.templateId))
      .where(where)
      .orderBy(desc(visits.visitedOn), desc(visits.createdAt), desc(visits.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(visits).where(where),
  ]);
  return { items: rows, total: totals[0]?.total ?? 0, page, pageSize };
}
