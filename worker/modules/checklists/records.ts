import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import type { TenantDb } from '../../../db/client';
import { checklistTemplates, checklistTemplateVersions } from '../../../db/schema/tenant';
import type { ChecklistBody } from '../../../tenants/checklists/schema';
import type { ModuleKey } from '../../../tenants/config/schema';
import { AppError } from '../../errors';
import { isModuleKey } from '../../middleware/module-gate';

export type TemplateRow = typeof checklistTemplates.$inferSelect;

/** The module of the path (`/api/t/:tenant/:module/templates…`); the module gate has already let it through. */
export function moduleOf(c: Context): ModuleKey {
  const key = c.req.param('module') ?? '';
  if (!isModuleKey(key)) throw new AppError('NOT_FOUND');
  return key;
}

/** A version number in a path: a whole number from 1, anything else is a 404. */
export function pathVersion(c: Context): number {
  const raw = c.req.param('version') ?? '';
  if (!/^[1-9]\d{0,8}$/.test(raw)) throw new AppError('NOT_FOUND', '未找到该版本的检查表。');
  return Number(raw);
}

export const TEMPLATE_NOT_FOUND = '未找到该检查表，可能已被删除或不属于本模块，请返回列表刷新。';

/**
 * The template with this id in this module, or 404: a template of another module (or another
 * tenant, whose rows are not in this database) is not found here.
 */
export async function findTemplate(db: TenantDb, module: ModuleKey, id: string): Promise<TemplateRow> {
  const [row] = await db
    .select()
    .from(checklistTemplates)
    .where(and(eq(checklistTemplates.id, id), eq(checklistTemplates.module, module)))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', TEMPLATE_NOT_FOUND);
  return row;
}

/** The body of one version of a template, or 404. */
export async function findVersion(db: TenantDb, templateId: string, version: number) {
  const [row] = await db
    .select()
    .from(checklistTemplateVersions)
    .where(
      and(
        eq(checklistTemplateVersions.templateId, templateId),
        eq(checklistTemplateVersions.version, version),
      ),
    )
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND', `未找到该检查表的第 ${version} 版。`);
  return { ...row, body: row.body as ChecklistBody };
}

/** How many items a body holds. */
export function itemCountOf(body: ChecklistBody): number {
  return body.sections.reduce((n, s) => n + s.items.length, 0);
}

/**
 * The item count of each template's latest version, computed in SQL for lists of templates. The
 * outer columns are spelled with their table: drizzle leaves them bare in a one-table select.
 */
export const latestItemCount: SQL<number> = sql<number>`(
  SELECT coalesce(sum(json_array_length(s.value, '$.items')), 0)
  FROM checklist_template_versions v, json_each(v.body, '$.sections') s
  WHERE v.template_id = checklist_templates.id AND v.version = checklist_templates.latest_version
)`.mapWith(Number);

/** What every answer says about a template, besides its body and versions. */
export function templateFields(row: TemplateRow) {
  return {
    id: row.id,
    module: row.module,
    name: row.name,
    description: row.description,
    builtin: row.builtinKey !== null,
    builtinKey: row.builtinKey,
    copiedFromId: row.copiedFromId,
    status: row.status,
    latestVersion: row.latestVersion,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * The same JSON text for equal bodies whatever the order of their keys, to tell whether an edit
 * changed anything.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
