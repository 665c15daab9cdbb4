import { and, asc, eq, inArray } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { checklistTemplates, planItems, plans, units, zones } from '../../../db/schema/tenant';
import type { ModuleKey, TenantConfig } from '../../../tenants/config/schema';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate } from '../../dates';
import { AppError, type FieldIssue, validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { expandPlan, MAX_PLAN_ITEMS, planItemCount } from './expand';
import { describePlan } from './plan-view';
import type { CreatePlanInput } from './schemas';

/** Rows per INSERT of plan items: 5 values each, well under SQLite's limit on bound values. */
const ITEMS_PER_INSERT = 200;

interface Target {
  unitIds: string[];
  issues: FieldIssue[];
}

/** The units a plan of this kind covers, or what is wrong with the choice, in the tenant's words. */
async function targetUnits(db: TenantDb, config: TenantConfig, input: CreatePlanInput): Promise<Target> {
  const { unit, zone } = config.vocabulary;
  const issues: FieldIssue[] = [];
  const hasUnits = (input.unitIds?.length ?? 0) > 0;
  if (input.kind !== 'zone_monthly' && input.zoneId) {
    issues.push({ path: 'zoneId', message: `只有${zone}按月督导计划才选择${zone}，请去掉所选${zone}` });
  }
  if (input.kind !== 'campaign' && hasUnits) {
    issues.push({ path: 'unitIds', message: `只有专项督导计划才逐个选择${unit}，请去掉所选${unit}` });
  }

  if (input.kind === 'zone_monthly') {
    if (!input.zoneId) {
      issues.push({ path: 'zoneId', message: `${zone}按月督导计划须选择${zone}` });
      return { unitIds: [], issues };
    }
    const [found] = await db.select({ id: zones.id }).from(zones).where(eq(zones.id, input.zoneId)).limit(1);
    if (!found) {
      issues.push({ path: 'zoneId', message: `未找到所选${zone}，可能已被删除，请重新选择` });
      return { unitIds: [], issues };
    }
    const rows = await db
      .select({ id: units.id })
      .from(units)
      .where(and(eq(units.zoneId, input.zoneId), eq(units.status, 'active')))
      .orderBy(asc(units.name), asc(units.id));
    if (rows.length === 0) {
      issues.push({
        path: 'zoneId',
        message: `所选${zone}没有在用的${unit}，计划不会安排任何督导，请先在${zone}中加入${unit}`,
      });
    }
    return { unitIds: rows.map((r) => r.id), issues };
  }

  if (input.kind === 'semester_all') {
    const rows = await db
      .select({ id: units.id })
      .from(units)
      .where(eq(units.status, 'active'))
      .orderBy(asc(units.name), asc(units.id));
    if (rows.length === 0) {
      issues.push({
        path: 'kind',
        message: `本单位还没有在用的${unit}，计划不会安排任何督导，请先添加${unit}`,
      });
    }
    return { unitIds: rows.map((r) => r.id), issues };
  }

  // campaign: the chosen units, every one of them active.
  const chosen = input.unitIds ?? [];
  if (chosen.length === 0) {
    issues.push({ path: 'unitIds', message: `专项督导计划须至少选择一个${unit}` });
    return { unitIds: [], issues };
  }
  const rows = await db
    .select({ id: units.id, name: units.name, status: units.status })
    .from(units)
    .where(inArray(units.id, chosen));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const missing = chosen.filter((id) => !byId.has(id));
  const archived = rows.filter((r) => r.status !== 'active').map((r) => r.name);
  if (missing.length > 0) {
    issues.push({
      path: 'unitIds',
      message: `有 ${missing.length} 个所选${unit}不存在，可能已被删除，请重新选择`,
    });
  }
  if (archived.length > 0) {
    issues.push({
      path: 'unitIds',
      message: `以下${unit}已归档，不能列入计划：${archived.slice(0, 10).join('、')}${archived.length > 10 ? ` 等 ${archived.length} 个` : ''}`,
    });
  }
  return { unitIds: chosen, issues };
}

/**
 * A plan of this module and, in the same batch, the visits it expects (its items): a zone's units
 * every month, all units once, or the chosen units once. Nothing is written when anything is wrong,
 * including a plan that would expect no visit or more than MAX_PLAN_ITEMS.
 */
export async function createPlan(ctx: ServiceContext, module: ModuleKey, input: CreatePlanInput) {
  authorize(ctx.actor, 'plans.manage');
  const { db } = ctx;
  const config = ctx.tenant.config;
  const issues: FieldIssue[] = [];

  if (input.templateId) {
    const [template] = await db
      .select({ id: checklistTemplates.id })
      .from(checklistTemplates)
      .where(
        and(
          eq(checklistTemplates.id, input.templateId),
          eq(checklistTemplates.module, module),
          eq(checklistTemplates.status, 'active'),
        ),
      )
      .limit(1);
    if (!template) {
      issues.push({
        path: 'templateId',
        message: '所选检查表不存在、已停用或不属于本模块，请重新选择',
      });
    }
  }

  const target = await targetUnits(db, config, input);
  issues.push(...target.issues);
  if (issues.length === 0) {
    const count = planItemCount(input.kind, input, target.unitIds.length);
    if (count > MAX_PLAN_ITEMS) {
      issues.push({
        path: 'endsOn',
        message: `该计划将安排 ${count} 次督导，超过每个计划 ${MAX_PLAN_ITEMS} 次的上限，请缩短时间段或分成多个计划`,
      });
    }
  }
  if (issues.length > 0) throw validationError(issues);

  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const items = expandPlan(input.kind, input, target.unitIds).map((item) => ({
    id: crypto.randomUUID(),
    planId: id,
    ...item,
  }));
  const inserts = [];
  for (let i = 0; i < items.length; i += ITEMS_PER_INSERT) {
    inserts.push(db.insert(planItems).values(items.slice(i, i + ITEMS_PER_INSERT)));
  }
  await db.batch([
    db.insert(plans).values({
      id,
      module,
      kind: input.kind,
      name: input.name,
      visitKind: input.visitKind,
      templateId: input.templateId ?? null,
      zoneId: input.kind === 'zone_monthly' ? (input.zoneId ?? null) : null,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      theme: input.theme ? input.theme : null,
      note: input.note ? input.note : null,
      status: 'active',
      createdBy: ctx.actor.id,
      createdAt: now,
      updatedAt: now,
    }),
    ...inserts,
    tenantAudit(db, actorWho(ctx), {
      action: 'plan.create',
      entityType: 'plan',
      entityId: id,
      details: {
        module,
        kind: input.kind,
        name: input.name,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        unitCount: target.unitIds.length,
        itemCount: items.length,
        ...(input.zoneId ? { zoneId: input.zoneId } : {}),
        ...(input.templateId ? { templateId: input.templateId } : {}),
      },
    }),
  ]);
  const plan = await describePlan(db, id, beijingDate());
  if (!plan) throw new AppError('INTERNAL');
  return plan;
}
