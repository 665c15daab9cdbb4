import { and, asc, eq } from 'drizzle-orm';
import {
  evaluationRoundReviewers,
  evaluationScores,
  type RoundUnitStatus,
  users,
} from '../../../../db/schema/tenant';
import type {
  ReportRow,
  ReportStage,
  ReportTarget,
  UnitReport,
} from '../../../../tenants/evaluation/round-views';
import { walkIndicators } from '../../../../tenants/evaluation/scheme';
import type { ServiceContext } from '../../../context';
import { AppError } from '../../../errors';
import { targetsForUnit } from '../../targets/for-unit';
import { authorizeRoundRead, loadRoundUnitForActor } from './access';
import { totalScores } from './totals';

/**
 * What a unit's 评估报告 holds, for the .docx and the print page alike: the office and the team read
 * it at any time (marked as not yet published before then), the unit once its preliminary result is
 * published (marked 初步 until final).
 */

export type { ReportRow, ReportStage, ReportTarget, UnitReport };

export function reportStage(status: RoundUnitStatus): ReportStage {
  if (status === 'final') return 'final';
  return status === 'reviewed' || status === 'replied' ? 'preliminary' : 'draft';
}

export async function unitReport(ctx: ServiceContext, roundId: string, unitId: string): Promise<UnitReport> {
  authorizeRoundRead(ctx.actor);
  const { round, scheme, unit, access } = await loadRoundUnitForActor(ctx, roundId, unitId);
  const stage = reportStage(unit.status);
  if (access === 'unit' && stage === 'draft') {
    throw new AppError('CONFLICT', '评估组尚未发布初步评估结果，发布后才能查看评估报告。');
  }
  const { db } = ctx;
  const [scoreRows, team, targets] = await Promise.all([
    db
      .select({
        side: evaluationScores.side,
        key: evaluationScores.indicatorKey,
        score: evaluationScores.score,
        note: evaluationScores.note,
      })
      .from(evaluationScores)
      .where(and(eq(evaluationScores.roundId, roundId), eq(evaluationScores.unitId, unitId))),
    db
      .select({ name: users.displayName, lead: evaluationRoundReviewers.lead })
      .from(evaluationRoundReviewers)
      .innerJoin(users, eq(users.id, evaluationRoundReviewers.userId))
      .where(eq(evaluationRoundReviewers.roundId, roundId))
      .orderBy(asc(users.displayName)),
    targetsForUnit(db, unitId, round.schoolYear),
  ]);
  const self: Record<string, number> = {};
  const review: Record<string, number> = {};
  const notes = new Map<string, string | null>();
  for (const r of scoreRows) {
    if (r.side === 'self') self[r.key] = r.score;
    else {
      review[r.key] = r.score;
      notes.set(r.key, r.note);
    }
  }
  const selfTotals = totalScores(scheme.body, self);
  const reviewTotals = totalScores(scheme.body, review);
  const shown = (t: typeof selfTotals, key: string) => {
    const own = t.byKey[key];
    return own && own.scored > 0 ? own.score : null;
  };
  const rows: ReportRow[] = [...walkIndicators(scheme.body.indicators)].map(({ indicator, level }) => {
    const reviewScore = shown(reviewTotals, indicator.key);
    return {
      key: indicator.key,
      name: indicator.name,
      level,
      points: indicator.points,
      leaf: !indicator.children?.length,
      self: shown(selfTotals, indicator.key),
      review: reviewScore,
      final: stage === 'final' ? reviewScore : null,
      reviewNote: notes.get(indicator.key) ?? null,
    };
  });
  return {
    stage,
    office: ctx.tenant.name,
    round: {
      id: round.id,
      name: round.name,
      schoolYear: round.schoolYear,
      replyDeadline: round.replyDeadline,
    },
    scheme: { name: scheme.name, version: scheme.version },
    unit: { id: unitId, name: unit.name, status: unit.status },
    team: team.sort((a, b) => Number(b.lead) - Number(a.lead)),
    points: selfTotals.points,
    selfTotal: unit.selfTotal,
    reviewTotal: unit.reviewTotal,
    finalTotal: unit.finalTotal,
    rows,
    selfReport: unit.selfReport,
    summary: unit.reviewSummary,
    publishedAt: unit.publishedAt,
    reply:
      unit.repliedAt && (unit.reply || unit.replyItems?.length)
        ? { text: unit.reply, items: unit.replyItems ?? [], at: unit.repliedAt }
        : null,
    noObjection: Boolean(unit.repliedAt) && !unit.reply && !unit.replyItems?.length,
    answer: unit.replyAnswer,
    finalizedAt: unit.finalizedAt,
    targets: targets.items.map((t) => ({
      title: t.title,
      measure: t.measure,
      status: t.status,
      statusLabel: t.statusLabel,
      progress: t.progress,
      adjustment: t.adjustment,
    })),
  };
}
