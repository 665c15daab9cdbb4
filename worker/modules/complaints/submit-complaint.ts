import { and, eq } from 'drizzle-orm';
import { complaintEvents, complaints, units } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { AppError } from '../../errors';
import { consumeRateLimits, perClient } from '../../rate-limit';
import { type PublicContext, publicWho } from '../board/public-context';
import { inspectorsForUnit } from '../inspectors/coverage';
import { SUBMIT_PER_CLIENT, SUBMIT_PER_UNIT } from './limits';
import { type ComplaintInput, STATUS_LABELS } from './schemas';
import { newTrackingCode } from './tracking-code';

/** An active unit's public facts, or 404 (archived, unknown, or another tenant's). */
export async function findPublicUnit(ctx: PublicContext, unitId: string) {
  const [unit] = await ctx.db
    .select({ id: units.id, name: units.name, kind: units.kind, address: units.address })
    .from(units)
    .where(and(eq(units.id, unitId), eq(units.status, 'active')))
    .limit(1);
  if (!unit) throw new AppError('NOT_FOUND', '未找到该单位的公示信息，请核对二维码或网址。');
  return unit;
}

function isCodeCollision(err: unknown): boolean {
  for (let e = err as { message?: string; cause?: unknown } | null, i = 0; e && i < 5; i++) {
    if (String(e.message ?? '').includes('complaints.tracking_code')) return true;
    e = e.cause as typeof e;
  }
  return false;
}

/**
 * Public: stores a complaint or suggestion about a unit and hands the sender a tracking code, once.
 * It goes straight to the unit's first responsible inspector when it has one.
 */
export async function submitComplaint(ctx: PublicContext, unitId: string, input: ComplaintInput) {
  const { db } = ctx;
  const unit = await findPublicUnit(ctx, unitId);
  await consumeRateLimits(db.$client, [
    ...perClient('complaint', ctx.clientIp, SUBMIT_PER_CLIENT),
    { key: `complaint:unit:${unit.id}`, ...SUBMIT_PER_UNIT },
  ]);
  const assignee = (await inspectorsForUnit(db, unit.id))[0] ?? null;
  const status = assignee ? 'assigned' : 'received';
  const id = crypto.randomUUID();
  const at = new Date().toISOString();
  const who = publicWho(ctx);

  for (let attempt = 0; ; attempt++) {
    const trackingCode = newTrackingCode();
    try {
      await db.batch([
        db.insert(complaints).values({
          id,
          trackingCode,
          unitId: unit.id,
          category: input.category,
          topic: input.topic,
          body: input.body,
          contactName: input.contactName || null,
          contactPhone: input.contactPhone ?? null,
          status,
          assigneeId: assignee?.id ?? null,
          createdAt: at,
          updatedAt: at,
        }),
        db.insert(complaintEvents).values({
          complaintId: id,
          at,
          actorId: null,
          actorName: who.actorName,
          action: 'submitted',
          note: null,
        }),
        ...(assignee
          ? [
              db.insert(complaintEvents).values({
                complaintId: id,
                at,
                actorId: null,
                actorName: '系统',
                action: 'assigned',
                note: `自动分派给责任督学${assignee.name}`,
              }),
            ]
          : []),
        tenantAudit(db, who, {
          action: 'complaint.submit',
          entityType: 'complaint',
          entityId: id,
          details: {
            unitId: unit.id,
            unitName: unit.name,
            category: input.category,
            assigneeId: assignee?.id ?? null,
          },
        }),
      ]);
      return {
        trackingCode,
        status,
        statusLabel: STATUS_LABELS[status],
        unitName: unit.name,
        hint: `请抄写或截图保存查询码 ${trackingCode}：凭此码可随时查询办理进度和答复。为保护您的隐私，查询码只显示这一次。`,
      };
    } catch (err) {
      if (attempt < 2 && isCodeCollision(err)) continue;
      throw err;
    }
  }
}
