import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import {
  checklistTemplates,
  checklistTemplateVersions,
  evidenceFiles,
  findings,
  inspectors,
  units,
  users,
  visitInspectors,
  visits,
} from '../../../db/schema/tenant';
import type { Answers } from '../../../tenants/checklists/answers';
import type { ChecklistBody } from '../../../tenants/checklists/schema';
import type { ModuleKey } from '../../../tenants/config/schema';
import { AppError } from '../../errors';
import { canonicalJson } from '../checklists/records';
import type { SubmitVisitInput } from './schemas';

export type VisitRecord = typeof visits.$inferSelect;

export const VISIT_NOT_FOUND = '未找到该督导记录，可能不属于本模块，请返回列表刷新。';

/**
 * The hash a retry is compared by: the sent content (after validation, so spacing the schema trims
 * does not count) and its module, in a canonical JSON form, whatever the order of its keys.
 */
export async function contentHashOf(module: ModuleKey, input: SubmitVisitInput): Promise<string> {
  const bytes = new TextEncoder().encode(canonicalJson({ module, ...input }));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The visit row with this id in any module, or null (the submit looks across modules: ids are global). */
export async function visitById(db: TenantDb, id: string): Promise<VisitRecord | null> {
  const [row] = await db.select().from(visits).where(eq(visits.id, id)).limit(1);
  return row ?? null;
}

/** The visit with this id in this module, or 404. */
export async function findVisit(db: TenantDb, module: ModuleKey, id: string): Promise<VisitRecord> {
  const [row] = await db
    .select()
    .from(visits)
    .where(and(eq(visits.id, id), eq(visits.module, module)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', VISIT_NOT_FOUND);
  return row;
}

/** The lead inspector's name, for lists (visit_inspectors' primary key serves the lookup). */
export const leadName = sql<string | null>`(
  SELECT i.name FROM visit_inspectors vi JOIN inspectors i ON i.id = vi.inspector_id
  WHERE vi.visit_id = visits.id AND vi.lead = 1 LIMIT 1
)`;

/** How many findings the visit drafted (findings_visit_idx). */
export const findingCount = sql<number>`(
  SELECT count(*) FROM findings f WHERE f.visit_id = visits.id
)`.mapWith(Number);

/**
 * Everything a visit's page and its Word record show: the visit, its unit, team (lead first), the
 * template version it used (with the body), answers, photos and the findings it drafted.
 */
export async function visitDetail(db: TenantDb, row: VisitRecord) {
  const [unitRows, team, versionRows, photos, drafted, makers] = await db.batch([
    db.select({ name: units.name }).from(units).where(eq(units.id, row.unitId)).limit(1),
    db
      .select({ id: inspectors.id, name: inspectors.name, lead: visitInspectors.lead })
      .from(visitInspectors)
      .innerJoin(inspectors, eq(inspectors.id, visitInspectors.inspectorId))
      .where(eq(visitInspectors.visitId, row.id))
      .orderBy(desc(visitInspectors.lead), asc(inspectors.name)),
    db
      .select({
        templateId: checklistTemplateVersions.templateId,
        version: checklistTemplateVersions.version,
        body: checklistTemplateVersions.body,
        name: checklistTemplates.name,
      })
      .from(checklistTemplateVersions)
      .innerJoin(checklistTemplates, eq(checklistTemplates.id, checklistTemplateVersions.templateId))
      .where(eq(checklistTemplateVersions.id, row.templateVersionId))
      .limit(1),
    db
      .select({
        id: evidenceFiles.id,
        ownerType: evidenceFiles.ownerType,
        ownerId: evidenceFiles.ownerId,
        contentType: evidenceFiles.contentType,
        size: evidenceFiles.size,
      })
      .from(evidenceFiles)
      .where(inArray(evidenceFiles.id, photoIdsOf(row.answers as Answers).concat(['']))),
    db
      .select({
        id: findings.id,
        itemKey: findings.itemKey,
        category: findings.category,
        severity: findings.severity,
        description: findings.description,
        status: findings.status,
        deadline: findings.deadline,
        noticeNo: findings.noticeNo,
      })
      .from(findings)
      .where(eq(findings.visitId, row.id))
      .orderBy(asc(findings.createdAt), asc(findings.id)),
    db.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdBy)).limit(1),
  ]);
  const version = versionRows[0];
  const answers = row.answers as Answers;
  const itemOfPhoto = new Map<string, string>();
  for (const [key, answer] of Object.entries(answers)) {
    for (const id of answer?.photos ?? []) if (!itemOfPhoto.has(id)) itemOfPhoto.set(id, key);
  }
  const lead = team.find((m) => m.lead) ?? null;
  return {
    id: row.id,
    module: row.module,
    kind: row.kind,
    unitId: row.unitId,
    unitName: unitRows[0]?.name ?? '',
    visitedOn: row.visitedOn,
    theme: row.theme,
    methods: row.methods,
    score: row.score,
    maxScore: row.maxScore,
    summary: row.summary,
    feedback: row.feedback,
    feedbackSignedBy: row.feedbackSignedBy,
    team: team.map((m) => ({ id: m.id, name: m.name, lead: m.lead })),
    leadName: lead?.name ?? null,
    templateId: version?.templateId ?? null,
    templateVersion: version?.version ?? null,
    templateName: version?.name ?? null,
    template: version
      ? {
          id: version.templateId,
          name: version.name,
          version: version.version,
          body: version.body as ChecklistBody,
        }
      : null,
    answers,
    photos: photos.map((p) => ({ ...p, itemKey: itemOfPhoto.get(p.id) ?? null })),
    findings: drafted,
    findingCount: drafted.length,
    createdBy: row.createdBy,
    createdByName: makers[0]?.name ?? null,
    createdAt: row.createdAt,
  };
}

export type VisitDetail = Awaited<ReturnType<typeof visitDetail>>;

/** Every photo id the answers cite, once, in answer order. */
export function photoIdsOf(answers: Answers): string[] {
  const ids = new Set<string>();
  for (const answer of Object.values(answers)) for (const id of answer?.photos ?? []) ids.add(id);
  return [...ids];
}
