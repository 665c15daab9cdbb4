import type { TenantDb } from '../../db/client';
import { checklistTemplates, checklistTemplateVersions } from '../../db/schema/tenant';
import type { ModuleKey } from '../config/schema';
import type { ChecklistBody } from './schema';

export interface NewTemplate {
  module: ModuleKey;
  name: string;
  description: string | null;
  body: ChecklistBody;
  builtinKey?: string;
  builtinRevision?: number;
  copiedFromId?: string;
  note?: string;
  createdBy?: string | null;
}

/**
 * The two inserts of a new template and its version 1, for the caller's batch (with its audit
 * row): shipped templates, an office's own, and copies are all made this way.
 */
export function newTemplateStatements(db: TenantDb, template: NewTemplate, now = new Date().toISOString()) {
  const id = crypto.randomUUID();
  const statements = [
    db.insert(checklistTemplates).values({
      id,
      module: template.module,
      name: template.name,
      description: template.description,
      builtinKey: template.builtinKey ?? null,
      copiedFromId: template.copiedFromId ?? null,
      latestVersion: 1,
      createdAt: now,
      updatedAt: now,
    }),
    db.insert(checklistTemplateVersions).values({
      id: crypto.randomUUID(),
      templateId: id,
      version: 1,
      body: template.body,
      builtinRevision: template.builtinRevision ?? null,
      note: template.note ?? null,
      createdAt: now,
      createdBy: template.createdBy ?? null,
    }),
  ] as const;
  return { id, statements };
}
