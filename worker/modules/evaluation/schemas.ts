import * as v from 'valibot';
import { SCHEME_KINDS } from '../../../db/schema/tenant';
import { SchemeBodySchema } from '../../../tenants/evaluation/scheme';

const name = v.pipe(
  v.string('方案名称必须是文字'),
  v.trim(),
  v.minLength(2, '请填写方案名称（至少 2 个字）'),
  v.maxLength(60, '方案名称不能超过 60 个字'),
);
const kind = v.picklist(SCHEME_KINDS, '方案类别只能是：发展性评估、督政、幼儿园、验收评估或其他');
const note = v.optional(
  v.pipe(v.string('修改说明必须是文字'), v.trim(), v.maxLength(200, '修改说明不能超过 200 个字')),
);

export const CreateSchemeInput = v.object({ name, kind, body: SchemeBodySchema });
export type CreateSchemeInput = v.InferOutput<typeof CreateSchemeInput>;

export const NewVersionInput = v.object({ body: SchemeBodySchema, note });
export type NewVersionInput = v.InferOutput<typeof NewVersionInput>;

export const ImportSchemeQuery = v.object({ name, kind });
export const ImportVersionQuery = v.object({ note });

export const SchemeVersionQuery = v.object({
  version: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^[1-9]\d{0,4}$/, '版本号必须是正整数'),
      v.transform((s) => Number(s)),
    ),
  ),
});
