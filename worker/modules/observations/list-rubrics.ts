import { asc, eq } from 'drizzle-orm';
import { observationRubrics, observationRubricVersions } from '../../../db/schema/tenant';
import { maxTotal, type RubricBody } from '../../../tenants/observations/rubric';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { defaultRubricId } from './default-rubric';

/**
 * The tenant's rubrics (active first), each with its latest version's id and full marks for the
 * picker, and which one a new observation starts with (`defaultId`).
 */
export async function listRubrics(ctx: ServiceContext) {
  authorize(ctx.actor, 'observations.read');
  const { db } = ctx;
  const rows = await db
    .select({
      id: observationRubrics.id,
      name: observationRubrics.name,
      status: observationRubrics.status,
      builtinKey: observationRubrics.builtinKey,
      latestVersion: observationRubrics.latestVersion,
      versionId: observationRubricVersions.id,
      body: observationRubricVersions.body,
      updatedAt: observationRubrics.updatedAt,
    })
    .from(observationRubrics)
    .innerJoin(observationRubricVersions, eq(observationRubricVersions.rubricId, observationRubrics.id))
    .where(eq(observationRubricVersions.version, observationRubrics.latestVersion))
    .orderBy(asc(observationRubrics.status), asc(observationRubrics.name));
  return {
    items: rows.map(({ body, ...row }) => ({ ...row, maxTotal: maxTotal(body as RubricBody) })),
    defaultId: defaultRubricId(ctx.tenant.config, rows),
  };
}
