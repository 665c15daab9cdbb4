import { sql } from 'drizzle-orm';
import type { TenantDb } from '../../../../db/client';
import {
  evaluationRounds,
  evaluationRoundUnits,
  evaluationScores,
  type RoundUnitStatus,
  type ScoreSide,
} from '../../../../db/schema/tenant';
import { AppError } from '../../../errors';
import { failWhen, isGuardFailure } from '../../zones/guard';

/**
 * A side's total, summed by the database from the stored leaf scores inside the batch that writes
 * them: two team members scoring different leaves at once both count, which a total worked out
 * from an earlier read would not.
 */
export function scoreTotalSql(roundId: string, unitId: string, side: ScoreSide) {
  return sql<
    number | null
  >`(SELECT sum(${evaluationScores.score}) FROM ${evaluationScores} WHERE ${evaluationScores.roundId} = ${roundId} AND ${evaluationScores.unitId} = ${unitId} AND ${evaluationScores.side} = ${side})`;
}

/**
 * The batch's first statement: it fails the whole batch unless the unit is still in one of
 * `statuses` and the round still open. The status was checked when the request began; a submit,
 * publish or close that lands in between must not let scores in behind it.
 */
export function unitStillIn(db: TenantDb, roundId: string, unitId: string, statuses: RoundUnitStatus[]) {
  const list = sql.join(
    statuses.map((s) => sql`${s}`),
    sql`, `,
  );
  return failWhen(
    db,
    sql`NOT EXISTS (SELECT 1 FROM ${evaluationRoundUnits} JOIN ${evaluationRounds} ON ${evaluationRounds.id} = ${evaluationRoundUnits.roundId} WHERE ${evaluationRoundUnits.roundId} = ${roundId} AND ${evaluationRoundUnits.unitId} = ${unitId} AND ${evaluationRoundUnits.status} IN (${list}) AND ${evaluationRounds.status} = 'open')`,
  );
}

/** Runs a guarded score batch, turning a guard failure into the 409 the user reads. */
export async function guardedScores<T>(run: () => Promise<T>, conflict: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isGuardFailure(err)) throw new AppError('CONFLICT', conflict);
    throw err;
  }
}
