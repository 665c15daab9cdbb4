import { inArray } from 'drizzle-orm';
import * as v from 'valibot';
import type { TenantDb } from '../../db/client';
import { checklistTemplates, checklistTemplateVersions } from '../../db/schema/tenant';
import { tenantAudit } from '../../worker/audit';
import type { Who } from '../provisioning/provision';
import { BUILTIN_TEMPLATES } from './builtin';
import { newTemplateStatements } from './new-template';
import { type BuiltinTemplate, ChecklistBodySchema } from './schema';

/**
 * Puts the shipped checklist templates into a tenant database: a missing one is added, and one
 * whose wording has a newer revision than the tenant's latest shipped version gets that wording as
 * a new version (visits keep the version they used). An office's own edits are versions too, so
 * a new revision lands on top of them; an archived template stays archived. Idempotent: run at
 * provisioning and by `migrate` after the schema migrations.
 */
export async function ensureBuiltinTemplates(
  db: TenantDb,
  who: Who,
  builtins: readonly BuiltinTemplate[] = BUILTIN_TEMPLATES,
): Promise<{ added: number; updated: number }> {
  const keys = builtins.map((t) => t.key);
  const existing = await db
    .select()
    .from(checklistTemplates)
    .where(inArray(checklistTemplates.builtinKey, keys));
  const byKey = new Map(existing.map((row) => [row.builtinKey, row]));
  const revisions = existing.length
    ? await db
        .select({
          templateId: checklistTemplateVersions.templateId,
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
  const shipped = new Map<string, number>();
  for (const r of revisions) {
    shipped.set(r.templateId, Math.max(shipped.get(r.templateId) ?? 0, r.builtinRevision ?? 0));
  }

  const now = new Date().toISOString();
  const statements = [];
  let added = 0;
  let updated = 0;
  for (const template of builtins) {
    const body = v.parse(ChecklistBodySchema, template.body);
    const row = byKey.get(template.key);
    if (!row) {
      const created = newTemplateStatements(
        db,
        {
          module: template.module,
          name: template.name,
          description: template.description,
          body,
          builtinKey: template.key,
          builtinRevision: template.revision,
        },
        now,
      );
      statements.push(...created.statements);
      added++;
    } else if ((shipped.get(row.id) ?? 0) < template.revision) {
      const version = row.latestVersion + 1;
      statements.push(
        db.insert(checklistTemplateVersions).values({
          id: crypto.randomUUID(),
          templateId: row.id,
          version,
          body,
          builtinRevision: template.revision,
          note: '随系统更新的检查表内容',
          createdAt: now,
        }),
        db
          .update(checklistTemplates)
          .set({ latestVersion: version, updatedAt: now })
          .where(inArray(checklistTemplates.id, [row.id])),
      );
      updated++;
    }
  }
  if (statements.length === 0) return { added, updated };
  await db.batch([
    ...(statements as [(typeof statements)[number], ...typeof statements]),
    tenantAudit(db, who, {
      action: 'checklist.builtin_sync',
      entityType: 'checklist_template',
      details: { added, updated },
    }),
  ]);
  return { added, updated };
}
