import * as v from 'valibot';
import { ChecklistBodySchema } from '../../../tenants/checklists/schema';
import { optionalText, pageParam, text } from '../../validation';

const name = text('检查表名称', 60);
const description = optionalText('检查表说明', 300);

/** The list's filters as they arrive in the query string. */
export const ListTemplatesQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(50, '搜索词不能超过 50 个字')), ''),
  status: v.optional(v.picklist(['active', 'archived'], '状态只能是 active 或 archived'), 'active'),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '50'),
});
export type ListTemplatesQuery = v.InferOutput<typeof ListTemplatesQuery>;

/** A new office template: its first version is `body`. */
export const CreateTemplateInput = v.object({
  name,
  description,
  body: ChecklistBodySchema,
});
export type CreateTemplateInput = v.InferOutput<typeof CreateTemplateInput>;

/** A copy of a template's latest version; without a name it is called “<name>（副本）”. */
export const CopyTemplateInput = v.object({
  name: v.optional(name),
});
export type CopyTemplateInput = v.InferOutput<typeof CopyTemplateInput>;

/**
 * An edit, which is a new version. `baseVersion` is the version the editor started from: if
 * someone saved another version meanwhile, the edit is refused rather than silently overwriting it.
 */
export const NewVersionInput = v.object({
  name: v.optional(name),
  description,
  body: ChecklistBodySchema,
  note: optionalText('修改说明', 200),
  baseVersion: v.pipe(
    v.number('缺少所依据的版本号，请刷新后重新修改'),
    v.integer('版本号必须是整数'),
    v.minValue(1, '版本号至少为 1'),
  ),
});
export type NewVersionInput = v.InferOutput<typeof NewVersionInput>;
