import { and, eq, sql } from 'drizzle-orm';
import { observationRubrics, observationRubricVersions } from '../../../db/schema/tenant';
import { maxTotal } from '../../../tenants/observations/rubric';
import { tenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { canonicalJson } from '../checklists/records';
import { failWhen, isGuardFailure } from '../zones/guard';
import { getRubric } from './get-rubric';
import { findRubric, findRubricVersion } from './rubric-records';
import type { NewRubricVersionInput } from './rubric-schemas';

export const SHIPPED_READ_ONLY =
  '系统内置的评课标准不能直接修改（它会随系统更新）：请先“复制”一份，再修改副本。';
const ARCHIVED = '该评课标准已停用，请先恢复后再修改。';
const EDITED_MEANWHILE = '别人刚刚保存了这个评课标准的新版本：请刷新后在最新版本上修改。';

/**
 * An edit of an office rubric is a new version holding the whole body; observations keep the version
 * they were scored with. The edit must start from the latest version (`baseVersion`): of two editors
 * saving on the same version, the second gets 409. A save that changes nothing adds nothing.
 */
export async function addRubricVersion(ctx: ServiceContext, id: string, input: NewRubricVersionInput) {
  authorize(ctx.actor, 'observations.rubrics_manage');
  const { db } = ctx;
  const before = await findRubric(db, id);
  if (before.builtinKey !== null) throw new AppError('CONFLICT', SHIPPED_READ_ONLY);
  if (before.status !== 'active') throw new AppError('CONFLICT', ARCHIVED);
  if (input.baseVersion !== before.latestVersion) {
    throw new AppError('CONFLICT', EDITED_MEANWHILE, { latestVersion: before.latestVersion });
  }
  const latest = await findRubricVersion(db, id, before.latestVersion);
  const name = input.name ?? before.name;
  const bodyChanged = canonicalJson(input.body) !== canonicalJson(latest.body);
  if (!bodyChanged && name === before.name) return { rubric: await getRubric(ctx, id), unchanged: true };

  const version = before.latestVersion + 1;
  const now = new Date().toISOString();
  try {
    await db.batch([
      db
        .update(observationRubrics)
        .set({ latestVersion: version, name, updatedAt: now })
        .where(
          and(
            eq(observationRubrics.id, id),
            eq(observationRubrics.latestVersion, before.latestVersion),
            eq(observationRubrics.status, 'active'),
          ),
        ),
      // Another save or an archive in between: the update above changed nothing, so stop here.
      failWhen(
        db,
        sql`(SELECT latest_version FROM observation_rubrics WHERE id = ${id} AND status = 'active') IS NOT ${version}`,
      ),
      db.insert(observationRubricVersions).values({
        id: crypto.randomUUID(),
        rubricId: id,
        version,
        body: input.body,
        createdAt: now,
        createdBy: ctx.actor.id,
      }),
      tenantAudit(db, actorWho(ctx), {
        action: 'observation_rubric.version',
        entityType: 'observation_rubric',
        entityId: id,
        details: {
          name,
          from: before.latestVersion,
          to: version,
          bodyChanged,
          maxTotal: maxTotal(input.body),
          ...(name !== before.name ? { renamed: { from: before.name, to: name } } : {}),
        },
      }),
    ]);
  } catch (err) {
    if (!isGuardFailure(err)) throw err;
    const current = await findRubric(db, id);
    if (current.status !== 'active') throw new AppError('CONFLICT', ARCHIVED);
    throw new AppError('CONFLICT', EDITED_MEANWHILE, { latestVersion: current.latestVersion });
  }
  return { rubric: await getRubric(ctx, id), unchanged: false };
}
