import * as v from 'valibot';
import { INSPECTOR_TYPES } from '../../../db/schema/tenant';
import { optionalDate, optionalEmail, optionalPhone, optionalText, pageParam, text } from '../../validation';

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

/** The list's filters as they arrive in the query string. */
export const ListInspectorsQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(50, '搜索词不能超过 50 个字')), ''),
  type: v.optional(
    v.union(
      [v.literal(''), v.picklist(INSPECTOR_TYPES)],
      '督学类型只能是专职督学、兼职督学、特约督学或责任督学',
    ),
    '',
  ),
  zoneId: v.optional(v.pipe(v.string(), v.maxLength(40, '责任区无效')), ''),
  status: v.optional(v.picklist(['active', 'archived'], '状态只能是 active 或 archived'), 'active'),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});
export type ListInspectorsQuery = v.InferOutput<typeof ListInspectorsQuery>;

export const LinkableAccountsQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(50, '搜索词不能超过 50 个字')), ''),
});
export type LinkableAccountsQuery = v.InferOutput<typeof LinkableAccountsQuery>;

/** Ceilings of one assignment: a zone holds ≤ 20 units, so 50 zones and 200 units is far past any real duty. */
export const MAX_ASSIGNED_ZONES = 50;
export const MAX_ASSIGNED_UNITS = 200;

const idList = (label: string, max: number) =>
  v.pipe(
    v.array(v.string(`${label}编号必须是文字`), `${label}应为编号列表`),
    v.maxLength(max, `一名督学最多分配 ${max} 个${label}`),
    v.transform((ids) => [...new Set(ids)]),
  );

/** The zones and units an inspector answers for directly; both sets are replaced as given. */
export const AssignmentsInput = v.object({
  zoneIds: idList('责任区', MAX_ASSIGNED_ZONES),
  unitIds: idList('单位', MAX_ASSIGNED_UNITS),
});
export type AssignmentsInput = v.InferOutput<typeof AssignmentsInput>;

/** An edit: only the fields sent change; the merged record is checked again with InspectorInput. */
export const InspectorPatch = v.partial(
  v.object({
    ...InspectorFields,
    userId: v.optional(v.nullable(v.string())),
  }),
);
export type InspectorPatch = v.InferOutput<typeof InspectorPatch>;
