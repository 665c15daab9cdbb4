import * as v from 'valibot';
import { isCalendarDate } from '../../dates';
import { pageParam } from '../../validation';

const date = (label: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || isCalendarDate(s), `${label}应为 YYYY-MM-DD 格式的有效日期，如 2026-09-01`),
    ),
    '',
  );

const key = (label: string, max: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.maxLength(max, `${label}不能超过 ${max} 个字符`),
      v.regex(/^[a-z0-9_.:-]*$/i, `${label}无效，请从列表中选择`),
    ),
    '',
  );

export const ListAuditQuery = v.pipe(
  v.object({
    /** Part of the acting person's name or username. */
    q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(30, '姓名不能超过 30 个字')), ''),
    actorId: key('操作人', 60),
    entityType: key('对象类型', 40),
    entityId: key('对象', 60),
    action: key('操作类型', 60),
    /** Days in China time (UTC+8), both inclusive. */
    from: date('开始日期'),
    to: date('结束日期'),
    /** Keyset cursor: the id of the last row of the previous page. */
    before: v.optional(
      v.pipe(
        v.string(),
        v.regex(/^\d{0,15}$/, '翻页参数无效，请从第一页重新查看'),
        v.transform((s) => (s ? Number(s) : null)),
      ),
      '',
    ),
    pageSize: pageParam('每页条数', 100, '30'),
  }),
  v.forward(
    v.check((q) => !q.from || !q.to || q.from <= q.to, '结束日期不能早于开始日期'),
    ['to'],
  ),
);
export type ListAuditQuery = v.InferOutput<typeof ListAuditQuery>;
