import { inArray } from 'drizzle-orm';
import * as v from 'valibot';
import type { TenantDb } from '../../db/client';
import { checklistTemplates, checklistTemplateVersions } from '../../db/schema/tenant';
import type { Who } from '../provisioning/provision';
import { syncShipped } from '../shipped-versions';
import { BUILTIN_TEMPLATES } from './builtin';
import { newTemplateStatements } from './new-template';
import { type BuiltinTemplate, ChecklistBodySchema } from './schema';

/**
 * Puts the shipped checklist templates into a tenant database (`syncShipped`); an archived
 * template stays archived. Idempotent: run at provisioning and by `migrate` after the schema
 * migrations.
 */
export async function ensureBuiltinTemplates(
  db: TenantDb,
  who: Who,
  builtins: readonly BuiltinTemplate[] = BUILTIN_TEMPLATES,
): Promise<{ added: number; updated: number }> {
  const existing = await db
    .select()
    .from(checklistTemplates)
    .where(
      inArray(
        checklistTemplates.builtinKey,
        builtins.map((t) => t.key),
      ),
    );
  const storedRevisions = existing.length
    ? await db
        .select({
          ownerId: checklistTemplateVersions.templateId,
          builtinRevision: checklistTemplateVersions.builtinRevision,
        })
        .from(checklistTemplateVersions)
        .where(
          inArray(
            checklistTemplateVersions.templateId,
            existing.map((row) => row.id),
          ),
        )
    : [];
  return syncShipped(db, who, {
    builtins,
    existing,
    storedRevisions,
    add: (template, now) =>
      newTemplateStatements(
        db,
        {
          module: template.module,
          name: template.name,
          description: template.description,
          body: v.parse(ChecklistBodySchema, template.body),
          builtinKey: template.key,
          builtinRevision: template.revision,
        },
        now,
      ).statements,
    addVersion: (template, row, version, now) => [
      db.insert(checklistTemplateVersions).values({
        id: crypto.randomUUID(),
        templateId: row.id,
        version,
        body: v.parse(ChecklistBodySchema, template.body),
        builtinRevision: template.revision,
        note: '随系统更新的检查表内容',
        createdAt: now,
      }),
      db
        .update(checklistTemplates)
        .set({ latestVersion: version, updatedAt: now })
        .where(inArray(checklistTemplates.id, [row.id])),
    ],
    audit: { action: 'checklist.builtin_sync', entityType: 'checklist_template' },
  });
}
