import * as v from 'valibot';
import { INSPECTOR_TYPES } from '../../../db/schema/tenant';
import { optionalDate, optionalEmail, optionalPhone, optionalText, text } from '../../validation';

/** Chinese labels of inspector types, as the board, the forms and the spreadsheets show them. */
export const INSPECTOR_TYPE_LABELS: Record<(typeof INSPECTOR_TYPES)[number], string> = {
  full_time: '专职督学',
  part_time: '兼职督学',
  special: '特约督学',
  responsible: '责任督学',
};

export const InspectorFields = {
  name: text('姓名', 30),
  type: v.picklist(INSPECTOR_TYPES, '督学类型只能是专职督学、兼职督学、特约督学或责任督学'),
  certificateNo: v.optional(
    v.nullable(
      v.pipe(
        v.string('督学证号必须是文字'),
        v.trim(),
        v.maxLength(40, '督学证号不能超过 40 个字符'),
        v.transform((s) => (s === '' ? null : s)),
      ),
    ),
  ),
  termStart: optionalDate('聘期开始'),
  termEnd: optionalDate('聘期结束'),
  trainingHours: v.optional(
    v.pipe(
      v.number('培训学时必须是数字'),
      v.minValue(0, '培训学时不能是负数'),
      v.maxValue(2000, '培训学时不能超过 2000'),
    ),
    0,
  ),
  phone: optionalPhone('公开电话'),
  email: optionalEmail('电子邮箱'),
  workplace: optionalText('工作单位', 60),
};

export const InspectorInput = v.pipe(
  v.object({
    ...InspectorFields,
    userId: v.optional(v.nullable(v.string())),
  }),
  v.forward(
    v.check((i) => !i.termStart || !i.termEnd || i.termStart <= i.termEnd, '聘期结束日期不能早于开始日期'),
    ['termEnd'],
  ),
);
export type InspectorInput = v.InferOutput<typeof InspectorInput>;
