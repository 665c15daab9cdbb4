import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../../../../db/client';
import {
  evaluationRoundReviewers,
  evaluationRounds,
  evaluationRoundUnits,
  evaluationSchemes,
  evaluationSchemeVersions,
  type RoundUnitStatus,
  units,
} from '../../../../db/schema/tenant';
import type { SchemeBody } from '../../../../tenants/evaluation/scheme';
import { inManagedUnits } from '../../../auth/managed-units';
import { authorize, can, type TenantPermission } from '../../../auth/permissions';
import type { Actor, ServiceContext } from '../../../context';
import { AppError } from '../../../errors';

/**
 * Who sees which round and unit. The office (`evaluation.read`) reads every round and unit; a member
 * of a round's review team (`evaluation_round_reviewers`) every unit of that round; a unit manager
 * (`evaluation.self`) only the units they manage that are in the round. Anything else, or another
 * tenant's id, is a 404: the record is not there for them.
 */

export const ROUND_NOT_FOUND = '没有找到这次评估，可能已被删除或您无权查看，请回到评估列表重新选择。';
export const ROUND_UNIT_NOT_FOUND = '没有找到这所单位在本次评估中的记录，请回到评估概览重新选择。';

/** Any of these lets an account into the rounds pages; what it then sees is scoped below. */
export const ROUND_READ_PERMISSIONS = ['evaluation.read', 'evaluation.review', 'evaluation.self'] as const;

/** The first of the round permissions the actor holds, authorized (403 for a teacher, say). */
export function authorizeRoundRead(actor: Actor): void {
  const held = ROUND_READ_PERMISSIONS.find((p) => can(actor, p));
  authorize(actor, held ?? (ROUND_READ_PERMISSIONS[0] as TenantPermission));
}

export type RoundRow = typeof evaluationRounds.$inferSelect;
export type RoundUnitRow = typeof evaluationRoundUnits.$inferSelect;

import type { RoundAccessKind } from '../../../../tenants/evaluation/round-views';

export type { RoundAccessKind };

export interface RoundScheme {
  id: string;
  name: string;
  kind: (typeof evaluationSchemes.$inferSelect)['kind'];
  version: number;
  body: SchemeBody;
}

export interface LoadedRound {
  round: RoundRow;
  scheme: RoundScheme;
  access: RoundAccessKind;
  /** Set when the actor is on the round's review team (the office may be too). */
  reviewer: { lead: boolean } | null;
  /** For a unit manager: the round's units they manage; null for the office and the team. */
  managedUnitIds: ReadonlySet<string> | null;
}

export async function reviewerRow(db: TenantDb, roundId: string, userId: string) {
  const [row] = await db
    .select({ lead: evaluationRoundReviewers.lead })
    .from(evaluationRoundReviewers)
    .where(and(eq(evaluationRoundReviewers.roundId, roundId), eq(evaluationRoundReviewers.userId, userId)))
    .limit(1);
  return row ?? null;
}

/** Whether the account is on the round's review team. */
export async function isReviewer(db: TenantDb, roundId: string, userId: string): Promise<boolean> {
  return (await reviewerRow(db, roundId, userId)) !== null;
}

/** Whether the account leads the round's review team (publishes and finalizes). */
export async function isLeadReviewer(db: TenantDb, roundId: string, userId: string): Promise<boolean> {
  return (await reviewerRow(db, roundId, userId))?.lead === true;
}

/** The scheme version a round keeps. */
export async function roundScheme(db: TenantDb, round: RoundRow): Promise<RoundScheme> {
  const [row] = await db
    .select({
      id: evaluationSchemes.id,
      name: evaluationSchemes.name,
      kind: evaluationSchemes.kind,
      version: evaluationSchemeVersions.version,
      body: evaluationSchemeVersions.body,
    })
    .from(evaluationSchemeVersions)
    .innerJoin(evaluationSchemes, eq(evaluationSchemes.id, evaluationSchemeVersions.schemeId))
    .where(
      and(
        eq(evaluationSchemeVersions.schemeId, round.schemeId),
        eq(evaluationSchemeVersions.version, round.schemeVersion),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('INTERNAL', '本次评估使用的评估方案版本缺失，请联系管理员。');
  return { ...row, body: row.body as SchemeBody };
}

/**
 * A round with its scheme version, if the actor may see it (else 404). Checks the permission first,
 * so a role without any round permission gets its 403 before any lookup.
 */
export async function loadRoundForActor(ctx: ServiceContext, roundId: string): Promise<LoadedRound> {
  authorizeRoundRead(ctx.actor);
  const { db, actor } = ctx;
  const office = can(actor, 'evaluation.read');
  const manager = !office && can(actor, 'evaluation.self');
  // One round trip: the round with its scheme version, the actor's seat and (for a manager) units.
  const [found, reviewer, managed] = await Promise.all([
    db
      .select({
        round: evaluationRounds,
        schemeName: evaluationSchemes.name,
        schemeKind: evaluationSchemes.kind,
        body: evaluationSchemeVersions.body,
      })
      .from(evaluationRounds)
      .innerJoin(evaluationSchemes, eq(evaluationSchemes.id, evaluationRounds.schemeId))
      .innerJoin(
        evaluationSchemeVersions,
        and(
          eq(evaluationSchemeVersions.schemeId, evaluationRounds.schemeId),
          eq(evaluationSchemeVersions.version, evaluationRounds.schemeVersion),
        ),
      )
      .where(eq(evaluationRounds.id, roundId))
      .limit(1),
    can(actor, 'evaluation.review') ? reviewerRow(db, roundId, actor.id) : Promise.resolve(null),
    manager
      ? db
          .select({ unitId: evaluationRoundUnits.unitId })
          .from(evaluationRoundUnits)
          .where(
            and(
              eq(evaluationRoundUnits.roundId, roundId),
              inManagedUnits(evaluationRoundUnits.unitId, actor.unitId),
            ),
          )
      : Promise.resolve([]),
  ]);
  const row = found[0];
  if (!row) throw new AppError('NOT_FOUND', ROUND_NOT_FOUND);
  let access: RoundAccessKind;
  let managedUnitIds: Set<string> | null = null;
  if (office) access = 'office';
  else if (reviewer) access = 'reviewer';
  else if (manager && managed.length > 0) {
    access = 'unit';
    managedUnitIds = new Set(managed.map((r) => r.unitId));
  } else throw new AppError('NOT_FOUND', ROUND_NOT_FOUND);
  const scheme: RoundScheme = {
    id: row.round.schemeId,
    name: row.schemeName,
    kind: row.schemeKind,
    version: row.round.schemeVersion,
    body: row.body as SchemeBody,
  };
  return { round: row.round, scheme, access, reviewer, managedUnitIds };
}

export interface LoadedRoundUnit extends LoadedRound {
  unit: RoundUnitRow & { name: string; kind: string };
}

/** One unit of a round, if the actor may see it (a unit manager only their own, else 404). */
export async function loadRoundUnitForActor(
  ctx: ServiceContext,
  roundId: string,
  unitId: string,
): Promise<LoadedRoundUnit> {
  // The unit's row is read beside the round (one round trip); it is shown only if the round allows.
  const [loaded, rows] = await Promise.all([
    loadRoundForActor(ctx, roundId),
    ctx.db
      .select({ roundUnit: evaluationRoundUnits, name: units.name, kind: units.kind })
      .from(evaluationRoundUnits)
      .innerJoin(units, eq(units.id, evaluationRoundUnits.unitId))
      .where(and(eq(evaluationRoundUnits.roundId, roundId), eq(evaluationRoundUnits.unitId, unitId)))
      .limit(1),
  ]);
  if (loaded.managedUnitIds && !loaded.managedUnitIds.has(unitId)) {
    throw new AppError('NOT_FOUND', ROUND_UNIT_NOT_FOUND);
  }
  const row = rows[0];
  if (!row) throw new AppError('NOT_FOUND', ROUND_UNIT_NOT_FOUND);
  return { ...loaded, unit: { ...row.roundUnit, name: row.name, kind: row.kind } };
}

const AFTER_PUBLISH: ReadonlySet<RoundUnitStatus> = new Set(['reviewed', 'replied', 'final']);

/** Whether the team's scores and notes are shown: always to the office and team, to the unit once published. */
export function reviewVisible(access: RoundAccessKind, status: RoundUnitStatus): boolean {
  return access !== 'unit' || AFTER_PUBLISH.has(status);
}

/** Whether the actor manages this unit of the round (the one who self-evaluates and replies). */
export function managesUnit(loaded: LoadedRound, unitId: string): boolean {
  return loaded.access === 'unit' && (loaded.managedUnitIds?.has(unitId) ?? false);
}
