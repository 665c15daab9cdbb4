import { and, eq, sql } from 'drizzle-orm';
import { evaluationRoundUnits, evaluationScores } from '../../../../db/schema/tenant';
import { guardedTenantAudit } from '../../../audit';
import type { ServiceContext } from '../../../context';
import { beijingDate } from '../../../dates';
import { AppError, type FieldIssue, validationError } from '../../../errors';
import { actorWho } from '../../../service-context';
import { getRoundUnit } from './get-round-unit';
import { loadOwnUnit } from './save-self';
import { assertFilling, indicatorLabel, leavesByKey } from './score-rules';
import { totalScores } from './totals';

/**
 * Submits the self-evaluation: every leaf scored and the 自查报告 written, else a 422 listing what
 * is missing. After the self deadline it is still accepted (a late unit should not be locked out of
 * its own evaluation) but flagged: `submittedLate` on the workbench and `late` in the audit row.
 * The status moves `self` → `submitted` only if it is still `self` (a twin submit gets a 409).
 */
export async function submitSelf(ctx: ServiceContext, roundId: string, unitId: string) {
  const loaded = await loadOwnUnit(ctx, roundId, unitId);
  assertFilling(loaded, '提交自评');
  const { db } = ctx;
  const rows = await db
    .select({ key: evaluationScores.indicatorKey, score: evaluationScores.score })
    .from(evaluationScores)
    .where(
      and(
        eq(evaluationScores.roundId, roundId),
        eq(evaluationScores.unitId, unitId),
        eq(evaluationScores.side, 'self'),
      ),
    );
  const totals = totalScores(loaded.scheme.body, new Map(rows.map((r) => [r.key, r.score])));
  const leaves = leavesByKey(loaded.scheme.body);
  const issues: FieldIssue[] = totals.missing.map((key) => {
    const leaf = leaves.get(key);
    return { path: `scores.${key}`, message: `${leaf ? indicatorLabel(leaf) : key}还没有自评得分` };
  });
  if (!loaded.unit.selfReport?.trim()) issues.push({ path: 'selfReport', message: '请先填写自查报告' });
  if (issues.length > 0) {
    const message =
      totals.missing.length > 0
        ? `还有 ${totals.missing.length} 项指标没有自评得分${loaded.unit.selfReport?.trim() ? '' : '，自查报告也未填写'}，请补全后再提交。`
        : '请先填写自查报告再提交。';
    throw validationError(issues, message);
  }

  const now = new Date().toISOString();
  const late = beijingDate() > loaded.round.selfDeadline;
  const [updated] = await db.batch([
    db
      .update(evaluationRoundUnits)
      .set({ status: 'submitted', submittedAt: now, selfTotal: totals.total, updatedAt: now })
      .where(
        and(
          eq(evaluationRoundUnits.roundId, roundId),
          eq(evaluationRoundUnits.unitId, unitId),
          eq(evaluationRoundUnits.status, 'self'),
        ),
      )
      .returning({ unitId: evaluationRoundUnits.unitId }),
    guardedTenantAudit(
      db,
      actorWho(ctx),
      {
        action: 'evaluation_round.submit',
        entityType: 'evaluation_round',
        entityId: roundId,
        details: { unitId, unit: loaded.unit.name, selfTotal: totals.total, late },
      },
      sql`changes() = 1`,
    ),
  ]);
  if (updated.length === 0) throw new AppError('CONFLICT', '本单位已提交自评，请刷新页面查看。');
  return getRoundUnit(ctx, roundId, unitId);
}
