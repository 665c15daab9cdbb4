import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { TEACHING_LINKS, type TeachingLink, teachingChecks, units, users } from '../../../db/schema/tenant';
import { inManagedUnits } from '../../auth/managed-units';
import { authorize, can } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { currentSemesterKey, semesterLabel } from '../../semesters';
import { checksVisibleTo } from './records';
import { LINK_LABELS } from './schemas';

export interface LatestCheck {
  id: string;
  score: number;
  checkedOn: string;
}

export interface MatrixRow {
  teacherId: string;
  teacherName: string;
  unitId: string | null;
  unitName: string | null;
  /** The latest check of each link this semester, or null. */
  links: Record<TeachingLink, LatestCheck | null>;
  checkCount: number;
  /** 教案 sampled (备课 checks) and 作业本 sampled (批改作业 checks), summed over the semester. */
  sampledPlans: number;
  sampledHomework: number;
}

export interface CheckForMatrix {
  id: string;
  teacherId: string;
  link: TeachingLink;
  checkedOn: string;
  createdAt: string;
  score: number;
  sampledCount: number | null;
}

const emptyLinks = () =>
  Object.fromEntries(TEACHING_LINKS.map((l) => [l, null])) as Record<TeachingLink, LatestCheck | null>;

/**
 * Folds checks into per-teacher rows: the latest check per link (by day, then by entry), the number
 * of checks and the sampled plans and homework. Pure, so the arithmetic is unit-tested.
 */
export function foldChecks(
  teachers: { teacherId: string; teacherName: string; unitId: string | null; unitName: string | null }[],
  checks: CheckForMatrix[],
): MatrixRow[] {
  const rows = new Map<string, MatrixRow>();
  for (const t of teachers) {
    rows.set(t.teacherId, { ...t, links: emptyLinks(), checkCount: 0, sampledPlans: 0, sampledHomework: 0 });
  }
  const latestAt = new Map<string, string>();
  for (const c of checks) {
    const row = rows.get(c.teacherId);
    if (!row) continue;
    row.checkCount += 1;
    if (c.link === 'prepare') row.sampledPlans += c.sampledCount ?? 0;
    if (c.link === 'mark') row.sampledHomework += c.sampledCount ?? 0;
    const key = `${c.teacherId}|${c.link}`;
    const order = `${c.checkedOn}|${c.createdAt}`;
    if ((latestAt.get(key) ?? '') < order) {
      latestAt.set(key, order);
      row.links[c.link] = { id: c.id, score: c.score, checkedOn: c.checkedOn };
    }
  }
  return [...rows.values()];
}

/** Who the actor's matrix lists: every active teacher, their unit's, or only themself. */
function teacherScope(ctx: ServiceContext, unitId?: string): SQL | undefined {
  const { actor } = ctx;
  const conditions: (SQL | undefined)[] = [];
  if (!can(actor, 'observations.read_all')) {
    conditions.push(
      actor.role === 'unit_manager' ? inManagedUnits(users.unitId, actor.unitId) : eq(users.id, actor.id),
    );
  }
  if (unitId) conditions.push(eq(users.unitId, unitId));
  return and(...conditions);
}

/**
 * The five-link matrix of a semester: every active teacher in the actor's scope (and anyone checked
 * that semester, though since moved or disabled) × the five links, with the semester's totals.
 */
export async function checksMatrix(ctx: ServiceContext, query: { semester?: string; unitId?: string }) {
  authorize(ctx.actor, 'teaching_checks.read');
  const { db } = ctx;
  const semester = query.semester ?? currentSemesterKey(beijingDate(), ctx.tenant.config.semesters);
  const checkWhere = and(
    checksVisibleTo(ctx.actor),
    eq(teachingChecks.semester, semester),
    query.unitId ? eq(teachingChecks.unitId, query.unitId) : undefined,
  );
  const [active, checks] = await db.batch([
    db
      .select({
        teacherId: users.id,
        teacherName: users.displayName,
        unitId: users.unitId,
        unitName: units.name,
      })
      .from(users)
      .leftJoin(units, eq(units.id, users.unitId))
      .where(
        and(
          eq(users.status, 'active'),
          inArray(users.role, ['teacher', 'unit_manager']),
          teacherScope(ctx, query.unitId),
        ),
      )
      .orderBy(asc(units.name), asc(users.displayName)),
    db
      .select({
        id: teachingChecks.id,
        teacherId: teachingChecks.teacherId,
        teacherName: users.displayName,
        unitId: teachingChecks.unitId,
        unitName: units.name,
        link: teachingChecks.link,
        checkedOn: teachingChecks.checkedOn,
        createdAt: teachingChecks.createdAt,
        score: teachingChecks.score,
        sampledCount: teachingChecks.sampledCount,
      })
      .from(teachingChecks)
      .innerJoin(users, eq(users.id, teachingChecks.teacherId))
      .leftJoin(units, eq(units.id, teachingChecks.unitId))
      .where(checkWhere)
      .orderBy(desc(teachingChecks.checkedOn)),
  ]);
  const teachers = [...active];
  const listed = new Set(active.map((t) => t.teacherId));
  for (const c of checks) {
    if (listed.has(c.teacherId)) continue;
    listed.add(c.teacherId);
    teachers.push({
      teacherId: c.teacherId,
      teacherName: c.teacherName,
      unitId: c.unitId,
      unitName: c.unitName,
    });
  }
  const rows = foldChecks(teachers, checks);
  return {
    semester,
    semesterLabel: semesterLabel(semester),
    links: TEACHING_LINKS.map((key) => ({ key, label: LINK_LABELS[key] })),
    rows,
    totals: {
      teachers: rows.length,
      checkedTeachers: rows.filter((r) => r.checkCount > 0).length,
      checks: checks.length,
      sampledPlans: rows.reduce((n, r) => n + r.sampledPlans, 0),
      sampledHomework: rows.reduce((n, r) => n + r.sampledHomework, 0),
    },
  };
}
