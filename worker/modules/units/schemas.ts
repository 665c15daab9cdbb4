import * as v from 'valibot';
import { optionalCount, optionalPhone, optionalText, text } from '../../validation';

/**
 * A unit as an admin enters it on the form or in a spreadsheet row. `kind` is checked against the
 * tenant's unit kinds and `parentId` against existing group units by the service, which knows them.
 */
export const UnitFields = {
  code: v.optional(
    v.nullable(
      v.pipe(
        v.string('单位代码必须是文字'),
        v.trim(),
        v.maxLength(30, '单位代码不能超过 30 个字符'),
        v.check((s) => s === '' || /^[0-9A-Za-z-]+$/.test(s), '单位代码只能包含数字、字母和连字符'),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
  ),
  name: text('名称', 60),
  kind: text('类型', 40),
  address: optionalText('地址', 120),
  headName: optionalText('负责人', 30),
  phone: optionalPhone('联系电话'),
  enrolment: optionalCount('在校生数', 100_000),
  staffCount: optionalCount('教职工数', 10_000),
};

export const UnitInput = v.object({
  ...UnitFields,
  parentId: v.optional(v.nullable(v.string())),
  zoneId: v.optional(v.nullable(v.string())),
});
export type UnitInput = v.InferOutput<typeof UnitInput>;

/** A partial edit: only the fields sent change; the merged record is checked against `UnitInput` again. */
export const UnitPatch = v.partial(UnitInput);
export type UnitPatch = v.InferOutput<typeof UnitPatch>;
