import { asc, eq } from 'drizzle-orm';
import { checklistTemplates, checklistTemplateVersions, users } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { findTemplate, findVersion, itemCountOf, type TemplateRow, templateFields } from './records';

/** The template as the editor opens it: its latest body and every version, oldest first. */
export async function describeTemplate(ctx: ServiceContext, row: TemplateRow) {
  const { db } = ctx;
  const [latest, versions, copiedFrom] = await Promise.all([
    findVersion(db, row.id, row.latestVersion),
    db
      .select({
        version: checklistTemplateVersions.version,
        createdAt: checklistTemplateVersions.createdAt,
        createdById: checklistTemplateVersions.createdBy,
        createdByName: users.displayName,
        note: checklistTemplateVersions.note,
        builtinRevision: checklistTemplateVersions.builtinRevision,
      })
      .from(checklistTemplateVersions)
      .leftJoin(users, eq(users.id, checklistTemplateVersions.createdBy))
      .where(eq(checklistTemplateVersions.templateId, row.id))
      .orderBy(asc(checklistTemplateVersions.version)),
    row.copiedFromId
      ? db
          .select({ id: checklistTemplates.id, name: checklistTemplates.name })
          .from(checklistTemplates)
          .where(eq(checklistTemplates.id, row.copiedFromId))
          .limit(1)
      : Promise.resolve([]),
  ]);
  return {
    ...templateFields(row),
    copiedFrom: copiedFrom[0] ?? null,
    itemCount: itemCountOf(latest.body),
    body: latest.body,
    versions: versions.map(({ builtinRevision, ...v }) => ({
      ...v,
      /** Shipped wording (系统内置), not an office's edit. */
      builtin: builtinRevision !== null,
    })),
  };
}

export async function getTemplate(ctx: ServiceContext, module: ModuleKey, id: string) {
  authorize(ctx.actor, 'checklists.read');
  return describeTemplate(ctx, await findTemplate(ctx.db, module, id));
}

/** One version exactly as it was saved: a visit loads the version it used, whatever came after. */
export async function getTemplateVersion(
  ctx: ServiceContext,
  module: ModuleKey,
  id: string,
  version: number,
) {
  authorize(ctx.actor, 'checklists.read');
  const row = await findTemplate(ctx.db, module, id);
  const found = await findVersion(ctx.db, id, version);
  const [author] = found.createdBy
    ? await ctx.db
        .select({ name: users.displayName })
        .from(users)
        .where(eq(users.id, found.createdBy))
        .limit(1)
    : [];
  return {
    template: { ...templateFields(row) },
    version: {
      version: found.version,
      createdAt: found.createdAt,
      createdById: found.createdBy,
      createdByName: author?.name ?? null,
      note: found.note,
      builtin: found.builtinRevision !== null,
      latest: found.version === row.latestVersion,
      itemCount: itemCountOf(found.body),
      body: found.body,
    },
  };
}
