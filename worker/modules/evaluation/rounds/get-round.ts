import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { TenantDb } from '../../../../db/client';
import {
  evaluationEvidence,
  evaluationRoundReviewers,
  evaluationRoundUnits,
  evaluationScores,
  units,
  users,
} from '../../../../db/schema/tenant';
import type { ServiceContext } from '../../../context';
import { loadRoundForActor, reviewVisible } from './access';
import {
  accessView,
  type RoundOverview,
  type RoundOverviewUnit,
  roundSummary,
  schemeSummary,
  type TeamMember,
} from './views';

/** The round's review team, lead first (a query, so callers can put it in a batch). */
export function roundTeamQuery(db: TenantDb, roundId: string) {
  return db
    .select({
      userId: evaluationRoundReviewers.userId,
      displayName: users.displayName,
      role: users.role,
      lead: evaluationRoundReviewers.lead,
    })
    .from(evaluationRoundReviewers)
    .innerJoin(users, eq(users.id, evaluationRoundReviewers.userId))
    .where(eq(evaluationRoundReviewers.roundId, roundId))
    .orderBy(sql`${evaluationRoundReviewers.lead} DESC`, asc(users.displayName));
}

export async function roundTeam(db: TenantDb, roundId: string): Promise<TeamMember[]> {
  return roundTeamQuery(db, roundId);
}

/** The round overview: every unit it may see with status, totals, scored leaves and evidence counts. */
export async function getRound(ctx: ServiceContext, roundId: string): Promise<RoundOverview> {
  const loaded = await loadRoundForActor(ctx, roundId);
  const { db } = ctx;
  const only = loaded.managedUnitIds ? [...loaded.managedUnitIds] : null;
  const unitScope = (column: AnySQLiteColumn) => (only ? inArray(column, only) : undefined);

  // One request to the database for the four reads (a batch), not four round trips.
  const [rows, scored, evidence, team] = await db.batch([
    db
      .select({ ru: evaluationRoundUnits, name: units.name, kind: units.kind })
      .from(evaluationRoundUnits)
      .innerJoin(units, eq(units.id, evaluationRoundUnits.unitId))
      .where(and(eq(evaluationRoundUnits.roundId, roundId), unitScope(evaluationRoundUnits.unitId)))
      .orderBy(asc(units.name)),
    db
      .select({ unitId: evaluationScores.unitId, side: evaluationScores.side, n: sql<number>`count(*)` })
      .from(evaluationScores)
      .where(and(eq(evaluationScores.roundId, roundId), unitScope(evaluationScores.unitId)))
      .groupBy(evaluationScores.unitId, evaluationScores.side),
    db
      .select({ unitId: evaluationEvidence.unitId, n: sql<number>`count(*)` })
      .from(evaluationEvidence)
      .where(and(eq(evaluationEvidence.roundId, roundId), unitScope(evaluationEvidence.unitId)))
      .groupBy(evaluationEvidence.unitId),
    roundTeamQuery(db, roundId),
  ]);
  const count = new Map(scored.map((s) => [`${s.unitId}:${s.side}`, Number(s.n)]));
  const files = new Map(evidence.map((e) => [e.unitId, Number(e.n)]));

  const unitViews: RoundOverviewUnit[] = rows.map(({ ru, name, kind }) => {
    const shown = reviewVisible(loaded.access, ru.status);
    return {
      unitId: ru.unitId,
      name,
      kind,
      status: ru.status,
      selfTotal: ru.selfTotal,
      selfScored: count.get(`${ru.unitId}:self`) ?? 0,
      reviewTotal: shown ? ru.reviewTotal : null,
      reviewScored: shown ? (count.get(`${ru.unitId}:review`) ?? 0) : null,
      finalTotal: shown ? ru.finalTotal : null,
      evidenceCount: files.get(ru.unitId) ?? 0,
      submittedAt: ru.submittedAt,
      publishedAt: ru.publishedAt,
      repliedAt: ru.repliedAt,
      finalizedAt: ru.finalizedAt,
    };
  });
  return {
    round: roundSummary(loaded.round),
    scheme: schemeSummary(loaded),
    team,
    units: unitViews,
    access: accessView(ctx.actor, loaded),
  };
}
