import { eq, inArray } from 'drizzle-orm';
import {
  evaluationRoundReviewers,
  evaluationRounds,
  evaluationRoundUnits,
  units,
  users,
} from '../../../../db/schema/tenant';
import { tenantAudit } from '../../../audit';
import { authorize, TENANT_PERMISSIONS } from '../../../auth/permissions';
import type { ServiceContext } from '../../../context';
import { daysBetween } from '../../../dates';
import { type FieldIssue, validationError } from '../../../errors';
import { actorWho } from '../../../service-context';
import { schemeWithVersion } from '../records';
import { type CreateRoundInput, DEADLINE_ORDER, ROUND_LIMITS } from './schemas';

/** Problems with the dates of a round: the deadlines in order, a sensible period, the school year. */
export function roundDateProblems(input: CreateRoundInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (let i = 1; i < DEADLINE_ORDER.length; i++) {
    const [prevKey, prevLabel] = DEADLINE_ORDER[i - 1] as (typeof DEADLINE_ORDER)[number];
    const [key, label] = DEADLINE_ORDER[i] as (typeof DEADLINE_ORDER)[number];
    if (input[key] < input[prevKey]) {
      issues.push({
        path: key,
        message: `${label}（${input[key]}）不能早于${prevLabel}（${input[prevKey]}）`,
      });
    }
  }
  if (input.endsOn < input.startsOn) {
    issues.push({
      path: 'endsOn',
      message: `评估结束日期（${input.endsOn}）不能早于开始日期（${input.startsOn}）`,
    });
  } else if (daysBetween(input.startsOn, input.endsOn) > ROUND_LIMITS.periodDays) {
    issues.push({ path: 'endsOn', message: '评估期不能超过两年，请检查开始和结束日期' });
  }
  const startYear = Number(input.startsOn.slice(0, 4));
  if (input.schoolYear !== startYear && input.schoolYear !== startYear - 1) {
    issues.push({
      path: 'schoolYear',
      message: `评估开始于 ${input.startsOn}，学年应为 ${startYear - 1} 或 ${startYear}（${input.schoolYear} 不符）`,
    });
  }
  return issues;
}

function duplicates(ids: readonly string[]): number[] {
  const seen = new Set<string>();
  const at: number[] = [];
  ids.forEach((id, i) => {
    if (seen.has(id)) at.push(i);
    seen.add(id);
  });
  return at;
}

/** Units a round of this scheme kind may evaluate: townships for 督政, else any non-group unit. */
function unitKindProblem(ctx: ServiceContext, schemeKind: string, kind: string): string | null {
  const kinds = ctx.tenant.config.unitKinds;
  const found = kinds.find((k) => k.key === kind);
  if (schemeKind === 'government') {
    if (found?.stage === 'township') return null;
    const townships = kinds.filter((k) => k.stage === 'township').map((k) => k.label);
    return `督政评估的被评单位应为${townships.join('、') || '乡镇'}`;
  }
  if (found && !found.isGroup) return null;
  return `${found?.label ?? kind}是单位分组，不能作为被评单位，请选择其下的学校`;
}

/** A new round in one batch with its units, its team and the audit row. */
export async function createRound(ctx: ServiceContext, input: CreateRoundInput) {
  authorize(ctx.actor, 'evaluation.manage');
  const { db } = ctx;
  const issues = roundDateProblems(input);

  const scheme = await schemeWithVersion(db, input.schemeId, input.schemeVersion).catch(() => null);
  if (!scheme) {
    const path = input.schemeVersion ? 'schemeVersion' : 'schemeId';
    issues.push({ path, message: '没有找到这个评估方案（或这个版本），请重新选择' });
  } else if (scheme.status !== 'active') {
    issues.push({ path: 'schemeId', message: `评估方案“${scheme.name}”已归档，不能用于新的评估` });
  }

  for (const i of duplicates(input.unitIds)) {
    issues.push({ path: `unitIds.${i}`, message: '同一单位选择了两次，请去掉重复的一项' });
  }
  const unitRows = await db
    .select({ id: units.id, name: units.name, kind: units.kind, status: units.status })
    .from(units)
    .where(inArray(units.id, [...new Set(input.unitIds)]));
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  input.unitIds.forEach((id, i) => {
    const unit = unitById.get(id);
    if (!unit) issues.push({ path: `unitIds.${i}`, message: '没有找到所选单位，请刷新后重新选择' });
    else if (unit.status !== 'active') {
      issues.push({ path: `unitIds.${i}`, message: `“${unit.name}”已停用，不能参加评估` });
    } else if (scheme) {
      const problem = unitKindProblem(ctx, scheme.kind, unit.kind);
      if (problem) issues.push({ path: `unitIds.${i}`, message: `“${unit.name}”：${problem}` });
    }
  });

  const reviewerIds = input.reviewers.map((r) => r.userId);
  for (const i of duplicates(reviewerIds)) {
    issues.push({ path: `reviewers.${i}.userId`, message: '同一人选择了两次，请去掉重复的一项' });
  }
  const leads = input.reviewers.filter((r) => r.lead).length;
  if (leads !== 1) {
    issues.push({
      path: 'reviewers',
      message: leads === 0 ? '请指定 1 名评估组组长' : `评估组只能有 1 名组长（现在 ${leads} 名）`,
    });
  }
  const reviewRoles: readonly string[] = TENANT_PERMISSIONS['evaluation.review'];
  const userRows = await db
    .select({ id: users.id, displayName: users.displayName, role: users.role, status: users.status })
    .from(users)
    .where(inArray(users.id, [...new Set(reviewerIds)]));
  const userById = new Map(userRows.map((u) => [u.id, u]));
  input.reviewers.forEach((r, i) => {
    const user = userById.get(r.userId);
    if (!user)
      issues.push({ path: `reviewers.${i}.userId`, message: '没有找到所选评估组成员，请刷新后重新选择' });
    else if (user.status !== 'active') {
      issues.push({
        path: `reviewers.${i}.userId`,
        message: `${user.displayName}的账号已停用，不能加入评估组`,
      });
    } else if (!reviewRoles.includes(user.role)) {
      issues.push({
        path: `reviewers.${i}.userId`,
        message: `${user.displayName}不是督学或督导室人员，不能加入评估组`,
      });
    }
  });
  if (issues.length > 0 || !scheme) throw validationError(issues);

  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await db.batch([
    db.insert(evaluationRounds).values({
      id,
      name: input.name,
      schemeId: scheme.id,
      schemeVersion: scheme.version,
      schoolYear: input.schoolYear,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      selfDeadline: input.selfDeadline,
      reviewDeadline: input.reviewDeadline,
      replyDeadline: input.replyDeadline,
      createdBy: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
    }),
    db
      .insert(evaluationRoundUnits)
      .values(input.unitIds.map((unitId) => ({ roundId: id, unitId, updatedAt: now }))),
    db
      .insert(evaluationRoundReviewers)
      .values(input.reviewers.map((r) => ({ roundId: id, userId: r.userId, lead: r.lead }))),
    tenantAudit(db, actorWho(ctx), {
      action: 'evaluation_round.create',
      entityType: 'evaluation_round',
      entityId: id,
      details: {
        name: input.name,
        scheme: scheme.name,
        schemeVersion: scheme.version,
        units: input.unitIds.length,
        reviewers: input.reviewers.length,
      },
    }),
  ]);
  const [round] = await db.select().from(evaluationRounds).where(eq(evaluationRounds.id, id)).limit(1);
  return round;
}
