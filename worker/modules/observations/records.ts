import { and, eq, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { TenantDb } from '../../../db/client';
import {
  observationRubrics,
  observationRubricVersions,
  observations,
  units,
  users,
} from '../../../db/schema/tenant';
import type { RubricBody } from '../../../tenants/observations/rubric';
import { GRADE_LABELS, maxTotal } from '../../../tenants/observations/rubric';
import { inManagedUnits } from '../../auth/managed-units';
import { can } from '../../auth/permissions';
import type { Actor, ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { semesterLabel } from '../../semesters';
import { canonicalJson } from '../checklists/records';
import type { RecordObservationInput } from './schemas';
import { LESSON_TYPE_LABELS, OBSERVATION_KIND_LABELS } from './schemas';

export type ObservationRow = typeof observations.$inferSelect;

export const OBSERVATION_NOT_FOUND = '未找到该听课记录，可能已被删除或您无权查看，请返回列表刷新。';
export const RUBRIC_NOT_FOUND = '未找到该评课标准（或其版本），请返回列表刷新。';

/**
 * Which observations an actor may see, as a condition on `observations` (undefined: all). A unit
 * manager sees their unit's and, like a teacher, those about them or written by them: both record
 * lessons, and must read back what they wrote even about a teacher of another unit.
 */
export function visibleTo(actor: Actor): SQL | undefined {
  if (can(actor, 'observations.read_all')) return undefined;
  const own = [eq(observations.teacherId, actor.id), eq(observations.observerId, actor.id)];
  if (actor.role === 'unit_manager') own.push(inManagedUnits(observations.unitId, actor.unitId));
  return or(...own);
}

/** The hash a retry is compared by: the validated content in canonical JSON, whatever its key order. */
export async function contentHashOf(input: RecordObservationInput): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson(input));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The observation with this id, whoever may see it (the record verb looks before it writes). */
export async function observationById(db: TenantDb, id: string): Promise<ObservationRow | null> {
  const [row] = await db.select().from(observations).where(eq(observations.id, id)).limit(1);
  return row ?? null;
}

/** The observation with this id if the actor may see it; 404 otherwise, never confirming it exists. */
export async function findVisibleObservation(ctx: ServiceContext, id: string): Promise<ObservationRow> {
  const [row] = await ctx.db
    .select()
    .from(observations)
    .where(and(eq(observations.id, id), visibleTo(ctx.actor)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', OBSERVATION_NOT_FOUND);
  return row;
}

export const observer = alias(users, 'observer');
export const teacher = alias(users, 'teacher');

/** The columns of a list row: the record without its scores, with names for the page. */
export const listColumns = {
  id: observations.id,
  observerId: observations.observerId,
  observerName: observer.displayName,
  teacherId: observations.teacherId,
  teacherName: teacher.displayName,
  unitId: observations.unitId,
  unitName: units.name,
  course: observations.course,
  className: observations.className,
  observedOn: observations.observedOn,
  period: observations.period,
  lessonType: observations.lessonType,
  kind: observations.kind,
  total: observations.total,
  grade: observations.grade,
  semester: observations.semester,
  createdAt: observations.createdAt,
  acknowledgedAt: observations.acknowledgedAt,
};

/** Chinese labels of a record's coded fields, so pages and exports need no table of their own. */
export function labelsOf(row: Pick<ObservationRow, 'lessonType' | 'kind' | 'grade' | 'semester'>) {
  return {
    lessonTypeLabel: LESSON_TYPE_LABELS[row.lessonType],
    kindLabel: OBSERVATION_KIND_LABELS[row.kind],
    gradeLabel: GRADE_LABELS[row.grade],
    semesterLabel: semesterLabel(row.semester),
  };
}

/** Everything a record's page shows: the record, the people, the unit and the rubric version it was scored with. */
export async function observationDetail(db: TenantDb, row: ObservationRow) {
  const [people, unitRows, rubricRows] = await db.batch([
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(or(eq(users.id, row.observerId), eq(users.id, row.teacherId))),
    db
      .select({ name: units.name })
      .from(units)
      .where(eq(units.id, row.unitId ?? ''))
      .limit(1),
    db
      .select({
        rubricId: observationRubricVersions.rubricId,
        name: observationRubrics.name,
        version: observationRubricVersions.version,
        body: observationRubricVersions.body,
      })
      .from(observationRubricVersions)
      .innerJoin(observationRubrics, eq(observationRubrics.id, observationRubricVersions.rubricId))
      .where(eq(observationRubricVersions.id, row.rubricVersionId))
      .limit(1),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.name]));
  const rubric = rubricRows[0];
  const body = rubric?.body as RubricBody | undefined;
  const { contentHash: _hash, ...record } = row;
  return {
    ...record,
    ...labelsOf(row),
    observerName: nameOf.get(row.observerId) ?? null,
    teacherName: nameOf.get(row.teacherId) ?? null,
    unitName: unitRows[0]?.name ?? null,
    rubric: rubric
      ? {
          id: rubric.rubricId,
          name: rubric.name,
          version: rubric.version,
          versionId: row.rubricVersionId,
          maxTotal: body ? maxTotal(body) : null,
          body,
        }
      : null,
  };
}
