/**
 * evaluation.round_open_p95_ms (issue 6, Speed): a round of 50 schools on a scheme of 60 leaf
 * indicators (6 first-level × 2 second-level × 5 third-level), every leaf scored by the school and by
 * the team with notes, and evidence rows beside them, written straight into the tenant's database.
 * Then, over HTTP against the Worker: the round overview (`GET /evaluation/rounds/:id`, target
 * < 300 ms) and one school's workbench (`evaluation.round_unit_p95_ms`).
 *
 * Alone: `npx tsx bench/evaluation.ts` (after `npx vite build`); in `npm run bench` from run.ts.
 */
import { pathToFileURL } from 'node:url';
import { localDatabases } from '../db/local/connections';
import {
  evaluationEvidence,
  evaluationRoundReviewers,
  evaluationRounds,
  evaluationRoundUnits,
  evaluationSchemes,
  evaluationSchemeVersions,
  evaluationScores,
  units,
  users,
} from '../db/schema/tenant';
import type { DemoTenant } from '../tenants/demo/types';
import { leafIndicators, type SchemeBody, type SchemeIndicator } from '../tenants/evaluation/scheme';
import type { LocalStack } from '../worker/local/stack';
import { startThrowawayStack } from '../worker/local/throwaway-stack';
import { benchCopyOf, type Emit, insertAll, p95 } from './common';

export const EVALUATION_SLUG = 'bench-evaluation';
const UNITS = 50;
const SAMPLES = 50;
const WARM_UP = 10;

/** demo-county's config and admin with nothing else: the bench writes the schools and the round. */
export function evaluationTenant(): DemoTenant {
  return benchCopyOf('demo-county', EVALUATION_SLUG, '评估基准测试县');
}

/** 6 × 2 × 5 = 60 leaves of 1.5 points each (90 in all), with the texts a real scheme carries. */
function benchScheme(): SchemeBody {
  const indicators: SchemeIndicator[] = [];
  for (let a = 1; a <= 6; a++) {
    const seconds: SchemeIndicator[] = [];
    for (let b = 1; b <= 2; b++) {
      const leaves: SchemeIndicator[] = [];
      for (let c = 1; c <= 5; c++) {
        leaves.push({
          key: `A${a}.${b}.${c}`,
          name: `三级指标${a}-${b}-${c}`,
          points: 1.5,
          criteria: '制度健全，执行有记录，台账完整，近三年无重大责任事故，师生满意度不低于 90%。',
          guidance: '全部达到得满分；一项未达到扣 0.5 分，扣完为止。',
          evidence: '制度文本、会议记录、台账、照片',
        });
      }
      seconds.push({ key: `A${a}.${b}`, name: `二级指标${a}-${b}`, points: 7.5, children: leaves });
    }
    indicators.push({ key: `A${a}`, name: `一级指标${a}`, points: 15, children: seconds });
  }
  return { indicators };
}

async function seedRound(stack: LocalStack) {
  const dbs = localDatabases(stack.sqld);
  const tenant = await dbs
    .control()
    .query.tenants.findFirst({ where: (t, ops) => ops.eq(t.slug, EVALUATION_SLUG) });
  if (!tenant) throw new Error(`${EVALUATION_SLUG} is missing`);
  const db = dbs.tenant(tenant.dbUrl);
  const now = new Date().toISOString();
  const [admin] = await db.select({ id: users.id }).from(users).limit(1);
  if (!admin) throw new Error('the bench county has no admin');

  const body = benchScheme();
  const leaves = leafIndicators(body);
  const schemeId = crypto.randomUUID();
  await db.insert(evaluationSchemes).values({
    id: schemeId,
    name: '基准测试评估方案',
    kind: 'developmental',
    latestVersion: 1,
    createdAt: now,
    updatedAt: now,
  });
  await db
    .insert(evaluationSchemeVersions)
    .values({ id: crypto.randomUUID(), schemeId, version: 1, body, createdAt: now, createdBy: admin.id });

  const schools = Array.from({ length: UNITS }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `基准学校${String(i + 1).padStart(2, '0')}`,
    kind: 'primary',
    updatedAt: now,
  }));
  await db.insert(units).values(schools);

  const roundId = crypto.randomUUID();
  await db.insert(evaluationRounds).values({
    id: roundId,
    name: '基准测试发展性评估',
    schemeId,
    schemeVersion: 1,
    schoolYear: 2026,
    startsOn: '2026-09-01',
    endsOn: '2027-06-30',
    selfDeadline: '2027-06-30',
    reviewDeadline: '2027-07-10',
    replyDeadline: '2027-07-20',
    createdBy: admin.id,
    createdAt: now,
    updatedAt: now,
  });
  await db.insert(evaluationRoundReviewers).values({ roundId, userId: admin.id, lead: true });
  const scores: (typeof evaluationScores.$inferInsert)[] = [];
  const evidence: (typeof evaluationEvidence.$inferInsert)[] = [];
  for (const [i, school] of schools.entries()) {
    for (const [j, leaf] of leaves.entries()) {
      for (const side of ['self', 'review'] as const) {
        scores.push({
          roundId,
          unitId: school.id,
          side,
          indicatorKey: leaf.key,
          score: (i + j + (side === 'self' ? 1 : 0)) % 4 === 0 ? 1 : 1.5,
          note: side === 'self' ? '已按要求落实，见佐证材料。' : '资料基本齐全，个别记录不完整。',
          scoredBy: admin.id,
          scoredAt: now,
        });
      }
      if (j % 3 === 0) {
        const id = crypto.randomUUID();
        evidence.push({
          id,
          roundId,
          unitId: school.id,
          indicatorKey: leaf.key,
          fileName: `${leaf.key} 佐证材料.pdf`,
          key: `t/${EVALUATION_SLUG}/evaluation/${roundId}/${school.id}/${id}`,
          contentType: 'application/pdf',
          size: 250_000,
          uploadedBy: admin.id,
          createdAt: now,
        });
      }
    }
  }
  const total = (side: 'self' | 'review', unitId: string) =>
    scores.filter((s) => s.unitId === unitId && s.side === side).reduce((sum, s) => sum + s.score, 0);
  await db.insert(evaluationRoundUnits).values(
    schools.map((s) => ({
      roundId,
      unitId: s.id,
      status: 'submitted' as const,
      selfReport: '本学年按发展规划推进各项工作。'.repeat(40),
      selfTotal: total('self', s.id),
      reviewTotal: total('review', s.id),
      submittedAt: now,
      updatedAt: now,
    })),
  );
  await insertAll(scores, (chunk) => db.insert(evaluationScores).values(chunk));
  await insertAll(evidence, (chunk) => db.insert(evaluationEvidence).values(chunk));
  return { roundId, unitId: (schools[0] as { id: string }).id, leaves: leaves.length, scores: scores.length };
}

async function timeGet(url: string, cookie: string, check: (body: unknown) => boolean): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i++) {
    const started = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = (await res.json()) as unknown;
    if (!res.ok || !check(body))
      throw new Error(`${url} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
    if (i >= WARM_UP) times.push(performance.now() - started);
  }
  return times;
}

export async function benchEvaluation(stack: LocalStack, password: string, emit: Emit): Promise<void> {
  const seeded = await seedRound(stack);
  emit('evaluation.seed_scores', seeded.scores, 'rows');
  const base = `${stack.url}/api/t/${EVALUATION_SLUG}`;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password }),
  });
  if (!login.ok) throw new Error(`evaluation bench login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;

  const overview = await timeGet(
    `${base}/evaluation/rounds/${seeded.roundId}`,
    cookie,
    (b) =>
      (b as { units?: { reviewScored: number }[] }).units?.every((u) => u.reviewScored === seeded.leaves) ===
      true,
  );
  emit('evaluation.round_open_p95_ms', p95(overview), 'ms');
  const unit = await timeGet(
    `${base}/evaluation/rounds/${seeded.roundId}/units/${seeded.unitId}`,
    cookie,
    (b) => (b as { review?: { scored: number } }).review?.scored === seeded.leaves,
  );
  emit('evaluation.round_unit_p95_ms', p95(unit), 'ms');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const PASSWORD = 'Bench-password-2026';
  const stack = await startThrowawayStack([evaluationTenant()], PASSWORD);
  const emit: Emit = (name, value, unit) =>
    console.log(JSON.stringify({ name, value: Math.round(value * 100) / 100, unit }));
  try {
    await benchEvaluation(stack, PASSWORD, emit);
  } finally {
    await stack.stop();
  }
}
