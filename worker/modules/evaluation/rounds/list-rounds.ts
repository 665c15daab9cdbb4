import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import {
  evaluationRoundReviewers,
  evaluationRounds,
  evaluationRoundUnits,
  evaluationSchemes,
  ROUND_UNIT_STATUSES,
  type RoundUnitStatus,
  units,
} from '../../../../db/schema/tenant';
import { inManagedUnits } from '../../../auth/managed-units';
import { can } from '../../../auth/permissions';
import type { ServiceContext } from '../../../context';
import { authorizeRoundRead } from './access';
import type { ListRoundsQuery } from './schemas';

/** One row of the rounds list. */
export interface RoundListItem {
  id: string;
  name: string;
  scheme: { id: string; name: string; kind: string };
  schemeVersion: number;
  schoolYear: number;
  startsOn: string;
  endsOn: string;
  selfDeadline: string;
  reviewDeadline: string;
  replyDeadline: string;
  status: 'open' | 'closed';
  createdAt: string;
  /** Units of the round (for a unit manager: theirs only) and how many are at each step. */
  unitCount: number;
  statusCounts: Record<RoundUnitStatus, number>;
  /** The actor's place on the review team, if any. */
  reviewer: { lead: boolean } | null;
  /** For a unit manager: their units in the round and where each stands. */
  myUnits: { unitId: string; name: string; status: RoundUnitStatus; selfTotal: number | null }[];
}

/**
 * Rounds the actor may see, newest first: the office all of them; a team member those they are on;
 * a unit manager those that include a unit they manage (counting only those units).
 */
export async function listRounds(ctx: ServiceContext, query: ListRoundsQuery) {
  authorizeRoundRead(ctx.actor);
  const { db, actor } = ctx;
  const office = can(actor, 'evaluation.read');
  const manager = !office && can(actor, 'evaluation.self');
  const memberOf = db
    .select({ id: evaluationRoundReviewers.roundId })
    .from(evaluationRoundReviewers)
    .where(eq(evaluationRoundReviewers.userId, actor.id));
  const unitScope = manager ? inManagedUnits(evaluationRoundUnits.unitId, actor.unitId) : undefined;
  const visible: SQL | undefined = office
    ? undefined
    : manager
      ? inArray(
          evaluationRounds.id,
          db.select({ id: evaluationRoundUnits.roundId }).from(evaluationRoundUnits).where(unitScope),
        )
      : inArray(evaluationRounds.id, memberOf);
  const where = and(visible, query.status ? eq(evaluationRounds.status, query.status) : undefined);

  const rounds = await db
    .select({
      round: evaluationRounds,
      schemeName: evaluationSchemes.name,
      schemeKind: evaluationSchemes.kind,
    })
    .from(evaluationRounds)
    .innerJoin(evaluationSchemes, eq(evaluationSchemes.id, evaluationRounds.schemeId))
    .where(where)
    .orderBy(desc(evaluationRounds.startsOn), desc(evaluationRounds.createdAt))
    .limit(500);
  const ids = rounds.map((r) => r.round.id);
  if (ids.length === 0) return { rounds: [] as RoundListItem[] };

  const [counts, team, mine] = await Promise.all([
    db
      .select({
        roundId: evaluationRoundUnits.roundId,
        status: evaluationRoundUnits.status,
        n: sql<number>`count(*)`,
      })
      .from(evaluationRoundUnits)
      .where(and(inArray(evaluationRoundUnits.roundId, ids), unitScope))
      .groupBy(evaluationRoundUnits.roundId, evaluationRoundUnits.status),
    db
      .select({ roundId: evaluationRoundReviewers.roundId, lead: evaluationRoundReviewers.lead })
      .from(evaluationRoundReviewers)
      .where(
        and(inArray(evaluationRoundReviewers.roundId, ids), eq(evaluationRoundReviewers.userId, actor.id)),
      ),
    manager
      ? db
          .select({
            roundId: evaluationRoundUnits.roundId,
            unitId: evaluationRoundUnits.unitId,
            name: units.name,
            status: evaluationRoundUnits.status,
            selfTotal: evaluationRoundUnits.selfTotal,
          })
          .from(evaluationRoundUnits)
          .innerJoin(units, eq(units.id, evaluationRoundUnits.unitId))
          .where(and(inArray(evaluationRoundUnits.roundId, ids), unitScope))
          .orderBy(units.name)
      : Promise.resolve([]),
  ]);

  const items: RoundListItem[] = rounds.map(({ round, schemeName, schemeKind }) => {
    const statusCounts = Object.fromEntries(ROUND_UNIT_STATUSES.map((s) => [s, 0])) as Record<
      RoundUnitStatus,
      number
    >;
    for (const c of counts) if (c.roundId === round.id) statusCounts[c.status] = Number(c.n);
    const seat = team.find((t) => t.roundId === round.id);
    return {
      id: round.id,
      name: round.name,
      scheme: { id: round.schemeId, name: schemeName, kind: schemeKind },
      schemeVersion: round.schemeVersion,
      schoolYear: round.schoolYear,
      startsOn: round.startsOn,
      endsOn: round.endsOn,
      selfDeadline: round.selfDeadline,
      reviewDeadline: round.reviewDeadline,
      replyDeadline: round.replyDeadline,
      status: round.status,
      createdAt: round.createdAt,
      unitCount: Object.values(statusCounts).reduce((a, b) => a + b, 0),
      statusCounts,
      reviewer: seat ? { lead: seat.lead } : null,
      myUnits: mine
        .filter((m) => m.roundId === round.id)
        .map(({ unitId, name, status, selfTotal }) => ({ unitId, name, status, selfTotal })),
    };
  });
  return { rounds: items };
}
