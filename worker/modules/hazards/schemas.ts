import * as v from 'valibot';
import { FINDING_STATUSES, SEVERITIES } from '../../../db/schema/tenant';
import { pageParam } from '../../validation';

const filters = {
  status: v.optional(
    v.union([v.literal(''), v.picklist(FINDING_STATUSES)], '整改状态无效，请从列表中选择'),
    '',
  ),
  /** The hazard level (一般/较大/重大), the finding's severity. */
  level: v.optional(v.union([v.literal(''), v.picklist(SEVERITIES)], '隐患等级无效，请从列表中选择'), ''),
  unitId: v.optional(v.pipe(v.string(), v.maxLength(40, '单位无效，请从列表中选择')), ''),
  /** 1: only the ones past their deadline and not yet rectified. */
  overdue: v.optional(v.picklist(['', '0', '1'], '逾期筛选只能是 0 或 1'), ''),
};

export const HazardsQuery = v.object({
  ...filters,
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});
export type HazardsQuery = v.InferOutput<typeof HazardsQuery>;

export const HazardsExportQuery = v.object(filters);
export type HazardsExportQuery = v.InferOutput<typeof HazardsExportQuery>;
