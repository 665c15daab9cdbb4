import { and, eq } from 'drizzle-orm';
import { evaluationRoundUnits, evaluationScores } from '../../../../db/schema/tenant';
import { tenantAudit } from '../../../audit';
import { authorize } from '../../../auth/permissions';
import type { ServiceContext } from '../../../context';
import { AppError, type FieldIssue, validationError } from '../../../errors';
import { actorWho } from '../../../service-context';
import { loadRoundUnitForActor, managesUnit, ROUND_UNIT_NOT_FOUND } from './access';
import { getRoundUnit } from './get-round-unit';
import type { SaveSelfInput, SelfReportInput } from './schemas';
import { assertFilling, leavesByKey, scoreProblem } from './score-rules';
import { guardedScores, scoreTotalSql, unitStillIn } from './score-writes';

const SELF_CHANGED = '本单位的自评刚刚已提交或本次评估已结束，这次修改没有保存；请刷新页面查看。';

/** The unit, loaded for its own manager; the office reads but never self-evaluates (403 by permission). */
export async function loadOwnUnit(ctx: ServiceContext, roundId: string, unitId: string) {
  authorize(ctx.actor, 'evaluation.self');
  const loaded = await loadRoundUnitForActor(ctx, roundId, unitId);
  if (!managesUnit(loaded, unitId)) throw new AppError('NOT_FOUND', ROUND_UNIT_NOT_FOUND);
  return loaded;
}

/**
 * Saves self-evaluation scores and notes for any subset of leaves (partial saves along the year);
 * a null score clears a leaf. Every score is checked against its leaf first; one bad entry and
 * nothing is saved. The stored self total is recomputed in the same batch.
 */
export async function saveSelfScores(
  ctx: ServiceContext,
  roundId: string,
  unitId: string,
  input: SaveSelfInput,
) {
  const loaded = await loadOwnUnit(ctx, roundId, unitId);
  assertFilling(loaded, '修改自评得分');
  const leaves = leavesByKey(loaded.scheme.body);
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  input.scores.forEach((entry, i) => {
    if (seen.has(entry.key))
      issues.push({ path: `scores.${i}.key`, message: `指标“${entry.key}”填写了两次` });
    seen.add(entry.key);
    if (entry.score === null) {
      if (!leaves.has(entry.key)) {
        issues.push({
          path: `scores.${i}.key`,
          message: `本次评估的指标体系中没有可评分的指标“${entry.key}”`,
        });
      }
      return;
    }
    const problem = scoreProblem(leaves, entry.key, entry.score);
    if (problem) issues.push({ path: `scores.${i}.${problem.field}`, message: problem.message });
  });
  if (issues.length > 0) throw validationError(issues, issues[0]?.message);

  const { db } = ctx;
  const now = new Date().toISOString();
  const key = (k: string) =>
    and(
      eq(evaluationScores.roundId, roundId),
      eq(evaluationScores.unitId, unitId),
      eq(evaluationScores.side, 'self'),
      eq(evaluationScores.indicatorKey, k),
    );
  const writes = input.scores.map((entry) =>
    entry.score === null
      ? db.delete(evaluationScores).where(key(entry.key))
      : db
          .insert(evaluationScores)
          .values({
            roundId,
            unitId,
            side: 'self',
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
            set: { score: entry.score, note: entry.note || null, scoredBy: ctx.actor.id, scoredAt: now },
          }),
  );
  const [first, ...rest] = writes;
  if (!first) return getRoundUnit(ctx, roundId, unitId);
  const batch = db.batch([
    unitStillIn(db, roundId, unitId, ['self']),
    first,
    ...rest,
    db
      .update(evaluationRoundUnits)
      .set({ selfTotal: scoreTotalSql(roundId, unitId, 'self'), updatedAt: now })
      .where(and(eq(evaluationRoundUnits.roundId, roundId), eq(evaluationRoundUnits.unitId, unitId))),
    tenantAudit(db, actorWho(ctx), {
      action: 'evaluation_round.self_save',
      entityType: 'evaluation_round',
      entityId: roundId,
      details: {
        unitId,
        unit: loaded.unit.name,
        scores: input.scores.map((s) => ({ key: s.key, score: s.score })),
      },
    }),
  ]);
  await guardedScores(() => batch, SELF_CHANGED);
  return getRoundUnit(ctx, roundId, unitId);
}

/** Saves the 自查报告 (an empty text clears it). */
export async function saveSelfReport(
  ctx: ServiceContext,
  roundId: string,
  unitId: string,
  input: SelfReportInput,
) {
  const loaded = await loadOwnUnit(ctx, roundId, unitId);
  assertFilling(loaded, '修改自查报告');
  const { db } = ctx;
  await db.batch([
    db
      .update(evaluationRoundUnits)
      .set({ selfReport: input.selfReport || null, updatedAt: new Date().toISOString() })
      .where(and(eq(evaluationRoundUnits.roundId, roundId), eq(evaluationRoundUnits.unitId, unitId))),
    tenantAudit(db, actorWho(ctx), {
      action: 'evaluation_round.self_report',
      entityType: 'evaluation_round',
      entityId: roundId,
      details: { unitId, unit: loaded.unit.name, length: input.selfReport.length },
    }),
  ]);
  return getRoundUnit(ctx, roundId, unitId);
}
