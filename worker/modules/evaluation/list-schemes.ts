import { asc, eq } from 'drizzle-orm';
import { evaluationSchemes, evaluationSchemeVersions } from '../../../db/schema/tenant';
import { leafIndicators, type SchemeBody, schemeTotal } from '../../../tenants/evaluation/scheme';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';

/** The tenant's schemes (active first), each with its latest version's full marks and size. */
export async function listSchemes(ctx: ServiceContext) {
  authorize(ctx.actor, 'evaluation.read');
  const rows = await ctx.db
    .select({
      id: evaluationSchemes.id,
      name: evaluationSchemes.name,
      kind: evaluationSchemes.kind,
      status: evaluationSchemes.status,
      builtinKey: evaluationSchemes.builtinKey,
      latestVersion: evaluationSchemes.latestVersion,
      updatedAt: evaluationSchemes.updatedAt,
      body: evaluationSchemeVersions.body,
    })
    .from(evaluationSchemes)
    .innerJoin(evaluationSchemeVersions, eq(evaluationSchemeVersions.schemeId, evaluationSchemes.id))
    .where(eq(evaluationSchemeVersions.version, evaluationSchemes.latestVersion))
    .orderBy(asc(evaluationSchemes.status), asc(evaluationSchemes.name));
  return {
    items: rows.map(({ body, ...row }) => {
      const scheme = body as SchemeBody;
      return {
        ...row,
        totalPoints: schemeTotal(scheme),
        firstLevel: scheme.indicators.length,
        scoredIndicators: leafIndicators(scheme).length,
      };
    }),
  };
}
