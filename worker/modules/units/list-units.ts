import { and, asc, count, eq, inArray, isNull, notInArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import * as v from 'valibot';
import { units, zones } from '../../../db/schema/tenant';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { containsText } from '../../text-search';
import { ID_PATTERN, pageParam } from '../../validation';

/** An id filter: a unit or zone id, or `none` for units without one (root units, units in no zone). */
const idFilter = (label: string) =>
  v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || s === 'none' || ID_PATTERN.test(s), `${label}无效，请从列表中选择`),
    ),
    '',
  );

export const ListUnitsQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(50, '搜索词不能超过 50 个字')), ''),
  kind: v.optional(v.pipe(v.string(), v.maxLength(40, '单位类型无效')), ''),
  status: v.optional(
    v.picklist(['active', 'archived', 'all'], '状态只能是 active、archived 或 all'),
    'active',
  ),
  parentId: idFilter('上级'),
  zoneId: idFilter('责任区'),
  /** true: only kinds that can be parents (the parent picker); false: only the others. */
  group: v.optional(v.picklist(['', 'true', 'false'], 'group 只能是 true 或 false'), ''),
  page: pageParam('页码', 10_000, '1'),
  pageSize: pageParam('每页条数', 100, '20'),
});

export type ListUnitsQuery = v.InferOutput<typeof ListUnitsQuery>;

export async function listUnits(ctx: ServiceContext, query: ListUnitsQuery) {
  authorize(ctx.actor, 'units.read');
  const { db, tenant } = ctx;
  const parent = alias(units, 'parent');
  const filters: SQL[] = [];
  if (query.status !== 'all') filters.push(eq(units.status, query.status));
  if (query.parentId === 'none') filters.push(isNull(units.parentId));
  else if (query.parentId) filters.push(eq(units.parentId, query.parentId));
  if (query.zoneId === 'none') filters.push(isNull(units.zoneId));
  else if (query.zoneId) filters.push(eq(units.zoneId, query.zoneId));
  if (query.group) {
    const groupKinds = tenant.config.unitKinds.filter((k) => k.isGroup).map((k) => k.key);
    if (query.group === 'true') filters.push(inArray(units.kind, groupKinds.length ? groupKinds : ['']));
    else if (groupKinds.length) filters.push(notInArray(units.kind, groupKinds));
  }
  if (query.q) filters.push(containsText(query.q, units.name));
  if (query.kind) filters.push(eq(units.kind, query.kind));
  const where = filters.length ? and(...filters) : undefined;
  const page = Number(query.page);
  const pageSize = Number(query.pageSize);
  const [rows, totals] = await db.batch([
    db
      .select({
        id: units.id,
        code: units.code,
        name: units.name,
        kind: units.kind,
        parentId: units.parentId,
        parentName: parent.name,
        zoneId: units.zoneId,
        zoneName: zones.name,
        enrolment: units.enrolment,
        staffCount: units.staffCount,
        status: units.status,
      })
      .from(units)
      .leftJoin(parent, eq(parent.id, units.parentId))
      .leftJoin(zones, eq(zones.id, units.zoneId))
      .where(where)
      .orderBy(asc(units.kind), asc(units.name))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(units).where(where),
  ]);
  const kindLabels = new Map(tenant.config.unitKinds.map((k) => [k.key, k.label]));
  return {
    items: rows.map((r) => ({ ...r, kindLabel: kindLabels.get(r.kind) ?? r.kind })),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}
