import { and, eq, isNull, sql } from 'drizzle-orm';
import { observations } from '../../../db/schema/tenant';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { rowsAffected } from '../accounts/records';
import { findVisibleObservation, observationById, observationDetail } from './records';
import type { AcknowledgeInput } from './schemas';

function alreadyAcknowledged(at: string | null) {
  const when = at ? `（${at.slice(0, 10)}）` : '';
  return new AppError(
    'CONFLICT',
    `您已确认过这条听课记录${when}，不能重复确认；如有补充意见，请与听课人或督导室沟通。`,
  );
}

/**
 * The observed teacher has read the record and may reply, once. Only the teacher it is about may
 * do it; to anyone else who may see it, the record does not exist as something to acknowledge (404).
 * The update is guarded on the record still being unacknowledged, and so is its audit row, so two
 * presses at once acknowledge it once.
 */
export async function acknowledgeObservation(ctx: ServiceContext, id: string, input: AcknowledgeInput) {
  authorize(ctx.actor, 'observations.acknowledge');
  const { db, actor } = ctx;
  const before = await findVisibleObservation(ctx, id);
  if (before.teacherId !== actor.id) {
    throw new AppError('NOT_FOUND', '未找到需要您确认的这条听课记录：只有被听课的教师本人可以确认。');
  }
  if (before.acknowledgedAt) throw alreadyAcknowledged(before.acknowledgedAt);

  const now = new Date().toISOString();
  const reply = input.reply || null;
  const [update] = await db.batch([
    db
      .update(observations)
      .set({ acknowledgedAt: now, reply, repliedAt: reply ? now : null })
      .where(
        and(
          eq(observations.id, id),
          eq(observations.teacherId, actor.id),
          isNull(observations.acknowledgedAt),
        ),
      ),
    guardedTenantAudit(
      db,
      actorWho(ctx),
      {
        action: 'observation.acknowledge',
        entityType: 'observation',
        entityId: id,
        details: { replied: reply !== null, course: before.course, observedOn: before.observedOn },
      },
      sql`changes() = 1`,
    ),
  ]);
  const after = await observationById(db, id);
  if (!after) throw new AppError('INTERNAL');
  // Another press got there first: this one changed nothing (the clock cannot tell them apart).
  if (rowsAffected(update) === 0) throw alreadyAcknowledged(after.acknowledgedAt);
  return observationDetail(db, after);
}
