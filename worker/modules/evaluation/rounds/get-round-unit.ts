import { and, asc, eq } from 'drizzle-orm';
import type { TenantDb } from '../../../../db/client';
import { evaluationEvidence, evaluationScores, users } from '../../../../db/schema/tenant';
import type { SchemeIndicator } from '../../../../tenants/evaluation/scheme';
import type { ServiceContext } from '../../../context';
import { beijingDate } from '../../../dates';
import { loadRoundUnitForActor } from './access';
import { roundTeamQuery } from './get-round';
import { type SchemeTotals, totalScores } from './totals';
import {
  accessView,
  type EvidenceView,
  type IndicatorTotalView,
  type RoundUnitWorkbench,
  roundSummary,
  type ScoreView,
  type SideTotalsView,
  schemeSummary,
  unitAccess,
  type WorkbenchIndicator,
} from './views';

/** Evidence files of one unit in a round, oldest first, with who uploaded them. */
export function unitEvidenceQuery(db: TenantDb, roundId: string, unitId: string) {
  return db
    .select({
      id: evaluationEvidence.id,
      indicatorKey: evaluationEvidence.indicatorKey,
      fileName: evaluationEvidence.fileName,
      contentType: evaluationEvidence.contentType,
      size: evaluationEvidence.size,
      uploadedBy: evaluationEvidence.uploadedBy,
      uploaderName: users.displayName,
      createdAt: evaluationEvidence.createdAt,
    })
    .from(evaluationEvidence)
    .leftJoin(users, eq(users.id, evaluationEvidence.uploadedBy))
    .where(and(eq(evaluationEvidence.roundId, roundId), eq(evaluationEvidence.unitId, unitId)))
    .orderBy(asc(evaluationEvidence.createdAt), asc(evaluationEvidence.id));
}

export async function unitEvidence(db: TenantDb, roundId: string, unitId: string): Promise<EvidenceView[]> {
  return unitEvidenceQuery(db, roundId, unitId);
}

function sideView(t: SchemeTotals): SideTotalsView {
  return {
    total: t.total,
    points: t.points,
    scored: t.scored,
    leaves: t.leaves,
    missing: t.missing,
    complete: t.complete,
  };
}

function indicatorTotal(t: SchemeTotals, key: string): IndicatorTotalView {
  const one = t.byKey[key];
  return one
    ? { score: one.score, scored: one.scored, leaves: one.leaves, missing: one.missing }
    : { score: 0, scored: 0, leaves: 0, missing: [] };
}

/** One unit's workbench: the scheme tree with both sides' scores, evidence, report, status and reply. */
export async function getRoundUnit(
  ctx: ServiceContext,
  roundId: string,
  unitId: string,
): Promise<RoundUnitWorkbench> {
  const loaded = await loadRoundUnitForActor(ctx, roundId, unitId);
  const { db, actor } = ctx;
  const { unit } = loaded;
  const rights = unitAccess(actor, loaded, unitId, unit.status);

  // One request to the database for the three reads (a batch).
  const [scoreRows, evidence, team] = await db.batch([
    db
      .select({
        side: evaluationScores.side,
        indicatorKey: evaluationScores.indicatorKey,
        score: evaluationScores.score,
        note: evaluationScores.note,
        scoredBy: evaluationScores.scoredBy,
        scoredByName: users.displayName,
        scoredAt: evaluationScores.scoredAt,
      })
      .from(evaluationScores)
      .leftJoin(users, eq(users.id, evaluationScores.scoredBy))
      .where(and(eq(evaluationScores.roundId, roundId), eq(evaluationScores.unitId, unitId))),
    unitEvidenceQuery(db, roundId, unitId),
    roundTeamQuery(db, roundId),
  ]);

  const sides = { self: new Map<string, ScoreView>(), review: new Map<string, ScoreView>() };
  for (const { side, indicatorKey, ...score } of scoreRows) {
    if (side === 'review' && !rights.reviewVisible) continue;
    sides[side].set(indicatorKey, score);
  }
  const scoresOf = (m: Map<string, ScoreView>) => new Map([...m].map(([k, s]) => [k, s.score]));
  const selfTotals = totalScores(loaded.scheme.body, scoresOf(sides.self));
  const reviewTotals = rights.reviewVisible ? totalScores(loaded.scheme.body, scoresOf(sides.review)) : null;

  const byIndicator = new Map<string, EvidenceView[]>();
  const general: EvidenceView[] = [];
  for (const file of evidence) {
    if (file.indicatorKey === null) general.push(file);
    else byIndicator.set(file.indicatorKey, [...(byIndicator.get(file.indicatorKey) ?? []), file]);
  }

  const view = (indicator: SchemeIndicator, level: number): WorkbenchIndicator => {
    const leaf = !indicator.children?.length;
    return {
      key: indicator.key,
      name: indicator.name,
      points: indicator.points,
      level,
      leaf,
      criteria: indicator.criteria ?? null,
      guidance: indicator.guidance ?? null,
      evidenceAsked: indicator.evidence ?? null,
      self: leaf ? (sides.self.get(indicator.key) ?? null) : null,
      review: leaf ? (sides.review.get(indicator.key) ?? null) : null,
      selfTotal: indicatorTotal(selfTotals, indicator.key),
      reviewTotal: reviewTotals ? indicatorTotal(reviewTotals, indicator.key) : null,
      evidence: byIndicator.get(indicator.key) ?? [],
      children: (indicator.children ?? []).map((c) => view(c, level + 1)),
    };
  };

  return {
    round: roundSummary(loaded.round),
    scheme: schemeSummary(loaded),
    unit: {
      id: unit.unitId,
      name: unit.name,
      kind: unit.kind,
      status: unit.status,
      selfReport: unit.selfReport,
      selfTotal: unit.selfTotal,
      reviewTotal: rights.reviewVisible ? unit.reviewTotal : null,
      reviewSummary: rights.reviewVisible ? unit.reviewSummary : null,
      finalTotal: rights.reviewVisible ? unit.finalTotal : null,
      submittedAt: unit.submittedAt,
      submittedLate:
        unit.submittedAt !== null && beijingDate(new Date(unit.submittedAt)) > loaded.round.selfDeadline,
      publishedAt: unit.publishedAt,
      reply: unit.reply,
      replyItems: unit.replyItems ?? [],
      repliedAt: unit.repliedAt,
      replyAnswer: unit.replyAnswer,
      finalizedAt: unit.finalizedAt,
      updatedAt: unit.updatedAt,
    },
    indicators: loaded.scheme.body.indicators.map((i) => view(i, 1)),
    self: sideView(selfTotals),
    review: reviewTotals ? sideView(reviewTotals) : null,
    evidence: general,
    evidenceCount: evidence.length,
    team,
    access: { ...accessView(actor, loaded), ...rights },
  };
}
