import type { TenantKind, TenantOverview } from '../../api';

export interface TenantGroup {
  key: string;
  title: string;
  tenants: TenantOverview[];
}

/** Sorted by GB/T 2260 code and grouped by prefecture (the first four digits), as a province reads its map. */
export function groupByRegion(tenants: TenantOverview[]): TenantGroup[] {
  const sorted = tenants
    .slice()
    .sort((a, b) => a.regionCode.localeCompare(b.regionCode) || a.name.localeCompare(b.name, 'zh-CN'));
  const groups: TenantGroup[] = [];
  for (const t of sorted) {
    const key = t.regionCode.slice(0, 4);
    let group = groups[groups.length - 1];
    if (!group || group.key !== key) {
      group = {
        key,
        title: t.city && t.city !== t.province ? `${t.province} ${t.city}` : t.province,
        tenants: [],
      };
      groups.push(group);
    }
    group.tenants.push(t);
  }
  return groups;
}

export interface TenantTotals {
  byKind: Record<TenantKind, number>;
  units: number;
  users: number;
  unreachable: number;
}

export function totalsOf(tenants: TenantOverview[]): TenantTotals {
  const totals: TenantTotals = {
    byKind: { county: 0, district: 0, college: 0 },
    units: 0,
    users: 0,
    unreachable: 0,
  };
  for (const t of tenants) {
    totals.byKind[t.kind] += 1;
    totals.units += t.unitCount ?? 0;
    totals.users += t.userCount ?? 0;
    if (!t.reachable && t.status !== 'pending') totals.unreachable += 1;
  }
  return totals;
}
