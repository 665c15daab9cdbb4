import { and, eq } from 'drizzle-orm';
import { balanceFigures } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError, type FieldIssue, validationError } from '../../errors';
import { actorWho } from '../../service-context';
import { stagesOf } from './coefficients';
import { BALANCE_INDICATORS, BASIC_ONLY_RESOURCES } from './indicators';
import type { FiguresInput } from './schemas';
import { schoolUnits, schoolYearLabel, storedFiguresOf } from './scope';

const STAGE_LABEL = { primary: '小学生数', junior: '初中生数', senior: '高中生数' } as const;

/** Enters or corrects one school's figures for one school year (a blank figure stays missing). */
export async function saveFigures(ctx: ServiceContext, year: number, unitId: string, input: FiguresInput) {
  authorize(ctx.actor, 'balance.edit');
  const unit = (await schoolUnits(ctx)).find((u) => u.id === unitId);
  if (!unit) throw new AppError('NOT_FOUND', '未找到该学校：只有义务教育学校（含教学点）参与均衡监测。');
  const kind = input.schoolKind ?? unit.defaultKind;
  const stages = stagesOf(kind);
  const issues: FieldIssue[] = [];
  let enrolmentByStage: Record<string, number> | null = null;
  if (stages.length > 1) {
    enrolmentByStage = {};
    let sum = 0;
    for (const stage of stages) {
      const n = input.enrolmentByStage?.[stage];
      if (n === undefined || n === null) {
        issues.push({
          path: `enrolmentByStage.${stage}`,
          message: `${kind}须分别填写${stages.map((s) => STAGE_LABEL[s]).join('、')}，缺少${STAGE_LABEL[stage]}`,
        });
      } else {
        enrolmentByStage[stage] = n;
        sum += n;
      }
    }
    if (issues.length === 0 && sum !== input.enrolment) {
      issues.push({
        path: 'enrolment',
        message: `各学段学生数之和（${sum}）与在校生数（${input.enrolment}）不一致，请核对`,
      });
    }
  }
  if (issues.length > 0) throw validationError(issues);
  const resources: Record<string, number> = {};
  for (const i of [...BALANCE_INDICATORS, ...BASIC_ONLY_RESOURCES]) {
    const value = input.resources[i.key];
    if (value !== undefined && value !== null) resources[i.key] = value;
  }
  const before = await storedFiguresOf(ctx, year, unitId);
  const now = new Date().toISOString();
  const values = {
    schoolYear: year,
    unitId,
    schoolKind: kind,
    enrolment: input.enrolment,
    enrolmentByStage,
    resources,
    updatedBy: ctx.actor.id,
    updatedAt: now,
  };
  await ctx.db.batch([
    ctx.db
      .insert(balanceFigures)
      .values(values)
      .onConflictDoUpdate({
        target: [balanceFigures.schoolYear, balanceFigures.unitId],
        set: {
          schoolKind: kind,
          enrolment: input.enrolment,
          enrolmentByStage,
          resources,
          updatedBy: ctx.actor.id,
          updatedAt: now,
        },
      }),
    tenantAudit(ctx.db, actorWho(ctx), {
      action: before ? 'balance.figures_update' : 'balance.figures_create',
      entityType: 'balance_figures',
      entityId: unitId,
      details: {
        year: schoolYearLabel(year),
        school: unit.name,
        before,
        after: { kind, enrolment: input.enrolment, enrolmentByStage, resources },
      },
    }),
  ]);
  const [row] = await ctx.db
    .select()
    .from(balanceFigures)
    .where(and(eq(balanceFigures.schoolYear, year), eq(balanceFigures.unitId, unitId)));
  return { figures: row };
}
