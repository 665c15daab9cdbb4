import { and, eq, inArray, or, sql } from 'drizzle-orm';
import * as v from 'valibot';
import type { TenantDb } from '../../../db/client';
import {
  checklistTemplates,
  checklistTemplateVersions,
  findingEvents,
  findings,
  inspectors,
  inspectorUnits,
  inspectorZones,
  units,
  visitInspectors,
  visits,
} from '../../../db/schema/tenant';
import { type Answers, answersSchemaFor, checkAnswers } from '../../../tenants/checklists/answers';
import type { ChecklistBody } from '../../../tenants/checklists/schema';
import type { ModuleKey } from '../../../tenants/config/schema';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { addDays, beijingDate } from '../../dates';
import { AppError, type FieldIssue, validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { issuesOf } from '../../validation';
import { newFindingRows } from '../findings/new-finding';
import { isGuardFailure } from '../zones/guard';
import { assertClaimable, claimStatements, type EvidenceClaim, type Statement } from './evidence';
import { contentHashOf, photoIdsOf, type VisitRecord, visitById, visitDetail } from './records';
import { COMPREHENSIVE_TEAM_MIN, type SubmitVisitInput } from './schemas';

/** A refused photo's error, placed at the answer that cites it (`answers.<item>.photos`) for the phone. */
async function atItem<T>(photoItem: Map<string, string>, check: Promise<T>): Promise<T> {
  try {
    return await check;
  } catch (err) {
    const evidenceId = err instanceof AppError ? err.details?.evidenceId : undefined;
    const key = typeof evidenceId === 'string' ? photoItem.get(evidenceId) : undefined;
    if (!(err instanceof AppError) || !key) throw err;
    throw new AppError(err.code, err.message, {
      ...err.details,
      issues: [{ path: `answers.${key}.photos`, message: err.message }],
    });
  }
}

/** How far back a visit may be recorded (a late entry from paper notes), in days. */
export const MAX_DAYS_BACK = 365;

function invalid(path: string, message: string) {
  return validationError([{ path, message }], message);
}

/**
 * A second POST of a visit that is already stored: the same content by the same user is the same
 * visit (200, duplicate); anything else with that id is refused, and nothing is written.
 */
async function answerRetry(ctx: ServiceContext, module: ModuleKey, existing: VisitRecord, hash: string) {
  if (existing.createdBy === ctx.actor.id && existing.module === module && existing.contentHash === hash) {
    return { duplicate: true, visit: await visitDetail(ctx.db, existing) };
  }
  throw new AppError(
    'CONFLICT',
    '这条督导记录已经提交过，且内容与本次不同。请刷新督导记录列表查看已提交的内容；如需另行记录，请新建一条督导记录。',
    { visitId: existing.id },
  );
}

async function loadVersion(db: TenantDb, module: ModuleKey, input: SubmitVisitInput) {
  const [row] = await db
    .select({
      id: checklistTemplateVersions.id,
      body: checklistTemplateVersions.body,
      name: checklistTemplates.name,
    })
    .from(checklistTemplateVersions)
    .innerJoin(checklistTemplates, eq(checklistTemplates.id, checklistTemplateVersions.templateId))
    .where(
      and(
        eq(checklistTemplates.id, input.templateId),
        eq(checklistTemplates.module, module),
        eq(checklistTemplateVersions.version, input.templateVersion),
      ),
    )
    .limit(1);
  if (!row) {
    throw invalid('templateId', '所用检查表（或其版本）不存在或不属于本模块，请重新选择检查表后再提交。');
  }
  return { ...row, body: row.body as ChecklistBody };
}

/** Units an inspector answers for: those of their zones and their direct assignments. */
async function answersFor(db: TenantDb, userId: string, unitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: inspectors.id })
    .from(inspectors)
    .innerJoin(units, eq(units.id, unitId))
    .where(
      and(
        eq(inspectors.userId, userId),
        eq(inspectors.status, 'active'),
        or(
          sql`EXISTS (SELECT 1 FROM ${inspectorUnits} WHERE ${inspectorUnits.inspectorId} = ${inspectors.id} AND ${inspectorUnits.unitId} = ${unitId})`,
          sql`EXISTS (SELECT 1 FROM ${inspectorZones} WHERE ${inspectorZones.inspectorId} = ${inspectors.id} AND ${inspectorZones.zoneId} = ${units.zoneId})`,
        ),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * Records a finished visit (decision 011): the answers are checked against the template version
 * the phone used, the team, unit and day against the tenant's rules, the photos are claimed, and
 * the checklist's finding drafts become open findings, all with the audit row in one batch. The
 * phone made the id, so a retry of a visit already stored is answered from the stored row.
 */
export async function submitVisit(ctx: ServiceContext, module: ModuleKey, input: SubmitVisitInput) {
  authorize(ctx.actor, 'visits.record');
  const { db, tenant, actor } = ctx;
  const hash = await contentHashOf(module, input);

  const existing = await visitById(db, input.id);
  if (existing) return answerRetry(ctx, module, existing, hash);

  // The checklist first: its issues are what the inspector most likely has to fix.
  const version = await loadVersion(db, module, input);
  const parsed = v.safeParse(answersSchemaFor(version.body), input.answers);
  if (!parsed.success) {
    const issues = issuesOf(parsed.issues).map((i) => ({
      ...i,
      path: i.path ? `answers.${i.path}` : 'answers',
    }));
    throw validationError(issues);
  }
  const answers = parsed.output as Answers;
  const check = checkAnswers(version.body, answers);
  if (check.issues.length > 0) throw validationError(check.issues);

  const today = beijingDate();
  if (input.visitedOn > today) {
    throw invalid('visitedOn', `督导日期不能晚于今天（${today}），请改为实际督导的日期。`);
  }
  const earliest = addDays(today, -MAX_DAYS_BACK);
  if (input.visitedOn < earliest) {
    throw invalid('visitedOn', `督导日期不能早于一年前（${earliest}），请核对日期。`);
  }

  const vocabulary = tenant.config.vocabulary;
  const [unit] = await db
    .select({ id: units.id, name: units.name, status: units.status })
    .from(units)
    .where(eq(units.id, input.unitId))
    .limit(1);
  if (!unit) throw invalid('unitId', `所选${vocabulary.unit}不存在，请重新选择。`);
  if (unit.status !== 'active') {
    throw invalid('unitId', `“${unit.name}”已归档，不能再记录督导，请重新选择${vocabulary.unit}。`);
  }

  const min = input.kind === 'comprehensive' ? COMPREHENSIVE_TEAM_MIN : 1;
  if (input.team.length < min) {
    throw invalid('team', `综合督导的督导组至少要有 ${min} 名${vocabulary.inspector}，请补充督导组成员。`);
  }
  const members = await db
    .select({ id: inspectors.id, name: inspectors.name, status: inspectors.status })
    .from(inspectors)
    .where(inArray(inspectors.id, input.team));
  const byId = new Map(members.map((m) => [m.id, m]));
  const teamIssues: FieldIssue[] = [];
  input.team.forEach((id, i) => {
    const member = byId.get(id);
    if (!member)
      teamIssues.push({ path: `team.${i}`, message: `第 ${i + 1} 位督导组成员不存在，请重新选择。` });
    else if (member.status !== 'active') {
      teamIssues.push({ path: `team.${i}`, message: `${member.name}已归档，不能加入督导组，请重新选择。` });
    }
  });
  if (teamIssues.length > 0) throw validationError(teamIssues);

  if (tenant.config.visits.ownUnitsOnly && actor.role === 'inspector') {
    if (!(await answersFor(db, actor.id, unit.id))) {
      throw new AppError(
        'FORBIDDEN',
        `本单位规定${vocabulary.inspector}只能记录本人${vocabulary.zone}或负责的${vocabulary.unit}的督导，“${unit.name}”不在您的负责范围内；如需记录，请联系管理员调整负责范围。`,
      );
    }
  }

  // Findings first, so the photos of a drafted finding belong to it (its unit's manager then sees them).
  const now = new Date().toISOString();
  const who = { id: actor.id, name: actor.displayName };
  const sectionTitle = new Map(version.body.sections.map((s) => [s.key, s.title]));
  const deadline = addDays(input.visitedOn, tenant.config.visits.defaultDeadlineDays);
  const made = check.findings.map((draft) => ({
    draft,
    ...newFindingRows(
      {
        module,
        unitId: unit.id,
        visitId: input.id,
        itemKey: draft.itemKey,
        category: sectionTitle.get(draft.sectionKey) ?? draft.label,
        severity: draft.hazardLevel ?? 'general',
        description: draft.note ? `${draft.problem}：${draft.note}` : draft.problem,
        deadline,
      },
      who,
      now,
    ),
  }));

  const labelOf = new Map(version.body.sections.flatMap((s) => s.items.map((i) => [i.key, i.label])));
  const photoName = new Map<string, string>();
  const photoItem = new Map<string, string>();
  for (const [key, answer] of Object.entries(answers)) {
    (answer?.photos ?? []).forEach((id, i) => {
      if (photoName.has(id)) return;
      photoName.set(id, `“${labelOf.get(key) ?? key}”的第 ${i + 1} 张照片`);
      photoItem.set(id, key);
    });
  }
  const ownerOf = new Map<string, { type: 'visit' | 'finding'; id: string }>();
  for (const f of made) {
    for (const id of f.draft.photos ?? [])
      if (!ownerOf.has(id)) ownerOf.set(id, { type: 'finding', id: f.row.id });
  }
  const photoIds = photoIdsOf(answers);
  for (const id of photoIds) if (!ownerOf.has(id)) ownerOf.set(id, { type: 'visit', id: input.id });
  const claims: EvidenceClaim[] = [];
  for (const [id, owner] of ownerOf) {
    let claim = claims.find((c) => c.ownerId === owner.id);
    if (!claim) {
      claim = {
        ids: [],
        module,
        uploadedBy: actor.id,
        ownerType: owner.type,
        ownerId: owner.id,
        nameOf: (photo) => photoName.get(photo) ?? '照片',
      };
      claims.push(claim);
    }
    (claim.ids as string[]).push(id);
  }
  // One read for all photos: they all must be the sender's unowned uploads of this module.
  if (photoIds.length > 0) {
    try {
      await atItem(
        photoItem,
        assertClaimable(db, {
          ids: photoIds,
          module,
          uploadedBy: actor.id,
          ownerType: 'visit',
          ownerId: input.id,
          nameOf: (photo) => photoName.get(photo) ?? '照片',
        }),
      );
    } catch (err) {
      // A twin request (the outbox's retry while the first was still running) stored the visit
      // and took the photos since our first look: that is the same visit, not a stolen photo.
      const twin = await visitById(db, input.id);
      if (twin) return answerRetry(ctx, module, twin, hash);
      throw err;
    }
  }

  const score = check.total.max > 0 ? check.total.score : null;
  const maxScore = check.total.max > 0 ? check.total.max : null;
  const statements: Statement[] = [
    // The visit first: a concurrent twin's batch fails here, on the primary key, before any claim.
    db.insert(visits).values({
      id: input.id,
      module,
      kind: input.kind,
      unitId: unit.id,
      templateVersionId: version.id,
      theme: input.theme || null,
      visitedOn: input.visitedOn,
      methods: input.methods,
      answers,
      score,
      maxScore,
      summary: input.summary || null,
      feedback: input.feedback || null,
      feedbackSignedBy: input.feedbackSignedBy || null,
      contentHash: hash,
      createdBy: actor.id,
      createdAt: now,
    }),
    db
      .insert(visitInspectors)
      .values(input.team.map((inspectorId, i) => ({ visitId: input.id, inspectorId, lead: i === 0 }))),
    ...made.flatMap((f) => [db.insert(findings).values(f.row), db.insert(findingEvents).values(f.event)]),
    ...claims.flatMap((claim) => claimStatements(db, claim)),
    tenantAudit(db, actorWho(ctx), {
      action: 'visit.submit',
      entityType: 'visit',
      entityId: input.id,
      details: {
        module,
        kind: input.kind,
        unitId: unit.id,
        unitName: unit.name,
        visitedOn: input.visitedOn,
        template: version.name,
        templateVersion: input.templateVersion,
        team: input.team.map((id) => byId.get(id)?.name ?? id),
        score,
        maxScore,
        findings: made.map((f) => f.row.id),
        photos: photoIds.length,
      },
    }),
  ];

  try {
    await db.batch(statements as [Statement, ...Statement[]]);
  } catch (err) {
    // A twin request (a retry sent while the first was still running) may have written it first.
    const twin = await visitById(db, input.id);
    if (twin) return answerRetry(ctx, module, twin, hash);
    if (isGuardFailure(err)) {
      for (const claim of claims) await atItem(photoItem, assertClaimable(db, claim));
      throw new AppError('CONFLICT', '照片正被另一条记录使用，请刷新后重试。');
    }
    throw err;
  }
  const stored = await visitById(db, input.id);
  if (!stored) throw new AppError('INTERNAL');
  return { duplicate: false, visit: await visitDetail(db, stored) };
}
