import { and, eq } from 'drizzle-orm';
import { findingEvents, findings, units, visits } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { addDays, beijingDate } from '../../dates';
import { validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { newFindingRows } from './new-finding';
import { findingDetail } from './records';
import type { FindingInput } from './schemas';

/** How far ahead a deadline may be set. */
export const MAX_DEADLINE_DAYS = 366;

/** The office records a finding that no checklist item drafted (it may still name a visit of the module). */
export async function createFinding(ctx: ServiceContext, module: ModuleKey, input: FindingInput) {
  authorize(ctx.actor, 'findings.manage');
  const { db } = ctx;
  const today = beijingDate();
  if (input.deadline < today) {
    throw validationError([{ path: 'deadline', message: `整改期限不能早于今天（${today}），请重新选择` }]);
  }
  if (input.deadline > addDays(today, MAX_DEADLINE_DAYS)) {
    throw validationError([{ path: 'deadline', message: '整改期限不能超过一年，请重新选择' }]);
  }
  const [unit] = await db
    .select({ id: units.id, status: units.status })
    .from(units)
    .where(eq(units.id, input.unitId))
    .limit(1);
  if (!unit) {
    throw validationError([{ path: 'unitId', message: '未找到该单位，请重新选择被督导单位' }]);
  }
  if (unit.status !== 'active') {
    throw validationError([{ path: 'unitId', message: '该单位已归档，不能登记问题；请先恢复该单位' }]);
  }
  if (input.visitId) {
    const [visit] = await db
      .select({ unitId: visits.unitId })
      .from(visits)
      .where(and(eq(visits.id, input.visitId), eq(visits.module, module)))
      .limit(1);
    if (!visit) {
      throw validationError([{ path: 'visitId', message: '未找到本模块的这条督导记录，请检查或留空' }]);
    }
    if (visit.unitId !== input.unitId) {
      throw validationError([
        { path: 'visitId', message: '这条督导记录不是该单位的，请选择该单位的督导记录或留空' },
      ]);
    }
  }
  const { row, event } = newFindingRows(
    {
      module,
      unitId: input.unitId,
      visitId: input.visitId ?? null,
      category: input.category,
      severity: input.severity,
      description: input.description,
      requirement: input.requirement || null,
      responsiblePerson: input.responsiblePerson || null,
      deadline: input.deadline,
    },
    { id: ctx.actor.id, name: ctx.actor.displayName },
  );
  await db.batch([
    db.insert(findings).values(row),
    db.insert(findingEvents).values(event),
    tenantAudit(db, actorWho(ctx), {
      action: 'finding.create',
      entityType: 'finding',
      entityId: row.id,
      details: {
        module,
        unitId: row.unitId,
        category: row.category,
        severity: row.severity,
        deadline: row.deadline,
        visitId: row.visitId,
      },
    }),
  ]);
  return findingDetail(ctx, module, row.id);
}
