import { and, asc, eq, inArray, lt } from 'drizzle-orm';
import { findings, units, zones } from '../../../db/schema/tenant';
import { MODULE_KEYS } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate, daysBetween } from '../../dates';

/** Overdue lists cap: beyond this the office has a bigger problem than a list can show. */
const LIMIT = 5_000;

/**
 * Findings past their deadline and not yet reported (status issued), of the modules that are on,
 * grouped per unit and per zone with counts; each unit's own findings listed, most overdue first.
 */
export async function overdueFindings(ctx: ServiceContext) {
  authorize(ctx.actor, 'dashboard.read');
  const today = beijingDate();
  const modulesOn = MODULE_KEYS.filter((m) => ctx.tenant.config.modules[m]);
  if (modulesOn.length === 0) return { today, total: 0, units: [], zones: [], truncated: false };
  const rows = await ctx.db
    .select({
      id: findings.id,
      module: findings.module,
      category: findings.category,
      severity: findings.severity,
      description: findings.description,
      deadline: findings.deadline,
      noticeNo: findings.noticeNo,
      escalation: findings.escalation,
      overdueAt: findings.overdueAt,
      unitId: findings.unitId,
      unitName: units.name,
      zoneId: units.zoneId,
      zoneName: zones.name,
    })
    .from(findings)
    .innerJoin(units, eq(units.id, findings.unitId))
    .leftJoin(zones, eq(zones.id, units.zoneId))
    .where(
      and(eq(findings.status, 'issued'), lt(findings.deadline, today), inArray(findings.module, modulesOn)),
    )
    .orderBy(asc(findings.deadline), asc(findings.id))
    .limit(LIMIT + 1);
  const truncated = rows.length > LIMIT;
  const items = rows.slice(0, LIMIT).map((r) => ({ ...r, overdueDays: daysBetween(r.deadline, today) }));

  const byUnit = new Map<
    string,
    {
      unitId: string;
      unitName: string;
      zoneId: string | null;
      zoneName: string | null;
      count: number;
      maxOverdueDays: number;
      byModule: Record<string, number>;
      findings: typeof items;
    }
  >();
  for (const f of items) {
    let u = byUnit.get(f.unitId);
    if (!u) {
      u = {
        unitId: f.unitId,
        unitName: f.unitName,
        zoneId: f.zoneId,
        zoneName: f.zoneName,
        count: 0,
        maxOverdueDays: 0,
        byModule: {},
        findings: [],
      };
      byUnit.set(f.unitId, u);
    }
    u.count++;
    u.maxOverdueDays = Math.max(u.maxOverdueDays, f.overdueDays);
    u.byModule[f.module] = (u.byModule[f.module] ?? 0) + 1;
    u.findings.push(f);
  }
  const byZone = new Map<
    string,
    { zoneId: string | null; zoneName: string | null; count: number; units: number; escalated: number }
  >();
  for (const f of items) {
    const key = f.zoneId ?? '';
    let z = byZone.get(key);
    if (!z) {
      z = { zoneId: f.zoneId, zoneName: f.zoneName, count: 0, units: 0, escalated: 0 };
      byZone.set(key, z);
    }
    z.count++;
    if (f.escalation >= 2) z.escalated++;
  }
  for (const u of byUnit.values()) {
    const z = byZone.get(u.zoneId ?? '');
    if (z) z.units++;
  }
  return {
    today,
    total: items.length,
    truncated,
    units: [...byUnit.values()].sort((a, b) => b.count - a.count || b.maxOverdueDays - a.maxOverdueDays),
    zones: [...byZone.values()].sort((a, b) => b.count - a.count),
  };
}
