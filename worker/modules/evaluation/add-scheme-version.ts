import { and, eq, sql } from 'drizzle-orm';
import { evaluationSchemes, evaluationSchemeVersions } from '../../../db/schema/tenant';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { failWhen, isGuardFailure } from '../zones/guard';
import { SCHEME_NOT_FOUND, schemeWithVersion } from './records';
import type { NewVersionInput } from './schemas';

/**
 * An edit of a scheme is a new version on top; rounds keep the version they opened with. Two
 * editors saving at once: the second finds the version number taken and is told to reload.
 */
export async function addSchemeVersion(ctx: ServiceContext, id: string, input: NewVersionInput) {
  authorize(ctx.actor, 'evaluation.manage');
  const { db } = ctx;
  const [scheme] = await db.select().from(evaluationSchemes).where(eq(evaluationSchemes.id, id)).limit(1);
  if (!scheme) throw new AppError('NOT_FOUND', SCHEME_NOT_FOUND);
  const version = scheme.latestVersion + 1;
  const now = new Date().toISOString();
  try {
    await db.batch([
      db
        .update(evaluationSchemes)
        .set({ latestVersion: version, updatedAt: now })
        .where(and(eq(evaluationSchemes.id, id), eq(evaluationSchemes.latestVersion, scheme.latestVersion))),
      failWhen(db, sql`(SELECT latest_version FROM evaluation_schemes WHERE id = ${id}) <> ${version}`),
      db.insert(evaluationSchemeVersions).values({
        id: crypto.randomUUID(),
        schemeId: id,
        version,
        body: input.body,
        note: input.note ?? null,
        createdAt: now,
        createdBy: ctx.actor.id,
      }),
      tenantAudit(db, actorWho(ctx), {
        action: 'evaluation_scheme.version',
        entityType: 'evaluation_scheme',
        entityId: id,
        details: { version, note: input.note ?? null },
      }),
    ]);
  } catch (err) {
    if (isGuardFailure(err)) {
      throw new AppError('CONFLICT', '别人刚刚保存了这个方案的新版本：请刷新后在最新版本上修改。');
    }
    throw err;
  }
  return schemeWithVersion(db, id);
}
