import { and, eq } from 'drizzle-orm';
import { observationRubrics, observationRubricVersions } from '../../../db/schema/tenant';
import { maxTotal, type RubricBody } from '../../../tenants/observations/rubric';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { RUBRIC_NOT_FOUND } from './records';

/**
 * A rubric with one version's body: the latest, or `version` (an old record was scored with an
 * older one, and its page shows that one).
 */
export async function getRubric(ctx: ServiceContext, id: string, version?: number) {
  authorize(ctx.actor, 'observations.read');
  const { db } = ctx;
  const [rubric] = await db.select().from(observationRubrics).where(eq(observationRubrics.id, id)).limit(1);
  if (!rubric) throw new AppError('NOT_FOUND', RUBRIC_NOT_FOUND);
  const [row] = await db
    .select()
    .from(observationRubricVersions)
    .where(
      and(
        eq(observationRubricVersions.rubricId, id),
        eq(observationRubricVersions.version, version ?? rubric.latestVersion),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', RUBRIC_NOT_FOUND);
  const body = row.body as RubricBody;
  return {
    id: rubric.id,
    name: rubric.name,
    status: rubric.status,
    builtinKey: rubric.builtinKey,
    latestVersion: rubric.latestVersion,
    version: row.version,
    versionId: row.id,
    createdAt: row.createdAt,
    maxTotal: maxTotal(body),
    body,
  };
}
