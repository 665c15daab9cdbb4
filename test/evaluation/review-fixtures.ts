import { and, eq, ne } from 'drizzle-orm';
import {
  evaluationRoundReviewers,
  evaluationRounds,
  evaluationRoundUnits,
  evaluationSchemes,
  evaluationSchemeVersions,
  evaluationScores,
  type RoundUnitStatus,
  units,
  users,
} from '../../db/schema/tenant';
import { beijingDate } from '../../worker/dates';
import { tenantDbOf } from '../support/api';
import { smallScheme } from './fixtures';

/**
 * Rounds seeded straight into a test tenant's database at a chosen step (submitted, reviewed…), so
 * the review half is tested without walking the self-evaluation each time. The scheme is
 * `smallScheme` (20 points; leaves A1.1 of 6, A1.2 of 4, A2 of 10).
 */

export const LEAVES = { 'A1.1': 6, 'A1.2': 4, A2: 10 } as const;
export type LeafKey = keyof typeof LEAVES;

export const roundsPath = (tenant: string) => `/api/t/${tenant}/evaluation/rounds`;

async function userId(tenant: string, username: string) {
  const db = await tenantDbOf(tenant);
  const [row] = await db
    .select({ id: users.id, unitId: users.unitId })
    .from(users)
    .where(eq(users.username, username));
  if (!row) throw new Error(`no user ${username} in ${tenant}`);
  return row;
}

/** The unit of `role_unit_manager` (their home unit) and some other active units. */
export async function testUnits(tenant: string, others = 2) {
  const db = await tenantDbOf(tenant);
  const manager = await userId(tenant, 'role_unit_manager');
  if (!manager.unitId) throw new Error('role_unit_manager has no unit');
  const rest = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.status, 'active'), ne(units.id, manager.unitId)))
    .limit(others);
  return { home: manager.unitId, others: rest.map((r) => r.id) };
}

export interface SeedOptions {
  /** Status of every unit of the round; default submitted. */
  status?: RoundUnitStatus;
  /** Team scores per unit index (default none); self scores are always complete. */
  review?: Partial<Record<LeafKey, number>>[];
  self?: Partial<Record<LeafKey, number>>;
  /** Extra units besides the manager's own (they come after it). */
  others?: number;
  lead?: string;
  members?: string[];
  replyDeadline?: string;
  schoolYear?: number;
}

let seq = 0;

/** A fresh round in `tenant`; returns its id and its unit ids (the manager's own first). */
export async function seedRound(tenant: string, options: SeedOptions = {}) {
  const db = await tenantDbOf(tenant);
  const now = new Date().toISOString();
  const today = beijingDate();
  const schemeId = crypto.randomUUID();
  const roundId = crypto.randomUUID();
  const { home, others } = await testUnits(tenant, options.others ?? 0);
  const unitIds = [home, ...others];
  const lead = await userId(tenant, options.lead ?? 'role_inspector');
  const members = await Promise.all((options.members ?? ['role_director']).map((u) => userId(tenant, u)));
  const status = options.status ?? 'submitted';
  const self = options.self ?? { 'A1.1': 6, 'A1.2': 4, A2: 9 };
  const selfTotal = Object.keys(self).length ? Object.values(self).reduce((s, n) => s + n, 0) : null;
  await db.batch([
    db.insert(evaluationSchemes).values({
      id: schemeId,
      name: `评审测试方案${++seq}`,
      kind: 'developmental',
      latestVersion: 1,
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(evaluationSchemeVersions).values({
      id: crypto.randomUUID(),
      schemeId,
      version: 1,
      body: smallScheme(),
      createdAt: now,
    }),
    db.insert(evaluationRounds).values({
      id: roundId,
      name: `2026年发展性评估（测试${seq}）`,
      schemeId,
      schemeVersion: 1,
      schoolYear: options.schoolYear ?? 2026,
      startsOn: '2026-09-01',
      endsOn: '2027-06-30',
      selfDeadline: today,
      reviewDeadline: today,
      replyDeadline: options.replyDeadline ?? '2099-12-31',
      createdBy: lead.id,
      createdAt: now,
      updatedAt: now,
    }),
    db
      .insert(evaluationRoundReviewers)
      .values([
        { roundId, userId: lead.id, lead: true },
        ...members.map((m) => ({ roundId, userId: m.id, lead: false })),
      ]),
  ]);
  for (const [i, unitId] of unitIds.entries()) {
    const review = options.review?.[i] ?? {};
    const reviewTotal = Object.keys(review).length ? Object.values(review).reduce((s, n) => s + n, 0) : null;
    await db.batch([
      db.insert(evaluationRoundUnits).values({
        roundId,
        unitId,
        status,
        selfTotal,
        selfReport: status === 'self' ? null : '本校对照指标逐项自查。',
        reviewTotal,
        submittedAt: status === 'self' ? null : now,
        publishedAt: ['reviewed', 'replied', 'final'].includes(status) ? now : null,
        reviewSummary: ['reviewed', 'replied', 'final'].includes(status) ? '总体达到要求。' : null,
        finalTotal: status === 'final' ? reviewTotal : null,
        updatedAt: now,
      }),
      ...Object.entries(self).map(([key, score]) =>
        db.insert(evaluationScores).values({
          roundId,
          unitId,
          side: 'self',
          indicatorKey: key,
          score,
          note: '自评说明',
          scoredBy: lead.id,
          scoredAt: now,
        }),
      ),
      ...Object.entries(review).map(([key, score]) =>
        db.insert(evaluationScores).values({
          roundId,
          unitId,
          side: 'review',
          indicatorKey: key,
          score,
          note: '评估组意见',
          scoredBy: lead.id,
          scoredAt: now,
        }),
      ),
    ]);
  }
  return { roundId, unitIds, home, others };
}

export const FULL_REVIEW = { 'A1.1': 5, 'A1.2': 3.5, A2: 8 } as const;
