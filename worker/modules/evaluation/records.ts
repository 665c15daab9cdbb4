import { and, eq } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { evaluationSchemes, evaluationSchemeVersions } from '../../../db/schema/tenant';
import { leafIndicators, type SchemeBody, schemeTotal } from '../../../tenants/evaluation/scheme';
import { AppError } from '../../errors';

export const SCHEME_NOT_FOUND = '没有找到这个评估方案（或这个版本），请回到评估方案列表重新选择。';

/** A scheme with one version: the latest, or `version` (a round opened with an older one). */
export async function schemeWithVersion(db: TenantDb, id: string, version?: number) {
  const [scheme] = await db.select().from(evaluationSchemes).where(eq(evaluationSchemes.id, id)).limit(1);
  if (!scheme) throw new AppError('NOT_FOUND', SCHEME_NOT_FOUND);
  const [row] = await db
    .select()
    .from(evaluationSchemeVersions)
    .where(
      and(
        eq(evaluationSchemeVersions.schemeId, id),
        eq(evaluationSchemeVersions.version, version ?? scheme.latestVersion),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', SCHEME_NOT_FOUND);
  const body = row.body as SchemeBody;
  return {
    id: scheme.id,
    name: scheme.name,
    kind: scheme.kind,
    status: scheme.status,
    builtinKey: scheme.builtinKey,
    latestVersion: scheme.latestVersion,
    version: row.version,
    versionId: row.id,
    note: row.note,
    createdAt: row.createdAt,
    totalPoints: schemeTotal(body),
    scoredIndicators: leafIndicators(body).length,
    body,
  };
}
