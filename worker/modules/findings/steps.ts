import { and, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { evidenceFiles, users } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { addDays, beijingDate } from '../../dates';
import { AppError, validationError } from '../../errors';
import { activeUserIds, notifyStatements } from '../notifications/notify';
import { MAX_DEADLINE_DAYS } from './create-finding';
import { type FindingRecord, findVisibleFinding } from './records';
import type { CloseInput, RejectInput, ReportInput } from './schemas';
import { RACE_MESSAGE, takeStep, wrongStatus } from './step';

/** What a step on a finding in each status should have been instead. */
const STATUS_NOW: Record<FindingRecord['status'], string> = {
  open: '该问题尚未下发整改通知',
  issued: '该问题正在整改中，单位尚未提交整改报告',
  reported: '单位已提交整改报告，正等待复查',
  closed: '该问题已复查销号',
};

/** The link of a finding in a notification: the unit's page or the office's. */
const unitLink = (f: FindingRecord) => `my-findings/${f.module}/${f.id}`;
const officeLink = (f: FindingRecord) => `${f.module}/findings/${f.id}`;

/** 督整〔2026〕第 — the notice numbers of a year share this beginning. */
export function noticePrefix(year: string): string {
  return `督整〔${year}〕第`;
}

/**
 * The next notice number of the year, computed inside the update: the batch is one write
 * transaction and the database runs writes one at a time, so two notices issued at once never get
 * the same number.
 */
function nextNoticeNo(year: string) {
  const prefix = noticePrefix(year);
  return sql`${prefix} || (
    SELECT coalesce(max(CAST(substr(f2.notice_no, ${prefix.length + 1}) AS INTEGER)), 0) + 1
    FROM findings f2 WHERE f2.notice_no LIKE ${`${prefix}%`}
  ) || '号'`;
}

/** 下发整改通知: open → issued, numbered; the unit's managers are told. */
export async function issueFinding(ctx: ServiceContext, module: ModuleKey, id: string) {
  authorize(ctx.actor, 'findings.manage');
  const before = await findVisibleFinding(ctx, module, id);
  if (before.status !== 'open') {
    throw wrongStatus(`${STATUS_NOW[before.status]}，整改通知已下发过，不能重复下发；请刷新页面查看。`);
  }
  const managers = await activeUserIds(ctx.db, 'unit_manager', before.unitId);
  const at = new Date().toISOString();
  const year = beijingDate().slice(0, 4);
  return takeStep(ctx, module, before, {
    from: 'open',
    set: { status: 'issued', noticeNo: nextNoticeNo(year), issuedAt: at },
    event: { action: 'issue' },
    audit: { action: 'finding.issue', details: { unitId: before.unitId } },
    after: notifyStatements(ctx.db, {
      userIds: managers,
      kind: 'finding_issued',
      entityType: 'finding',
      entityId: before.id,
      title: `整改通知：${before.category}`,
      body: `请于 ${before.deadline} 前完成整改并提交整改报告。${before.description.slice(0, 60)}`,
      link: unitLink(before),
    }),
  });
}

/** The evidence rows a report may cite: this module's, uploaded by this user, not yet used (or already this finding's). */
async function checkReportPhotos(ctx: ServiceContext, module: ModuleKey, findingId: string, ids: string[]) {
  if (ids.length === 0) return;
  const rows = await ctx.db
    .select({ id: evidenceFiles.id, ownerId: evidenceFiles.ownerId, ownerType: evidenceFiles.ownerType })
    .from(evidenceFiles)
    .where(
      and(
        inArray(evidenceFiles.id, ids),
        eq(evidenceFiles.module, module),
        eq(evidenceFiles.uploadedBy, ctx.actor.id),
      ),
    );
  const byId = new Map(rows.map((r) => [r.id, r]));
  const issues = ids.flatMap((photo, i) => {
    const row = byId.get(photo);
    if (!row) return [{ path: `evidence.${i}`, message: `第 ${i + 1} 张照片没有上传成功，请重新提交` }];
    if (row.ownerId !== null && !(row.ownerType === 'rectification' && row.ownerId === findingId)) {
      return [{ path: `evidence.${i}`, message: `第 ${i + 1} 张照片已用于其他记录，请重新选择照片` }];
    }
    return [];
  });
  if (issues.length) throw validationError(issues, '有照片不能使用，请按提示重新选择后提交。');
}

/** 提交整改报告: issued → reported, by a manager of the finding's own unit, with the photos they uploaded. */
export async function reportFinding(ctx: ServiceContext, module: ModuleKey, id: string, input: ReportInput) {
  authorize(ctx.actor, 'findings.report');
  // A unit manager only finds their own unit's issued findings: any other is a 404.
  const before = await findVisibleFinding(ctx, module, id);
  if (before.status !== 'issued') {
    throw wrongStatus(
      before.status === 'reported'
        ? '整改报告已提交，正等待督导室复查，不能重复提交；如需补充请等复查结果。'
        : `${STATUS_NOW[before.status]}，不能提交整改报告。`,
    );
  }
  const photos = input.evidence;
  await checkReportPhotos(ctx, module, before.id, photos);
  const { db } = ctx;
  const creator = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, before.createdBy), eq(users.status, 'active')))
    .limit(1);
  const at = new Date().toISOString();
  // The update applies only when every photo now belongs to this finding's rectification.
  const claimed = photos.length
    ? sql`(SELECT count(*) FROM evidence_files e WHERE e.id IN (${sql.join(
        photos.map((p) => sql`${p}`),
        sql`, `,
      )}) AND e.owner_type = 'rectification' AND e.owner_id = ${before.id}) = ${photos.length}`
    : undefined;
  return takeStep(
    ctx,
    module,
    before,
    {
      from: 'issued',
      set: { status: 'reported', reportedAt: at },
      alsoWhere: claimed,
      before: photos.length
        ? [
            db
              .update(evidenceFiles)
              .set({ ownerType: 'rectification', ownerId: before.id })
              .where(
                and(
                  inArray(evidenceFiles.id, photos),
                  eq(evidenceFiles.module, module),
                  eq(evidenceFiles.uploadedBy, ctx.actor.id),
                  or(
                    isNull(evidenceFiles.ownerId),
                    and(eq(evidenceFiles.ownerType, 'rectification'), eq(evidenceFiles.ownerId, before.id)),
                  ),
                ),
              ),
          ]
        : [],
      event: { action: 'report', note: input.note, evidence: photos },
      audit: { action: 'finding.report', details: { photos: photos.length } },
      after: notifyStatements(
        db,
        {
          userIds: creator.map((c) => c.id),
          kind: 'finding_reported',
          entityType: 'finding',
          entityId: before.id,
          title: `整改报告待复查：${before.category}`,
          body: `${before.noticeNo ?? ''} ${input.note.slice(0, 60)}`.trim(),
          link: officeLink(before),
        },
        { again: true },
      ),
    },
    async () => {
      const now = await findVisibleFinding(ctx, module, id).catch(() => null);
      if (now?.status === 'issued') {
        throw new AppError('CONFLICT', '有照片刚被用于其他记录，请重新选择照片后提交。');
      }
      throw new AppError('CONFLICT', RACE_MESSAGE);
    },
  );
}

/** 复查销号: reported → closed, with the re-check's note. */
export async function closeFinding(ctx: ServiceContext, module: ModuleKey, id: string, input: CloseInput) {
  authorize(ctx.actor, 'findings.manage');
  const before = await findVisibleFinding(ctx, module, id);
  if (before.status !== 'reported') {
    throw wrongStatus(
      before.status === 'closed'
        ? '该问题已复查销号，不能重复销号。'
        : `${STATUS_NOW[before.status]}；只有单位提交整改报告后才能复查销号。`,
    );
  }
  const managers = await activeUserIds(ctx.db, 'unit_manager', before.unitId);
  return takeStep(ctx, module, before, {
    from: 'reported',
    set: { status: 'closed', closedAt: new Date().toISOString() },
    event: { action: 'close', note: input.note },
    audit: { action: 'finding.close', details: {} },
    after: notifyStatements(ctx.db, {
      userIds: managers,
      kind: 'finding_closed',
      entityType: 'finding',
      entityId: before.id,
      title: `已复查销号：${before.category}`,
      body: input.note.slice(0, 80),
      link: unitLink(before),
    }),
  });
}

/** 退回整改: reported → issued with a reason, and optionally a new deadline. */
export async function rejectFinding(ctx: ServiceContext, module: ModuleKey, id: string, input: RejectInput) {
  authorize(ctx.actor, 'findings.manage');
  const before = await findVisibleFinding(ctx, module, id);
  if (before.status !== 'reported') {
    throw wrongStatus(`${STATUS_NOW[before.status]}；只有待复查的整改报告才能退回。`);
  }
  const deadline = input.deadline ?? null;
  if (deadline) {
    const today = beijingDate();
    if (deadline < today) {
      throw validationError([
        { path: 'deadline', message: `新的整改期限不能早于今天（${today}），请重新选择` },
      ]);
    }
    if (deadline > addDays(today, MAX_DEADLINE_DAYS)) {
      throw validationError([{ path: 'deadline', message: '新的整改期限不能超过一年，请重新选择' }]);
    }
  }
  const managers = await activeUserIds(ctx.db, 'unit_manager', before.unitId);
  return takeStep(ctx, module, before, {
    from: 'reported',
    // A new deadline starts the overdue count afresh.
    set: {
      status: 'issued',
      reportedAt: null,
      ...(deadline ? { deadline, overdueAt: null, escalation: 0 } : {}),
    },
    event: {
      action: 'reject',
      note: deadline ? `${input.reason}\n（新的整改期限：${deadline}）` : input.reason,
    },
    audit: { action: 'finding.reject', details: { deadline } },
    after: notifyStatements(
      ctx.db,
      {
        userIds: managers,
        kind: 'finding_rejected',
        entityType: 'finding',
        entityId: before.id,
        title: `整改报告被退回：${before.category}`,
        body: input.reason.slice(0, 80),
        link: unitLink(before),
      },
      { again: true },
    ),
  });
}
