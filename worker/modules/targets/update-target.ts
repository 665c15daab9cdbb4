import { and, eq, sql } from 'drizzle-orm';
import { developmentTargets } from '../../../db/schema/tenant';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { shaped } from './for-unit';
import { checkIndicatorKey, findVisibleTarget, refuseArchived, schoolYearLabel } from './records';
import type { ProgressInput, UpdateTargetInput } from './schemas';

type Changes = Partial<
  Pick<
    typeof developmentTargets.$inferInsert,
    'title' | 'measure' | 'indicatorKey' | 'status' | 'progress' | 'adjustment'
  >
>;

/**
 * Writes `changes` to a target the actor may edit. Guarded by the `updatedAt` read, so two edits
 * at once never silently overwrite each other: the later one is a 409, and leaves no audit row.
 */
async function writeTarget(ctx: ServiceContext, id: string, changes: Changes, action: string) {
  authorize(ctx.actor, 'targets.manage');
  const { db } = ctx;
  const { target, unit } = await findVisibleTarget(ctx, id);
  refuseArchived(unit);
  const now = new Date().toISOString();
  const before = Object.fromEntries(Object.keys(changes).map((k) => [k, target[k as keyof Changes]]));
  const [updated] = await db.batch([
    db
      .update(developmentTargets)
      .set({ ...changes, updatedAt: now })
      .where(and(eq(developmentTargets.id, id), eq(developmentTargets.updatedAt, target.updatedAt)))
      .returning(),
    guardedTenantAudit(
      db,
      actorWho(ctx),
      {
        action,
        entityType: 'development_target',
        entityId: id,
        details: {
          unitId: unit.id,
          unitName: unit.name,
          year: schoolYearLabel(target.schoolYear),
          title: target.title,
          before,
          changes,
        },
      },
      sql`changes() = 1`,
    ),
  ]);
  const row = updated[0];
  if (!row) throw new AppError('CONFLICT', '这条目标刚被他人修改或删除，请刷新后再改。');
  return shaped(row);
}

/** Changes a target's wording, measure or indicator. */
export async function updateTarget(ctx: ServiceContext, id: string, input: UpdateTargetInput) {
  authorize(ctx.actor, 'targets.manage');
  await checkIndicatorKey(ctx.db, input.indicatorKey);
  const changes: Changes = {
    ...(input.title !== undefined && { title: input.title }),
    ...(input.measure !== undefined && { measure: input.measure || null }),
    ...(input.indicatorKey !== undefined && { indicatorKey: input.indicatorKey }),
  };
  return writeTarget(ctx, id, changes, 'development_target.update');
}

/** The year-end review: status, what was done, and the adjusted target for next year. */
export async function recordProgress(ctx: ServiceContext, id: string, input: ProgressInput) {
  const changes: Changes = {
    status: input.status,
    ...(input.progress !== undefined && { progress: input.progress || null }),
    ...(input.adjustment !== undefined && { adjustment: input.adjustment || null }),
  };
  return writeTarget(ctx, id, changes, 'development_target.progress');
}
