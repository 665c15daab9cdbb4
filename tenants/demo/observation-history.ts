import { and, desc, eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { observationRubrics, observationRubricVersions, observations } from '../../db/schema/tenant';
import { tenantAudit } from '../../worker/audit';
import { addDays } from '../../worker/dates';
import { quotaFor, semesterProgress, supervisorLabelOf } from '../../worker/modules/compliance/quotas';
import { reportingSemesterKey } from '../../worker/semesters';
import { type RubricBody, SCORE_STEP, scoreObservation } from '../observations/rubric';
import type { Who } from '../provisioning/provision';
import { seededRandom } from './seeded-random';
import type { DemoTenant } from './types';

/**
 * Where each person held to a quota stands today, in turn: the quota page of the demo then shows
 * people done, on track and behind (and one behind with nothing yet).
 */
const STANDING = [
  'on_track',
  'done',
  'behind',
  'on_track',
  'behind_none',
  'done',
  'on_track',
  'behind',
] as const;

const COURSES = [
  '计算机网络基础',
  '汽车发动机构造与维修',
  '语文',
  '基础会计',
  '中式烹调技艺',
  '数学',
  '网页设计',
];
const COMMENTS = {
  strengths: '教学目标明确，示范操作规范，学生参与度高。',
  problems: '分组练习时巡视不够，个别学生跟不上。',
  suggestions: '增加分层练习任务，课末小结再具体些。',
};

function itemScores(body: RubricBody, rnd: () => number): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const section of body.sections) {
    for (const item of section.items) {
      const share = 0.7 + rnd() * 0.28;
      scores[item.key] = Math.round((item.max * share) / SCORE_STEP) * SCORE_STEP;
    }
  }
  return scores;
}

/**
 * This semester's lesson observations in a demo tenant with the teaching module (`npm start`
 * only): each person with a quota role, and each supervisor, has observed colleagues' lessons on
 * days spread over the semester so far, so many that the quota page shows them done, on track or
 * behind. Written straight to the database with one audit row; none without the shipped rubric.
 */
export async function seedDemoObservations(
  db: TenantDb,
  demo: DemoTenant,
  userIds: Map<string, string>,
  unitIds: Map<string, string>,
  today: string,
  who: Who,
): Promise<number> {
  if (!demo.config.modules.teaching) return 0;
  const [rubric] = await db
    .select({ id: observationRubricVersions.id, body: observationRubricVersions.body })
    .from(observationRubricVersions)
    .innerJoin(observationRubrics, eq(observationRubrics.id, observationRubricVersions.rubricId))
    .where(and(eq(observationRubrics.builtinKey, 'lesson_100')))
    .orderBy(desc(observationRubricVersions.version))
    .limit(1);
  if (!rubric) return 0;
  const body = rubric.body as RubricBody;
  const semester = semesterProgress(
    reportingSemesterKey(today, demo.config.semesters),
    demo.config.semesters,
    today,
  );
  // Only past days of the semester: nothing before it starts, nothing today or later.
  const lastDay = today < semester.to ? addDays(today, -1) : semester.to;
  const days = Math.min(semester.elapsedDays - 1, semester.totalDays);
  if (days <= 0) return 0;

  const taught = demo.users.filter((u) => u.role === 'teacher' || u.role === 'unit_manager');
  const held = demo.users
    .map((u) => ({
      user: u,
      quota: quotaFor(
        { role: u.role, quotaRole: u.quotaRole ?? null },
        demo.config.observationQuotas,
        supervisorLabelOf(demo.config),
        semester,
      ),
    }))
    .filter((h) => h.quota !== null);
  const rnd = seededRandom(5005);
  const rows: (typeof observations.$inferInsert)[] = [];
  held.forEach(({ user, quota }, index) => {
    if (!quota) return;
    const standing = STANDING[index % STANDING.length] as (typeof STANDING)[number];
    const count =
      standing === 'done'
        ? quota.required
        : standing === 'on_track'
          ? quota.expected
          : standing === 'behind'
            ? Math.max(0, quota.expected - 2)
            : 0;
    const others = taught.filter((t) => t.username !== user.username);
    if (others.length === 0) return;
    for (let i = 0; i < count; i++) {
      // Evenly over the days gone by, the latest yesterday.
      const day = addDays(lastDay, -Math.floor(((count - 1 - i) * (days - 1)) / Math.max(1, count)));
      const teacher = others[Math.floor(rnd() * others.length)] as (typeof others)[number];
      const scored = scoreObservation(body, itemScores(body, rnd));
      const id = crypto.randomUUID();
      rows.push({
        id,
        observerId: userIds.get(user.username) as string,
        teacherId: userIds.get(teacher.username) as string,
        unitId: teacher.unitKey ? (unitIds.get(teacher.unitKey) ?? null) : null,
        course: COURSES[Math.floor(rnd() * COURSES.length)] as string,
        className: `2025级${1 + Math.floor(rnd() * 6)}班`,
        observedOn: day,
        period: 1 + Math.floor(rnd() * 8),
        lessonType: rnd() < 0.5 ? 'theory' : rnd() < 0.7 ? 'skill' : 'lab',
        kind: user.role === 'inspector' ? 'supervisor' : rnd() < 0.5 ? 'peer' : 'drop_in',
        rubricVersionId: rubric.id,
        scores: scored.scores,
        total: scored.total,
        grade: scored.grade,
        ...COMMENTS,
        semester: semester.key,
        contentHash: id,
        createdAt: `${day}T09:30:00.000Z`,
        acknowledgedAt: rnd() < 0.6 ? `${day}T12:00:00.000Z` : null,
      });
    }
  });
  if (rows.length === 0) return 0;
  await db.batch([
    tenantAudit(db, who, {
      action: 'demo.seed',
      entityType: 'tenant',
      entityId: demo.slug,
      details: { observations: rows.length, semester: semester.key },
    }),
    ...Array.from({ length: Math.ceil(rows.length / 100) }, (_, i) =>
      db.insert(observations).values(rows.slice(i * 100, i * 100 + 100)),
    ),
  ]);
  return rows.length;
}
