import { and, eq, sql } from 'drizzle-orm';
import { units } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { validationError } from '../../errors';
import { ID_PATTERN } from '../../validation';
import { findVisibleSuggestion, takeStep, wrongState } from './records';
import type { ForwardInput } from './schemas';

const FROM = ['submitted', 'forwarded'] as const;

/** The office classifies a suggestion and forwards it to a unit to answer (again, to another unit). */
export async function forwardSuggestion(ctx: ServiceContext, id: string, input: ForwardInput) {
  authorize(ctx.actor, 'suggestions.triage');
  const before = await findVisibleSuggestion(ctx, id);
  const word = ctx.tenant.config.vocabulary.unit;
  const [unit] = ID_PATTERN.test(input.unitId)
    ? await ctx.db
        .select({ id: units.id, name: units.name })
        .from(units)
        .where(and(eq(units.id, input.unitId), eq(units.status, 'active')))
        .limit(1)
    : [];
  if (!unit) {
    throw validationError([{ path: 'unitId', message: `所选${word}不存在或已归档，请重新选择` }]);
  }
  if (!(FROM as readonly string[]).includes(before.status)) throw wrongState(before, '转交');
  return takeStep(ctx, before, {
    from: FROM,
    // The unit must still be active when the change is written.
    where: sql`EXISTS (SELECT 1 FROM ${units} WHERE ${units.id} = ${unit.id} AND ${units.status} = 'active')`,
    set: {
      status: 'forwarded',
      unitId: unit.id,
      category: input.category,
      officeNote: input.officeNote || null,
    },
    audit: {
      action: 'suggestion.forward',
      details: {
        fromStatus: before.status,
        fromUnitId: before.unitId,
        unitId: unit.id,
        unitName: unit.name,
        category: input.category,
      },
    },
    doing: '转交',
  });
}
