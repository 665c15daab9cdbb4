import { eq } from 'drizzle-orm';
import type { BatchItem } from 'drizzle-orm/batch';
import { developmentTargets } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { targetsForUnit } from './for-unit';
import { refuseArchived, schoolYearLabel, targetsOfYear, visibleUnit } from './records';
import type { ReorderInput } from './schemas';

/** Puts a year's targets in the given order; `ids` must be exactly that year's targets. */
export async function reorderTargets(ctx: ServiceContext, input: ReorderInput) {
  authorize(ctx.actor, 'targets.manage');
  const { db } = ctx;
  const unit = await visibleUnit(ctx, input.unitId);
  refuseArchived(unit);
  const current = await targetsOfYear(db, unit.id, input.schoolYear);
  const known = new Set(current.map((t) => t.id));
  const given = new Set(input.ids);
  if (
    given.size !== input.ids.length ||
    given.size !== known.size ||
    input.ids.some((id) => !known.has(id))
  ) {
    const message = '目标列表已有变化（有人新增或删除了目标），请刷新后重新排序';
    throw validationError([{ path: 'ids', message }], message);
  }
  const now = new Date().toISOString();
  const title = new Map(current.map((t) => [t.id, t.title]));
  const updates: BatchItem<'sqlite'>[] = input.ids.map((id, sort) =>
    db.update(developmentTargets).set({ sort, updatedAt: now }).where(eq(developmentTargets.id, id)),
  );
  if (updates.length > 0) {
    await db.batch([
      tenantAudit(db, actorWho(ctx), {
        action: 'development_target.reorder',
        entityType: 'development_target',
        entityId: unit.id,
        details: {
          unitId: unit.id,
          unitName: unit.name,
          year: schoolYearLabel(input.schoolYear),
          order: input.ids.map((id) => title.get(id)),
        },
      }),
      ...updates,
    ]);
  }
  return targetsForUnit(db, unit.id, input.schoolYear);
}
