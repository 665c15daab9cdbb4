import { eq } from 'drizzle-orm';
import type { TenantDb } from '../../db/client';
import { localDatabases } from '../../db/local/connections';
import {
  evaluationEvidence,
  evaluationRoundReviewers,
  evaluationRounds,
  evaluationRoundUnits,
  evaluationSchemes,
  evaluationScores,
} from '../../db/schema/tenant';
import { tenantAudit } from '../../worker/audit';
import type { LocalStack } from '../../worker/local/stack';
import type { Who } from '../provisioning/provision';
import type { DemoTenant } from './types';

/**
 * The demo county's developmental evaluation round of the current school year (seed 004), half-way
 * through the year: five schools on the shipped 中小学校发展性评估方案, the inspectors' team, and
 * 城关第一小学 (manager1) with part of its self-evaluation and evidence already in, 临河小学
 * (manager2) just begun — so a new user opens 评估 and sees a round as it really looks in spring.
 */

const SCHOOLS = ['sch_cg_primary_1', 'sch_cg_primary_2', 'sch_cg_junior', 'sch_lh_primary', 'sch_lh_junior'];
const TEAM = [
  { username: 'inspector1', lead: true },
  { username: 'inspector2', lead: false },
  { username: 'director1', lead: false },
];

interface DemoSelf {
  key: string;
  score: number;
  note: string;
}

const SELF: Record<string, DemoSelf[]> = {
  sch_cg_primary_1: [
    { key: 'A1.1', score: 5, note: '三年发展规划经教代会审议通过，并请县教研室专家论证。' },
    { key: 'A1.2', score: 4.5, note: '年度计划已分解到各处室，个别目标缺少责任人。' },
    { key: 'A1.3', score: 4, note: '上学年完成自评，下学年目标已调整。' },
    { key: 'A2.1', score: 5, note: '章程和制度汇编齐全，执行有记录。' },
    { key: 'A2.2', score: 4.5, note: '教代会、家委会按期召开。' },
    { key: 'A2.3', score: 5, note: '本学期已开展消防、防震演练各 1 次。' },
  ],
  sch_lh_primary: [{ key: 'A1.1', score: 4, note: '规划已制定，待教代会审议。' }],
};

const EVIDENCE: Record<string, { key: string | null; fileName: string }[]> = {
  sch_cg_primary_1: [
    { key: 'A1.1', fileName: '学校三年发展规划（定稿）.pdf' },
    { key: 'A1.2', fileName: '年度实施计划与目标分解表.pdf' },
    { key: 'A2.3', fileName: '应急疏散演练记录.pdf' },
    { key: null, fileName: '学校基本情况介绍.pdf' },
  ],
};

export async function seedDemoRound(
  db: TenantDb,
  demo: DemoTenant,
  ids: { unitIds: Map<string, string>; userIds: Map<string, string> },
  schoolYear: number,
  who: Who,
) {
  const schools = SCHOOLS.filter((key) => ids.unitIds.has(key));
  const team = TEAM.filter((m) => ids.userIds.has(m.username));
  if (schools.length < 3 || team.length === 0 || !team.some((m) => m.lead)) return;
  const [scheme] = await db
    .select({ id: evaluationSchemes.id, version: evaluationSchemes.latestVersion })
    .from(evaluationSchemes)
    .where(eq(evaluationSchemes.builtinKey, 'developmental_school'))
    .limit(1);
  if (!scheme) return;

  const now = new Date().toISOString();
  const roundId = crypto.randomUUID();
  const creator = ids.userIds.get('director1') ?? (ids.userIds.get(team[0]?.username ?? '') as string);
  const unitId = (key: string) => ids.unitIds.get(key) as string;
  const managerOf = (key: string) =>
    ids.userIds.get(demo.users.find((u) => u.role === 'unit_manager' && u.unitKey === key)?.username ?? '') ??
    creator;
  const scores = Object.entries(SELF).flatMap(([school, list]) =>
    ids.unitIds.has(school)
      ? list.map((s) => ({
          roundId,
          unitId: unitId(school),
          side: 'self' as const,
          indicatorKey: s.key,
          score: s.score,
          note: s.note,
          scoredBy: managerOf(school),
          scoredAt: now,
        }))
      : [],
  );
  const evidence = Object.entries(EVIDENCE).flatMap(([school, list]) =>
    ids.unitIds.has(school)
      ? list.map((f) => {
          const id = crypto.randomUUID();
          return {
            id,
            roundId,
            unitId: unitId(school),
            indicatorKey: f.key,
            fileName: f.fileName,
            key: ['t', demo.slug, 'evaluation', roundId, unitId(school), id].join('/'),
            contentType: 'application/pdf',
            size: DEMO_PDF.byteLength,
            uploadedBy: managerOf(school),
            createdAt: now,
          };
        })
      : [],
  );
  const selfTotal = (school: string) => {
    const list = (SELF[school] ?? []).map((s) => s.score);
    return list.length ? list.reduce((a, b) => a + b, 0) : null;
  };
  const name = `${schoolYear}—${schoolYear + 1} 学年中小学校发展性评估`;
  await db.batch([
    db.insert(evaluationRounds).values({
      id: roundId,
      name,
      schemeId: scheme.id,
      schemeVersion: scheme.version,
      schoolYear,
      startsOn: `${schoolYear}-09-01`,
      endsOn: `${schoolYear + 1}-06-30`,
      selfDeadline: `${schoolYear + 1}-06-20`,
      reviewDeadline: `${schoolYear + 1}-07-05`,
      replyDeadline: `${schoolYear + 1}-07-15`,
      createdBy: creator,
      createdAt: now,
      updatedAt: now,
    }),
    db
      .insert(evaluationRoundUnits)
      .values(
        schools.map((key) => ({ roundId, unitId: unitId(key), selfTotal: selfTotal(key), updatedAt: now })),
      ),
    db
      .insert(evaluationRoundReviewers)
      .values(team.map((m) => ({ roundId, userId: ids.userIds.get(m.username) as string, lead: m.lead }))),
    ...(scores.length ? [db.insert(evaluationScores).values(scores)] : []),
    ...(evidence.length ? [db.insert(evaluationEvidence).values(evidence)] : []),
    tenantAudit(db, who, {
      action: 'evaluation_round.create',
      entityType: 'evaluation_round',
      entityId: roundId,
      details: { name, units: schools.length, reviewers: team.length, demo: true },
    }),
  ]);
}

/** A one-page PDF standing in for a scanned document (ASCII text: no font to embed). */
const DEMO_PDF = (() => {
  const content = 'BT /F1 18 Tf 72 760 Td (Dudao demo evidence file) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
})();

/**
 * The demo rounds' evidence files in the local R2 (Miniflare's, reachable only once the Worker
 * runs, after seeding): every evidence row of the demo tenants whose object is missing gets the
 * demo PDF, so the files listed can be opened.
 */
export async function putDemoEvidenceFiles(stack: LocalStack, slugs: readonly string[]) {
  const dbs = localDatabases(stack.sqld);
  const bucket = await stack.miniflare.getR2Bucket('FILES');
  for (const slug of slugs) {
    const tenant = await dbs.control().query.tenants.findFirst({ where: (t, ops) => ops.eq(t.slug, slug) });
    if (!tenant) continue;
    const rows = await dbs
      .tenant(tenant.dbUrl)
      .select({ key: evaluationEvidence.key })
      .from(evaluationEvidence)
      .where(eq(evaluationEvidence.contentType, 'application/pdf'));
    for (const { key } of rows) {
      if (await bucket.head(key)) continue;
      await bucket.put(key, DEMO_PDF, { httpMetadata: { contentType: 'application/pdf' } });
    }
  }
}
