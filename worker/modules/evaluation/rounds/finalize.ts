import { and, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import { evaluationRoundUnits, type RoundUnitStatus } from '../../../../db/schema/tenant';
import { guardedTenantAudit } from '../../../audit';
import { authorize } from '../../../auth/permissions';
import type { ServiceContext } from '../../../context';
import { beijingDate } from '../../../dates';
import { AppError, validationError } from '../../../errors';
import { actorWho } from '../../../service-context';
import { activeUserIds, notifyStatements } from '../../notifications/notify';
import { loadRoundUnitForActor } from './access';
import { requireLeadOrOffice, unitKey, unitResultLink } from './publish-result';
import { reviewScores, STATUS_LABELS } from './save-review';
import { totalScores } from './totals';

/**
 * The final result (确定最终结果), by the lead reviewer or the office: from `replied` with the team's
 * answer to the reply (scores changed in answer were saved before, through the review save), or from
 * `reviewed` once the unit said it has no objection or the reply deadline has passed. The final
 * total is the team's total at that moment.
 */

export const FinalizeInput = v.object({
  answer: v.optional(
    v.nullable(
      v.pipe(v.string('申辩答复必须是文字'), v.trim(), v.maxLength(5000, '申辩答复不能超过 5000 个字')),
    ),
  ),
});
export type FinalizeInput = v.InferOutput<typeof FinalizeInput>;

/** Why the unit cannot be finalized now, or null: the state rule, pure for the unit tests. */
export function finalizeBlock(
  unit: { status: RoundUnitStatus; repliedAt: string | null },
  replyDeadline: string,
  today: string,
): string | null {
  switch (unit.status) {
    case 'replied':
      return null;
    case 'reviewed':
      if (unit.repliedAt || today > replyDeadline) return null;
      return `申辩期未结束（截止 ${replyDeadline}），单位也未确认无异议，暂不能确定最终结果。`;
    case 'final':
      return '最终结果已经确定过了。';
    default:
      return `该单位当前状态为“${STATUS_LABELS[unit.status]}”，须先发布初步评估结果。`;
  }
}

export async function finalizeResult(
  ctx: ServiceContext,
  roundId: string,
  unitId: string,
  input: FinalizeInput,
) {
  authorize(ctx.actor, 'evaluation.review');
  const loaded = await loadRoundUnitForActor(ctx, roundId, unitId);
  requireLeadOrOffice(ctx.actor, loaded, '确定最终结果');
  const { unit, scheme, round } = loaded;
  const blocked = finalizeBlock(unit, round.replyDeadline, beijingDate());
  if (blocked) throw new AppError('CONFLICT', blocked);
  const answer = input.answer?.trim() || null;
  if (unit.status === 'replied' && !answer) {
    throw validationError([{ path: 'answer', message: '单位提出了申辩，请填写评估组对申辩的答复' }]);
  }
  const { db } = ctx;
  const totals = totalScores(scheme.body, await reviewScores(db, roundId, unitId));
  if (!totals.complete) {
    throw new AppError('CONFLICT', `还有 ${totals.missing.length} 个指标没有评估组评分，请补全后再确定。`);
  }
  const now = new Date().toISOString();
  const managers = await activeUserIds(db, 'unit_manager', unitId);
  const [changed] = await db.batch([
    db
      .update(evaluationRoundUnits)
      .set({
        status: 'final',
        reviewTotal: totals.total,
        finalTotal: totals.total,
        replyAnswer: answer,
        finalizedAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(evaluationRoundUnits.roundId, roundId),
          eq(evaluationRoundUnits.unitId, unitId),
          eq(evaluationRoundUnits.status, unit.status),
        ),
      )
      .returning({ unitId: evaluationRoundUnits.unitId }),
    // Two people at once: one change, one record.
    guardedTenantAudit(
      db,
      actorWho(ctx),
      {
        action: 'evaluation_round.finalize',
        entityType: 'evaluation_round_unit',
        entityId: unitKey(roundId, unitId),
        details: {
          unitName: unit.name,
          finalTotal: totals.total,
          previousTotal: unit.reviewTotal,
          answered: answer !== null,
        },
      },
      sql`changes() = 1`,
    ),
    ...notifyStatements(db, {
      userIds: managers,
      kind: 'evaluation_result_final',
      entityType: 'evaluation_round_unit',
      entityId: unitKey(roundId, unitId),
      title: `${round.name}：最终评估结果已确定（${totals.total} 分）`,
      link: unitResultLink(roundId, unitId),
    }),
  ]);
  if (changed.length === 0)
    throw new AppError('CONFLICT', '该单位的评估状态刚刚被他人改变，请刷新页面后重试。');
  return { status: 'final' as const, finalTotal: totals.total, finalizedAt: now };
}
