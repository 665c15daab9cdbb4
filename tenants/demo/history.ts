import { desc, eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import {
  checklistTemplates,
  checklistTemplateVersions,
  findingEvents,
  findings,
  visitInspectors,
  visits,
} from '../../db/schema/tenant';
import { tenantAudit } from '../../worker/audit';
import { addDays, beijingTimeUtc } from '../../worker/dates';
import { semesterOf } from '../../worker/semesters';
import { type Answer, type Answers, checkAnswers } from '../checklists/answers';
import type { ChecklistBody } from '../checklists/schema';
import type { ModuleKey } from '../config/schema';
import type { Who } from '../provisioning/provision';
import { seededRandom } from './seeded-random';
import type { DemoTenant } from './types';

/** What the demo's visits use: 挂牌督导 every month, a campus safety check at the start of term. */
const MONTHLY: { module: ModuleKey; template: string; kind: 'listed' } = {
  module: 'management',
  template: 'routine_eight',
  kind: 'listed',
};
const TERM_START: { module: ModuleKey; template: string; kind: 'term_start' } = {
  module: 'safety',
  template: 'safety_general',
  kind: 'term_start',
};

/** What inspectors write under a 否, in the words of real visit records. */
const NOTES = [
  '现场查看未达到要求，已当场反馈',
  '台账记录不完整，缺少近两个月的记录',
  '部分设施损坏未及时维修',
  '制度已制定但未张贴公示',
  '抽查发现执行不到位',
];

function answersFor(body: ChecklistBody, visitedOn: string, rnd: () => number, problems: number): Answers {
  const answers: Record<string, Answer> = {};
  const yesNo = body.sections.flatMap((s) => s.items).filter((i) => i.type === 'yes_no');
  const failing = new Set<string>();
  while (failing.size < Math.min(problems, yesNo.length)) {
    failing.add((yesNo[Math.floor(rnd() * yesNo.length)] as (typeof yesNo)[number]).key);
  }
  for (const item of body.sections.flatMap((s) => s.items)) {
    if (item.type === 'yes_no') {
      answers[item.key] = failing.has(item.key)
        ? { value: false, note: NOTES[Math.floor(rnd() * NOTES.length)] as string }
        : { value: true };
    } else if (item.type === 'score')
      answers[item.key] = { value: Math.max(0, (item.max ?? 10) - Math.floor(rnd() * 3)) };
    else if (item.type === 'number') answers[item.key] = { value: 1 + Math.floor(rnd() * 5) };
    else if (item.type === 'choice') answers[item.key] = { value: item.choices?.[0] ?? null };
    else if (item.type === 'text') answers[item.key] = { value: '情况良好' };
    else if (item.type === 'date') answers[item.key] = { value: visitedOn };
  }
  return answers;
}

/**
 * This school year so far in a demo tenant, so a first look at the dashboard, the hazard register
 * and the province's comparison shows a working office: each zone's inspector visits their schools
 * about monthly (挂牌督导), most schools had a safety check at the start of term, and what they
 * found went through rectification — older findings closed, recent ones issued, reported or
 * waiting, a few past their deadline. One school is never visited, so it stands out. Written
 * straight to the database in one batch with its audit row; only for `npm start`'s demo, never
 * for tests (their figures must not move).
 */
export async function seedDemoHistory(
  db: TenantDb,
  demo: DemoTenant,
  ids: { unitIds: Map<string, string>; inspectorIds: string[]; userIds: Map<string, string> },
  today: string,
  who: Who,
): Promise<{ visits: number; findings: number }> {
  const wanted = [MONTHLY, TERM_START].filter((p) => demo.config.modules[p.module]);
  if (wanted.length === 0) return { visits: 0, findings: 0 };
  const templates = await db
    .select({
      key: checklistTemplates.builtinKey,
      versionId: checklistTemplateVersions.id,
      body: checklistTemplateVersions.body,
      title: checklistTemplates.name,
    })
    .from(checklistTemplateVersions)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, checklistTemplateVersions.templateId))
    .where(
      inArray(
        checklistTemplates.builtinKey,
        wanted.map((p) => p.template),
      ),
    )
    .orderBy(desc(checklistTemplateVersions.version));
  const templateOf = new Map<string, (typeof templates)[number]>();
  for (const t of templates) if (t.key && !templateOf.has(t.key)) templateOf.set(t.key, t);

  const [year, month] = today.split('-').map(Number) as [number, number];
  const semester = semesterOf(year, month, demo.config.semesters);
  const rnd = seededRandom(2026);
  const visitRows: (typeof visits.$inferInsert)[] = [];
  const teamRows: (typeof visitInspectors.$inferInsert)[] = [];
  const findingRows: (typeof findings.$inferInsert)[] = [];
  const eventRows: (typeof findingEvents.$inferInsert)[] = [];
  const noticeCount = new Map<string, number>();

  // Schools in zones, each with its zone's inspector; the last one is never visited.
  const visited = demo.units.filter((u) => u.zoneKey !== null).slice(0, -1);
  for (const unit of visited) {
    const inspectorIndex = demo.inspectors.findIndex((i) => i.zoneKeys.includes(unit.zoneKey as string));
    if (inspectorIndex < 0) continue;
    const inspector = demo.inspectors[inspectorIndex] as DemoTenant['inspectors'][number];
    const author = (inspector.username && ids.userIds.get(inspector.username)) || 'demo';
    const plans: { plan: typeof MONTHLY | typeof TERM_START; day: string }[] = [];
    for (let first = semester.from; first < today; first = `${addDays(first, 31).slice(0, 8)}01`) {
      const day = addDays(first, 3 + Math.floor(rnd() * 20));
      if (day < today && rnd() < 0.85 && demo.config.modules[MONTHLY.module])
        plans.push({ plan: MONTHLY, day });
      if (first === semester.from && rnd() < 0.7 && demo.config.modules[TERM_START.module]) {
        plans.push({ plan: TERM_START, day: addDays(first, 1 + Math.floor(rnd() * 10)) });
      }
    }
    for (const { plan, day } of plans) {
      const template = templateOf.get(plan.template);
      if (!template || day >= today) continue;
      const body = template.body as ChecklistBody;
      const problems = rnd() < 0.5 ? 0 : 1 + Math.floor(rnd() * 2);
      const answers = answersFor(body, day, rnd, problems);
      const check = checkAnswers(body, answers, { draft: true });
      const id = crypto.randomUUID();
      visitRows.push({
        id,
        module: plan.module,
        kind: plan.kind,
        unitId: ids.unitIds.get(unit.key) as string,
        templateVersionId: template.versionId,
        visitedOn: day,
        methods: ['briefing', 'documents', 'site'],
        answers,
        score: check.total.max > 0 ? check.total.score : null,
        maxScore: check.total.max > 0 ? check.total.max : null,
        summary:
          problems === 0
            ? '各项工作规范有序，未发现问题。'
            : '总体情况良好，发现的问题已当场反馈，要求限期整改。',
        feedback: '已向学校负责人反馈督导意见。',
        feedbackSignedBy: unit.headName,
        contentHash: id,
        createdBy: author,
        createdAt: beijingTimeUtc(day, 17),
      });
      teamRows.push({ visitId: id, inspectorId: ids.inspectorIds[inspectorIndex] as string, lead: true });

      const titles = new Map(body.sections.map((s) => [s.key, s.title]));
      for (const draft of check.findings) {
        const findingId = crypto.randomUUID();
        const deadline = addDays(day, demo.config.visits.defaultDeadlineDays);
        const age = Math.round((Date.parse(today) - Date.parse(day)) / 86_400_000);
        const r = rnd();
        const status =
          age > 45
            ? r < 0.9
              ? 'closed'
              : 'issued'
            : age > 20
              ? r < 0.5
                ? 'closed'
                : r < 0.75
                  ? 'reported'
                  : 'issued'
              : r < 0.6
                ? 'issued'
                : 'open';
        const issuedOn = addDays(day, 1);
        const reportedOn = addDays(issuedOn, 5 + Math.floor(rnd() * 8));
        const closedOn = addDays(reportedOn, 1 + Math.floor(rnd() * 4));
        const noticeYear = issuedOn.slice(0, 4);
        const notice = (noticeCount.get(noticeYear) ?? 0) + 1;
        if (status !== 'open') noticeCount.set(noticeYear, notice);
        const late = status === 'issued' && deadline < today;
        findingRows.push({
          id: findingId,
          module: plan.module,
          unitId: ids.unitIds.get(unit.key) as string,
          visitId: id,
          itemKey: draft.itemKey,
          category: titles.get(draft.sectionKey) ?? draft.label,
          severity: draft.hazardLevel ?? 'general',
          description: draft.note ? `${draft.problem}：${draft.note}` : draft.problem,
          deadline,
          status,
          noticeNo: status === 'open' ? null : `督整〔${noticeYear}〕第${notice}号`,
          issuedAt: status === 'open' ? null : beijingTimeUtc(issuedOn, 10),
          reportedAt: status === 'reported' || status === 'closed' ? beijingTimeUtc(reportedOn, 16) : null,
          closedAt: status === 'closed' ? beijingTimeUtc(closedOn, 11) : null,
          overdueAt: late ? beijingTimeUtc(addDays(deadline, 1), 1) : null,
          escalation: late ? 1 : 0,
          createdBy: author,
          createdAt: beijingTimeUtc(day, 17),
          updatedAt: beijingTimeUtc(day, 17),
        });
        const event = (action: string, day2: string, hour: number, note: string | null = null) =>
          eventRows.push({
            findingId,
            at: beijingTimeUtc(day2, hour),
            actorId: author,
            actorName: inspector.name,
            action,
            note,
          });
        event('created', day, 17);
        if (status !== 'open') event('issue', issuedOn, 10);
        if (status === 'reported' || status === 'closed')
          event('report', reportedOn, 16, '已按要求完成整改，附整改前后照片。');
        if (status === 'closed') event('close', closedOn, 11, '现场复查，整改到位，予以销号。');
        if (late)
          event('overdue', addDays(deadline, 1), 1, `已超过整改期限（${deadline}），尚未提交整改报告`);
      }
    }
  }
  if (visitRows.length === 0) return { visits: 0, findings: 0 };
  await db.batch([
    tenantAudit(db, who, {
      action: 'demo.seed',
      entityType: 'tenant',
      entityId: demo.slug,
      details: { visits: visitRows.length, findings: findingRows.length },
    }),
    db.insert(visits).values(visitRows),
    db.insert(visitInspectors).values(teamRows),
    ...(findingRows.length ? [db.insert(findings).values(findingRows)] : []),
    ...(eventRows.length ? [db.insert(findingEvents).values(eventRows)] : []),
  ]);
  return { visits: visitRows.length, findings: findingRows.length };
}
