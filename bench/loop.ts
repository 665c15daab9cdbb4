/**
 * The supervision loop at a county's volume (issue 4, Speed): 200 schools in 10 zones, 40
 * inspectors, three years of about 20,000 visits (with their teams) and 60,000 findings in the
 * states an office really has (most closed, some overdue), written in large batches straight into
 * the tenant's database. Then, over HTTP against the Worker: the office dashboard
 * (`loop.dashboard.p95_ms`) and submitting a finished 60-item visit with two findings and their
 * photos (`loop.visit_submit.p95_ms`).
 */
import { eq } from 'drizzle-orm';
import type { TenantDb } from '../db/client';
import { localDatabases } from '../db/local/connections';
import {
  checklistTemplates,
  checklistTemplateVersions,
  findings,
  inspectors,
  inspectorZones,
  units,
  visitInspectors,
  visits,
  zones,
} from '../db/schema/tenant';
import type { ModuleKey } from '../tenants/config/schema';
import { seededRandom } from '../tenants/demo/seeded-random';
import type { DemoTenant } from '../tenants/demo/types';
import { addDays, beijingDate, beijingTimeUtc } from '../worker/dates';
import type { LocalStack } from '../worker/local/stack';
import { benchCopyOf, type Emit, insertAll, p95 } from './common';

export const LOOP_SLUG = 'bench-loop';
const ZONES = 10;
const UNITS = 200;
const INSPECTORS = 40;
const YEARS = 3;
const VISITS = 20_000;
const FINDINGS_PER_VISIT = 3;
const DASHBOARD_SAMPLES = 50;
const SUBMIT_SAMPLES = 50;
const WARM_UP = 10;

/** demo-county's config and admin with nothing else: the bench writes the rest. */
export function loopTenant(): DemoTenant {
  return benchCopyOf('demo-county', LOOP_SLUG, '督导闭环基准测试县');
}

/** An instant on a Beijing day, as the stored ISO timestamps are written. */
/** 60 answers as a phone sends them, so the visits table has the width of real records. */
function storedAnswers(rnd: () => number) {
  const answers: Record<string, { value: unknown }> = {};
  for (let i = 0; i < 60; i++) {
    const kind = i % 6;
    answers[`i${i}`] = {
      value:
        kind < 2
          ? rnd() > 0.05
          : kind === 2
            ? 6 + Math.floor(rnd() * 5)
            : kind === 3
              ? '情况良好，资料齐全'
              : kind === 4
                ? Math.floor(rnd() * 20)
                : '合格',
    };
  }
  return answers;
}

const MODULE_MIX: ModuleKey[] = [
  'management',
  'management',
  'management',
  'management',
  'safety',
  'safety',
  'safety',
  'teaching',
  'teaching',
  'study',
];
const KINDS = ['primary', 'primary', 'primary', 'junior', 'nine_year', 'preschool', 'teaching_point'];

/** Writes the county's three years; returns the ids the submit bench needs. */
export async function seedLoop(db: TenantDb) {
  const rnd = seededRandom(20261201);
  const now = new Date().toISOString();
  const today = beijingDate();
  const firstDay = addDays(today, -365 * YEARS);
  const span = 365 * YEARS;

  const zoneIds = Array.from({ length: ZONES }, () => crypto.randomUUID());
  await db.insert(zones).values(zoneIds.map((id, i) => ({ id, name: `第${i + 1}责任区` })));
  const unitRows = Array.from({ length: UNITS }, (_, i) => ({
    id: crypto.randomUUID(),
    code: `3499${String(i).padStart(6, '0')}`,
    name: `基准县第${Math.floor(i / 10) + 1}学区第${(i % 10) + 1}学校`,
    kind: KINDS[i % KINDS.length] as string,
    zoneId: zoneIds[i % ZONES] as string,
    status: 'active' as const,
    updatedAt: now,
  }));
  await insertAll(unitRows, (chunk) => db.insert(units).values(chunk));
  const inspectorRows = Array.from({ length: INSPECTORS }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `督学${i + 1}`,
    type: 'responsible' as const,
    trainingHours: 0,
    status: 'active' as const,
    updatedAt: now,
  }));
  await db.insert(inspectors).values(inspectorRows);
  await db
    .insert(inspectorZones)
    .values(inspectorRows.map((r, i) => ({ inspectorId: r.id, zoneId: zoneIds[i % ZONES] as string })));

  const versions = await db
    .select({ id: checklistTemplateVersions.id, module: checklistTemplates.module })
    .from(checklistTemplateVersions)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, checklistTemplateVersions.templateId));
  const versionOf = new Map<ModuleKey, string>();
  for (const v of versions) if (!versionOf.has(v.module)) versionOf.set(v.module, v.id);

  // A few schools stand out: never visited (the last 4) or not since the first year (the 8 before).
  const visitRows: (typeof visits.$inferInsert)[] = [];
  const teamRows: (typeof visitInspectors.$inferInsert)[] = [];
  const findingRows: (typeof findings.$inferInsert)[] = [];
  const statuses = { open: 0, issued: 0, reported: 0, closed: 0 };
  while (visitRows.length < VISITS) {
    const unitIndex = Math.floor(rnd() * (UNITS - 4));
    const neglected = unitIndex >= UNITS - 12;
    const offset = Math.floor(rnd() * (neglected ? 365 : span));
    const visitedOn = addDays(firstDay, offset);
    const module = MODULE_MIX[Math.floor(rnd() * MODULE_MIX.length)] as ModuleKey;
    const unit = unitRows[unitIndex] as (typeof unitRows)[number];
    const id = crypto.randomUUID();
    visitRows.push({
      id,
      module,
      kind: rnd() < 0.7 ? 'listed' : 'special',
      unitId: unit.id,
      templateVersionId: versionOf.get(module) as string,
      visitedOn,
      methods: ['briefing', 'site'],
      answers: storedAnswers(rnd),
      score: 80 + Math.floor(rnd() * 20),
      maxScore: 100,
      summary: '学校各项工作有序开展，存在问题已当场反馈并要求限期整改。',
      contentHash: id,
      createdBy: 'bench',
      createdAt: beijingTimeUtc(visitedOn, 17),
    });
    const zoneIndex = unitIndex % ZONES;
    const team = 1 + Math.floor(rnd() * 3);
    for (let k = 0; k < team; k++) {
      const inspector = inspectorRows[(zoneIndex + k * ZONES) % INSPECTORS] as (typeof inspectorRows)[number];
      teamRows.push({ visitId: id, inspectorId: inspector.id, lead: k === 0 });
    }
    const age = span - offset;
    const n = Math.round(rnd() * FINDINGS_PER_VISIT * 2);
    for (let k = 0; k < n; k++) {
      const deadline = addDays(visitedOn, 14);
      const r = rnd();
      // Old findings are nearly all closed; recent ones are still on their way.
      const status =
        age > 60
          ? r < 0.93
            ? 'closed'
            : r < 0.96
              ? 'reported'
              : r < 0.99
                ? 'issued'
                : 'open'
          : r < 0.3
            ? 'closed'
            : r < 0.5
              ? 'reported'
              : r < 0.85
                ? 'issued'
                : 'open';
      statuses[status] += 1;
      const issuedOn = addDays(visitedOn, 1);
      const closedOn = addDays(issuedOn, 3 + Math.floor(rnd() * 35));
      findingRows.push({
        id: crypto.randomUUID(),
        module,
        unitId: unit.id,
        visitId: id,
        itemKey: `i${k * 6}`,
        category: `第${k + 1}部分`,
        severity: rnd() < 0.85 ? 'general' : rnd() < 0.8 ? 'serious' : 'major',
        description: '消防器材过期未更换，疏散通道堆放杂物（基准测试）',
        deadline,
        status,
        noticeNo: status === 'open' ? null : `整改〔${visitedOn.slice(0, 4)}〕${findingRows.length + 1}号`,
        issuedAt: status === 'open' ? null : beijingTimeUtc(issuedOn, 10),
        reportedAt:
          status === 'reported' || status === 'closed' ? beijingTimeUtc(addDays(closedOn, -1), 10) : null,
        closedAt: status === 'closed' ? beijingTimeUtc(closedOn < today ? closedOn : today, 9) : null,
        overdueAt: status === 'issued' && deadline < today ? beijingTimeUtc(addDays(deadline, 1), 1) : null,
        escalation: status === 'issued' && deadline < today ? 1 : 0,
        createdBy: 'bench',
        createdAt: beijingTimeUtc(visitedOn, 17),
        updatedAt: now,
      });
    }
  }
  const started = performance.now();
  await insertAll(visitRows, (chunk) => db.insert(visits).values(chunk), 250);
  await insertAll(teamRows, (chunk) => db.insert(visitInspectors).values(chunk), 2000);
  await insertAll(findingRows, (chunk) => db.insert(findings).values(chunk), 1000);
  return {
    seconds: (performance.now() - started) / 1000,
    visits: visitRows.length,
    team: teamRows.length,
    findings: findingRows.length,
    statuses,
    unit: unitRows[0] as (typeof unitRows)[number],
    inspectors: inspectorRows.map((r) => r.id),
  };
}

/** The 60-item checklist of the submit bench: yes/no with the on-site 否 rule, scores, texts, numbers, choices. */
function checklist() {
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < 60; i++) {
    const key = `i${i}`;
    const label = `第${i + 1}项 检查内容：消防器材、电器线路、疏散通道等是否符合要求（基准测试）`;
    if (i % 6 < 2)
      items.push({
        key,
        label,
        type: 'yes_no',
        required: true,
        hazardLevel: 'general',
        rules: [{ when: { answer: 'no' }, requireNote: true, requirePhoto: true, createFinding: true }],
      });
    else if (i % 6 === 2) items.push({ key, label, type: 'score', max: 10, required: true });
    else if (i % 6 === 3) items.push({ key, label, type: 'text' });
    else if (i % 6 === 4) items.push({ key, label, type: 'number', unit: '个' });
    else items.push({ key, label, type: 'choice', choices: ['合格', '基本合格', '不合格'] });
  }
  return {
    sections: Array.from({ length: 6 }, (_, s) => ({
      key: `s${s}`,
      title: `第${s + 1}部分`,
      items: items.slice(s * 10, s * 10 + 10),
    })),
  };
}

/** A valid 1×1 PNG: the evidence upload sniffs the content, the size does not matter here. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

export async function benchLoop(stack: LocalStack, password: string, emit: Emit): Promise<void> {
  const dbs = localDatabases(stack.sqld);
  const tenant = await dbs
    .control()
    .query.tenants.findFirst({ where: (t, ops) => ops.eq(t.slug, LOOP_SLUG) });
  if (!tenant) throw new Error(`${LOOP_SLUG} is missing`);
  const seeded = await seedLoop(dbs.tenant(tenant.dbUrl));
  emit('loop.seed_visits', seeded.visits, 'rows');
  emit('loop.seed_findings', seeded.findings, 'rows');
  emit('loop.seed_s', seeded.seconds, 's');

  const base = `${stack.url}/api/t/${LOOP_SLUG}`;
  const json = { 'content-type': 'application/json' };
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!login.ok) throw new Error(`loop bench login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;

  // The dashboard of this month, as the office opens it.
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + DASHBOARD_SAMPLES; i++) {
    const started = performance.now();
    const res = await fetch(`${base}/dashboard`, { headers: { cookie } });
    const body = (await res.json()) as { coverage?: { units: number } };
    if (!res.ok || body.coverage?.units !== UNITS)
      throw new Error(`dashboard answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  emit('loop.dashboard.p95_ms', p95(times), 'ms');

  await benchSubmit(base, cookie, seeded.unit.id, seeded.inspectors, emit);
}

/** POST /:module/visits with a 60-item checklist, two 否 answers with a photo each (two findings). */
async function benchSubmit(base: string, cookie: string, unitId: string, team: string[], emit: Emit) {
  const json = { 'content-type': 'application/json' };
  const made = await fetch(`${base}/safety/templates`, {
    method: 'POST',
    headers: { ...json, cookie },
    body: JSON.stringify({ name: '闭环基准测试检查表', description: '60 项', body: checklist() }),
  });
  if (made.status !== 201) throw new Error(`loop template failed: ${made.status} ${await made.text()}`);
  const template = ((await made.json()) as { template: { id: string; latestVersion: number } }).template;
  const visitedOn = beijingDate();
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + SUBMIT_SAMPLES; i++) {
    const photos = [crypto.randomUUID(), crypto.randomUUID()];
    for (const id of photos) {
      const up = await fetch(`${base}/safety/evidence/${id}`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'image/png' },
        body: PNG,
      });
      if (!up.ok) throw new Error(`evidence upload answered ${up.status}: ${await up.text()}`);
    }
    const answers: Record<string, unknown> = {};
    for (let k = 0; k < 60; k++) {
      const kind = k % 6;
      if (kind < 2) {
        const photo = k === 0 ? photos[0] : k === 6 ? photos[1] : null;
        answers[`i${k}`] = photo
          ? { value: false, note: '灭火器压力不足，已要求更换', photos: [photo] }
          : { value: true };
      } else if (kind === 2) answers[`i${k}`] = { value: 8 };
      else if (kind === 3) answers[`i${k}`] = { value: '情况良好，资料齐全' };
      else if (kind === 4) answers[`i${k}`] = { value: 12 };
      else answers[`i${k}`] = { value: '合格' };
    }
    const body = {
      id: crypto.randomUUID(),
      kind: 'routine',
      unitId,
      templateId: template.id,
      templateVersion: template.latestVersion,
      visitedOn,
      methods: ['briefing', 'site'],
      team: team.slice(0, 2),
      answers,
      summary: '学校安全工作总体规范，两处问题已当场反馈。',
      feedback: '请于两周内整改并报送整改报告。',
      feedbackSignedBy: '校长',
    };
    const started = performance.now();
    const res = await fetch(`${base}/safety/visits`, {
      method: 'POST',
      headers: { ...json, cookie },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`visit submit answered ${res.status}: ${text.slice(0, 500)}`);
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  emit('loop.visit_submit.p95_ms', p95(times), 'ms');
}
