import { and, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { TenantDb } from '../../../../db/client';
import { evaluationRoundReviewers, evaluationRoundUnits } from '../../../../db/schema/tenant';
import { guardedTenantAudit } from '../../../audit';
import { authorize, can } from '../../../auth/permissions';
import type { Actor, ServiceContext } from '../../../context';
import { AppError, validationError } from '../../../errors';
import { actorWho } from '../../../service-context';
import { text } from '../../../validation';
import { activeUserIds, notifyStatements } from '../../notifications/notify';
import { type LoadedRoundUnit, loadRoundUnitForActor } from './access';
import { reviewScores, STATUS_LABELS } from './save-review';
import { totalScores } from './totals';

/**
 * Publishing the preliminary result (发布初步评估结果): the lead reviewer or the office, once every
 * leaf has the team's score, with the team's summary (评估组意见). The unit goes `submitted` →
 * `reviewed`, its managers are told and from then see the team's scores and notes.
 */

export const PublishInput = v.object({ summary: text('评估组意见', 5000) });
export type PublishInput = v.InferOutput<typeof PublishInput>;

/** Publishing and finalizing are the lead's or the office's (evaluation.manage); 403 for other members. */
export function requireLeadOrOffice(actor: Actor, loaded: LoadedRoundUnit, what: string): void {
  if (can(actor, 'evaluation.manage') || loaded.reviewer?.lead) return;
  throw new AppError('FORBIDDEN', `只有评估组组长或督导室负责人可以${what}。`);
}

/** Paths below /t/:tenant/ the notifications open. */
export const unitResultLink = (roundId: string, unitId: string) =>
  `evaluation/rounds/${roundId}/units/${unitId}/result`;
export const unitReviewLink = (roundId: string, unitId: string) =>
  `evaluation/rounds/${roundId}/units/${unitId}/review`;

/** The round's team, to tell them of a reply. */
export async function teamUserIds(db: TenantDb, roundId: string): Promise<string[]> {
  const rows = await db
    .select({ id: evaluationRoundReviewers.userId })
    .from(evaluationRoundReviewers)
    .where(eq(evaluationRoundReviewers.roundId, roundId));
  return rows.map((r) => r.id);
}

export const unitKey = (roundId: string, unitId: string) => `${roundId}:${unitId}`;

export async function publishResult(
  ctx: ServiceContext,
  roundId: string,
  unitId: string,
  input: PublishInput,
) {
  authorize(ctx.actor, 'evaluation.review');
  const loaded = await loadRoundUnitForActor(ctx, roundId, unitId);
  requireLeadOrOffice(ctx.actor, loaded, '发布初步评估结果');
  const { unit, scheme, round } = loaded;
  if (unit.status !== 'submitted') {
    throw new AppError(
      'CONFLICT',
      unit.status === 'self'
        ? '该单位尚未提交自评，评估组不能发布结果。'
        : `该单位当前状态为“${STATUS_LABELS[unit.status]}”，初步结果已经发布过了。`,
    );
  }
  const { db } = ctx;
  const totals = totalScores(scheme.body, await reviewScores(db, roundId, unitId));
  if (!totals.complete) {
    const names = totals.missing.slice(0, 10).join('、');
    throw validationError(
      totals.missing.map((key) => ({ path: `scores.${key}`, message: `指标“${key}”还没有评估组评分` })),
      `还有 ${totals.missing.length} 个指标未评分（${names}${totals.missing.length > 10 ? ' 等' : ''}），请全部评分后再发布。`,
    );
  }
  const now = new Date().toISOString();
  const managers = await activeUserIds(db, 'unit_manager', unitId);
  const [changed] = await db.batch([
    db
      .update(evaluationRoundUnits)
      .set({
        status: 'reviewed',
        reviewTotal: totals.total,
        reviewSummary: input.summary,
        publishedAt: now,
        updatedAt: now,
      })
      .where(
        and(
          eq(evaluationRoundUnits.roundId, roundId),
          eq(evaluationRoundUnits.unitId, unitId),
          eq(evaluationRoundUnits.status, 'submitted'),
        ),
      )
      .returning({ unitId: evaluationRoundUnits.unitId }),
    // Two people at once: one change, one record.
    guardedTenantAudit(
      db,
      actorWho(ctx),
      {
        action: 'evaluation_round.publish',
        entityType: 'evaluation_round_unit',
        entityId: unitKey(roundId, unitId),
        details: { unitName: unit.name, reviewTotal: totals.total },
      },
      sql`changes() = 1`,
    ),
    ...notifyStatements(db, {
      userIds: managers,
      kind: 'evaluation_result_published',
      entityType: 'evaluation_round_unit',
      entityId: unitKey(roundId, unitId),
      title: `${round.name}：初步评估结果已发布（${totals.total} 分）`,
      body: `可在 ${round.replyDeadline} 前提出申辩，或确认无异议。`,
      link: unitResultLink(roundId, unitId),
    }),
  ]);
  if (changed.length === 0)
    throw new AppError('CONFLICT', '该单位的评估状态刚刚被他人改变，请刷新页面后重试。');
  return { status: 'reviewed' as const, reviewTotal: totals.total, publishedAt: now };
}
