import { asc, eq } from 'drizzle-orm';
import { complaintEvents, complaints, units } from '../../../db/schema/tenant';
import { AppError } from '../../errors';
import type { PublicContext } from '../board/public-context';
import { STATUS_LABELS } from './schemas';
import { normalizeCode } from './tracking-code';

const NOT_FOUND = '未找到该查询码对应的反映事项，请核对查询码（共 10 位字母和数字）。';

/** The complaint a tracking code names, or 404. Callers count the attempt against limits first. */
export async function findByCode(ctx: PublicContext, rawCode: string) {
  const code = normalizeCode(rawCode);
  if (!code) throw new AppError('NOT_FOUND', NOT_FOUND);
  const [row] = await ctx.db
    .select({
      id: complaints.id,
      trackingCode: complaints.trackingCode,
      status: complaints.status,
      category: complaints.category,
      topic: complaints.topic,
      photoKey: complaints.photoKey,
      publicReply: complaints.publicReply,
      createdAt: complaints.createdAt,
      updatedAt: complaints.updatedAt,
      closedAt: complaints.closedAt,
      unitName: units.name,
    })
    .from(complaints)
    .innerJoin(units, eq(units.id, complaints.unitId))
    .where(eq(complaints.trackingCode, code))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', NOT_FOUND);
  return row;
}

/** How each step reads to the sender: no internal notes, no staff names (only “督学”). */
const PUBLIC_STEPS: Record<string, string> = {
  submitted: '已提交',
  assigned: '已受理，由责任督学核实处理',
  replied: '督学已答复',
  closed: '已办结',
  reopened: '重新办理',
};

/** Public: the status of a complaint by its tracking code, with the steps the sender may see. */
export async function trackComplaint(ctx: PublicContext, rawCode: string) {
  const row = await findByCode(ctx, rawCode);
  const events = await ctx.db
    .select({ at: complaintEvents.at, action: complaintEvents.action })
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, row.id))
    .orderBy(asc(complaintEvents.id));
  const timeline: { at: string; label: string }[] = [];
  let accepted = false;
  for (const e of events) {
    const label = PUBLIC_STEPS[e.action];
    if (!label) continue;
    // Re-assignments are the office's business: the sender sees that it was accepted, once.
    if (e.action === 'assigned') {
      if (accepted) continue;
      accepted = true;
    }
    timeline.push({ at: e.at, label });
  }
  return {
    trackingCode: row.trackingCode,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    unitName: row.unitName,
    topic: row.topic,
    createdAt: row.createdAt,
    timeline,
    publicReply: row.publicReply,
    closedAt: row.closedAt,
    hasPhoto: row.photoKey !== null,
  };
}
