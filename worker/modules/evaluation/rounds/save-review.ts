import { and, eq, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { TenantDb } from '../../../../db/client';
import { evaluationRoundUnits, evaluationScores, type RoundUnitStatus } from '../../../../db/schema/tenant';
import type { SchemeBody } from '../../../../tenants/evaluation/scheme';
import { tenantAudit } from '../../../audit';
import { authorize } from '../../../auth/permissions';
import type { ServiceContext } from '../../../context';
import { AppError, type FieldIssue, validationError } from '../../../errors';
import { actorWho } from '../../../service-context';
import { type LoadedRoundUnit, loadRoundUnitForActor } from './access';
import { leavesByKey, scoreProblem } from './score-rules';
import { guardedScores, scoreTotalSql, unitStillIn } from './score-writes';
import { totalScores } from './totals';

/**
 * The team scores a unit (评估组评分): any subset of leaves at a time, saved as they go, while the
 * unit is `submitted`, or `replied` when answering the reply changes scores. Only a member of the
 * round's team scores; the office reading the round without being on it gets a 403 (it can see the
 * unit), anyone who cannot see the unit a 404 (access.ts).
 */

/** Scores and comments for any subset of leaves, shaped as the self-evaluation's (`key`, `score`, `note`). */
export const ReviewInput = v.object({
  scores: v.pipe(
    v.array(
      v.object({
        key: v.pipe(v.string('指标编号必须是文字'), v.trim(), v.nonEmpty('请填写指标编号')),
        score: v.number('得分必须是数字'),
        note: v.optional(
          v.nullable(
            v.pipe(v.string('评分意见必须是文字'), v.trim(), v.maxLength(2000, '评分意见不能超过 2000 个字')),
          ),
        ),
      }),
      '得分应为列表',
    ),
    v.minLength(1, '请至少填写 1 项得分'),
    v.maxLength(400, '一次最多保存 400 项得分'),
  ),
});
export type ReviewInput = v.InferOutput<typeof ReviewInput>;

/** Statuses in which the team's scores may change. */
export const REVIEW_EDITABLE: ReadonlySet<RoundUnitStatus> = new Set(['submitted', 'replied']);

export const STATUS_LABELS: Record<RoundUnitStatus, string> = {
  self: '自评中',
  submitted: '待评审',
  reviewed: '已发布初步结果',
  replied: '已申辩',
  final: '已确定最终结果',
};

/** Problems of scores against the scheme's leaves (the rules the unit's own scores follow too). */
export function reviewScoreIssues(body: SchemeBody, scores: ReviewInput['scores']): FieldIssue[] {
  const leaves = leavesByKey(body);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  scores.forEach((entry, i) => {
    if (seen.has(entry.key))
      issues.push({ path: `scores.${i}.key`, message: `指标“${entry.key}”填写了两次` });
    seen.add(entry.key);
    const problem = scoreProblem(leaves, entry.key, entry.score);
    if (problem) issues.push({ path: `scores.${i}.${problem.field}`, message: problem.message });
  });
  return issues;
}

/** The team's current scores of a unit, by leaf key. */
export async function reviewScores(db: TenantDb, roundId: string, unitId: string) {
  const rows = await db
    .select({ key: evaluationScores.indicatorKey, score: evaluationScores.score })
    .from(evaluationScores)
    .where(
      and(
        eq(evaluationScores.roundId, roundId),
        eq(evaluationScores.unitId, unitId),
        eq(evaluationScores.side, 'review'),
      ),
    );
  return Object.fromEntries(rows.map((r) => [r.key, r.score])) as Record<string, number>;
}

/** 403 unless the actor is on the round's team; `lead` also lets the office (evaluation.manage) in. */
export function requireTeam(loaded: LoadedRoundUnit, what: string): void {
  if (!loaded.reviewer) {
    throw new AppError('FORBIDDEN', `您不是本次评估的评估组成员，不能${what}。`);
  }
}

export async function saveReview(ctx: ServiceContext, roundId: string, unitId: string, input: ReviewInput) {
  authorize(ctx.actor, 'evaluation.review');
  const loaded = await loadRoundUnitForActor(ctx, roundId, unitId);
  requireTeam(loaded, '评分');
  const { unit, scheme } = loaded;
  if (!REVIEW_EDITABLE.has(unit.status)) {
    throw new AppError(
      'CONFLICT',
      `该单位当前状态为“${STATUS_LABELS[unit.status]}”，只有待评审或已申辩的单位可以修改评估组评分。`,
    );
  }
  const issues = reviewScoreIssues(scheme.body, input.scores);
  if (issues.length > 0) throw validationError(issues, issues[0]?.message);

  const { db } = ctx;
  const now = new Date().toISOString();
  const batch = db.batch([
    unitStillIn(db, roundId, unitId, [...REVIEW_EDITABLE]),
    ...input.scores.map((entry) =>
      db
        .insert(evaluationScores)
        .values({
          roundId,
          unitId,
          side: 'review',
          indicatorKey: entry.key,
          score: entry.score,
          note: entry.note || null,
          scoredBy: ctx.actor.id,
          scoredAt: now,
        })
        .onConflictDoUpdate({
          target: [
            evaluationScores.roundId,
            evaluationScores.unitId,
            evaluationScores.side,
            evaluationScores.indicatorKey,
          ],
          set: {
            score: sql`excluded.score`,
            note: sql`excluded.note`,
            scoredBy: sql`excluded.scored_by`,
            scoredAt: sql`excluded.scored_at`,
          },
        }),
    ),
    db
      .update(evaluationRoundUnits)
      .set({ reviewTotal: scoreTotalSql(roundId, unitId, 'review'), updatedAt: now })
      .where(and(eq(evaluationRoundUnits.roundId, roundId), eq(evaluationRoundUnits.unitId, unitId))),
    tenantAudit(db, actorWho(ctx), {
      action: 'evaluation_round.review',
      entityType: 'evaluation_round_unit',
      entityId: `${roundId}:${unitId}`,
      details: { unitName: unit.name, indicators: input.scores.map((s) => s.key) },
    }),
  ]);
  await guardedScores(() => batch, '该单位的评估结果刚刚已发布或已定稿，这次评分没有保存；请刷新页面查看。');
  const totals = totalScores(scheme.body, await reviewScores(db, roundId, unitId));
  return {
    reviewTotal: totals.total,
    scored: totals.scored,
    leaves: totals.leaves,
    missing: totals.missing,
  };
}
