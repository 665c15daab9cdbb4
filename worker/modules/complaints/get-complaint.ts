import { asc, eq } from 'drizzle-orm';
import { complaintEvents, inspectors, units } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { ACTION_LABELS, type ComplaintRow, findVisibleComplaint } from './records';
import { CATEGORY_LABELS, STATUS_LABELS } from './schemas';

/** A complaint as the office answers it, with its full record (受理核实投诉记录). */
export async function complaintDetail(ctx: ServiceContext, row: ComplaintRow) {
  const { db } = ctx;
  const [unitRows, assigneeRows, events] = await db.batch([
    db.select({ id: units.id, name: units.name }).from(units).where(eq(units.id, row.unitId)).limit(1),
    db
      .select({ id: inspectors.id, name: inspectors.name })
      .from(inspectors)
      .where(eq(inspectors.id, row.assigneeId ?? ''))
      .limit(1),
    db
      .select({
        id: complaintEvents.id,
        at: complaintEvents.at,
        actorName: complaintEvents.actorName,
        action: complaintEvents.action,
        note: complaintEvents.note,
      })
      .from(complaintEvents)
      .where(eq(complaintEvents.complaintId, row.id))
      .orderBy(asc(complaintEvents.id)),
  ]);
  const { photoKey, unitId, assigneeId, ...rest } = row;
  return {
    ...rest,
    categoryLabel: CATEGORY_LABELS[row.category],
    statusLabel: STATUS_LABELS[row.status],
    hasPhoto: photoKey !== null,
    unit: unitRows[0] ?? { id: unitId, name: '' },
    assignee: assigneeRows[0] ?? null,
    events: events.map((e) => ({ ...e, actionLabel: ACTION_LABELS[e.action] ?? e.action })),
  };
}

export async function getComplaint(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'complaints.read');
  return complaintDetail(ctx, await findVisibleComplaint(ctx, id));
}

/** The R2 key of the sender's photo, for the signed-in photo route. */
export async function complaintPhotoKey(ctx: ServiceContext, id: string): Promise<string> {
  authorize(ctx.actor, 'complaints.read');
  const row = await findVisibleComplaint(ctx, id);
  if (!row.photoKey) throw new AppError('NOT_FOUND', '反映人没有上传照片。');
  return row.photoKey;
}
