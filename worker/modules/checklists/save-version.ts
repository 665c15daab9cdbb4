import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import { checklistTemplates, checklistTemplateVersions } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';
import { guardedTenantAudit } from '../../audit';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { AppError } from '../../errors';
import { actorWho } from '../../service-context';
import { describeTemplate } from './get-template';
import { canonicalJson, findTemplate, findVersion, itemCountOf, type TemplateRow } from './records';
import type { NewVersionInput } from './schemas';

export const EDITED_MEANWHILE = '该检查表已被其他人修改，请刷新后在最新版本上修改。';

function archivedConflict() {
  return new AppError('CONFLICT', '该检查表已停用，请先恢复后再修改。');
}

function editedMeanwhile(latestVersion: number) {
  return new AppError('CONFLICT', EDITED_MEANWHILE, { latestVersion });
}

/**
 * Editing a template adds a version; the versions before it never change, so a visit that used one
 * still reads what it used. Shipped templates are edited the same way (the office's version becomes
 * the latest). The edit must start from the latest version (`baseVersion`): of two people saving
 * on the same version, one gets 409. A save that changes nothing adds nothing.
 */
export async function saveTemplateVersion(
  ctx: ServiceContext,
  module: ModuleKey,
  id: string,
  input: NewVersionInput,
) {
  authorize(ctx.actor, 'checklists.manage');
  const { db } = ctx;
  const before = await findTemplate(db, module, id);
  if (before.status !== 'active') throw archivedConflict();
  if (input.baseVersion !== before.latestVersion) throw editedMeanwhile(before.latestVersion);
  const latest = await findVersion(db, id, before.latestVersion);

  const name = input.name ?? before.name;
  const description =
    input.description === undefined ? before.description : input.description ? input.description : null;
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  if (name !== before.name) changes.name = { from: before.name, to: name };
  if (description !== before.description) changes.description = { from: before.description, to: description };
  const bodyChanged = canonicalJson(input.body) !== canonicalJson(latest.body);
  if (!bodyChanged && Object.keys(changes).length === 0) {
    return { template: await describeTemplate(ctx, before), unchanged: true };
  }

  const version = before.latestVersion + 1;
  const now = new Date().toISOString();
  const note = input.note ? input.note : null;
  const [updated] = await db.batch([
    // The guard: only on the version the editor started from, only while the template is active.
    db
      .update(checklistTemplates)
      .set({ latestVersion: version, name, description, updatedAt: now })
      .where(
        and(
          eq(checklistTemplates.id, id),
          eq(checklistTemplates.latestVersion, before.latestVersion),
          eq(checklistTemplates.status, 'active'),
        ),
      )
      .returning({ id: checklistTemplates.id }),
    guardedVersionInsert(ctx, before, {
      version,
      body: input.body,
      note,
      createdAt: now,
    }),
    guardedTenantAudit(
      db,
      actorWho(ctx),
      {
        action: 'checklist.version',
        entityType: 'checklist_template',
        entityId: id,
        details: {
          module,
          name,
          from: before.latestVersion,
          to: version,
          note,
          bodyChanged,
          itemCount: itemCountOf(input.body),
          ...(Object.keys(changes).length > 0 ? { changes } : {}),
        },
      },
      sql`changes() = 1`,
    ),
  ]);
  if (updated.length !== 1) {
    const current = await findTemplate(db, module, id);
    if (current.status !== 'active') throw archivedConflict();
    throw editedMeanwhile(current.latestVersion);
  }
  return { template: await describeTemplate(ctx, await findTemplate(db, module, id)), unchanged: false };
}

/** The new version's row, written only if the guarded update just before it changed the template. */
function guardedVersionInsert(
  ctx: ServiceContext,
  template: TemplateRow,
  v: { version: number; body: unknown; note: string | null; createdAt: string },
) {
  const values: Record<keyof typeof checklistTemplateVersions.$inferInsert, unknown> = {
    id: crypto.randomUUID(),
    templateId: template.id,
    version: v.version,
    body: JSON.stringify(v.body),
    builtinRevision: null,
    note: v.note,
    createdAt: v.createdAt,
    createdBy: ctx.actor.id,
  };
  // drizzle lists every column of the table, in its order, before the SELECT.
  const columns = Object.keys(getTableColumns(checklistTemplateVersions)) as (keyof typeof values)[];
  return ctx.db.insert(checklistTemplateVersions).select(
    sql`select ${sql.join(
      columns.map((c) => sql`${values[c]}`),
      sql`, `,
    )} where changes() = 1`,
  );
}
