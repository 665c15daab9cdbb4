import { type SQL, sql } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { MODULE_KEYS, type ModuleKey } from '../../../tenants/config/schema';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { addDays, beijingDate, beijingDayStartUtc, daysBetween, lastDayOfMonth } from '../../dates';
import { AppError } from '../../errors';
import { monthKey, semesterOf } from '../../semesters';
import type { DashboardQuery } from './schemas';

/** Units listed as not visited for a while, and units listed by open findings. */
export const STALE_LIST_LIMIT = 50;
export const TOP_UNITS_LIMIT = 10;
/** Months of the visits chart and of the window of median days to close. */
export const TREND_MONTHS = 12;

export interface FindingCounts {
  open: number;
  issued: number;
  reported: number;
  /** Issued and past the deadline (Beijing date), not yet reported: a part of `issued`. */
  overdue: number;
  closed: number;
}

const emptyFindingCounts = (): FindingCounts => ({ open: 0, issued: 0, reported: 0, overdue: 0, closed: 0 });

function addFindingCounts(into: FindingCounts, add: FindingCounts) {
  into.open += add.open;
  into.issued += add.issued;
  into.reported += add.reported;
  into.overdue += add.overdue;
  into.closed += add.closed;
}

const unclosed = (c: FindingCounts) => c.open + c.issued + c.reported;

interface ZoneCoverage {
  zoneId: string | null;
  name: string | null;
  units: number;
  visitedMonth: number;
  visitedSemester: number;
  metSemester: number;
}

const list = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/**
 * The office dashboard for a month: visit coverage of the supervised units (this month, this
 * semester against the tenant's rule, units not visited for a while), findings by module, zone and
 * unit (as they stand today), median days from issue to close (销号) over the last 12 months, and
 * visits per month over the last 12 months. Modules that are off are left out. Every figure is an
 * aggregate in SQL through the visits and findings indexes; only one row per unit comes back.
 */
export async function getDashboard(ctx: ServiceContext, query: DashboardQuery) {
  authorize(ctx.actor, 'dashboard.read');
  const { db } = ctx;
  const config = ctx.tenant.config;
  const today = beijingDate();
  const year = query.year ?? Number(today.slice(0, 4));
  const month = query.month ?? Number(today.slice(5, 7));
  const modules = MODULE_KEYS.filter((m) => config.modules[m]);
  const frequency = config.visits.routineFrequency;
  const staleDays = query.staleDays ?? (frequency === 'monthly' ? 60 : 90);
  const zoneId = query.zoneId ?? null;

  const monthFrom = `${monthKey(year, month)}-01`;
  const monthTo = lastDayOfMonth(year, month);
  const asOf = today < monthTo ? today : monthTo;
  const semester = semesterOf(year, month, config.semesters);
  const semesterTo = semester.to < monthTo ? semester.to : monthTo;
  const required = frequency === 'monthly' ? semester.elapsed : 2;
  const trendFrom = `${monthKey(year, month, -(TREND_MONTHS - 1))}-01`;
  const closedFrom = beijingDayStartUtc(trendFrom);
  const closedTo = beijingDayStartUtc(addDays(monthTo, 1));

  const supervisedKinds = config.unitKinds.filter((k) => !k.isGroup).map((k) => k.key);
  const [zoneRows, zoneCheck] = await Promise.all([
    db.all<{ id: string; name: string }>(sql`SELECT id, name FROM zones ORDER BY name`),
    zoneId
      ? db.all<{ id: string }>(sql`SELECT id FROM zones WHERE id = ${zoneId}`)
      : Promise.resolve([{ id: '' }]),
  ]);
  if (zoneCheck.length === 0) throw new AppError('NOT_FOUND', '未找到该责任区，请返回刷新后重新选择。');

  const inZone = (column: SQL): SQL =>
    zoneId ? sql` AND ${column} IN (SELECT id FROM units WHERE zone_id = ${zoneId})` : sql``;

  const noModules = modules.length === 0;
  const [unitRows, visitRows, findingRows, medianRows, trendRows] = noModules
    ? [[], [], [], [], []]
    : await Promise.all([
        supervisedUnits(db, supervisedKinds, modules, asOf, zoneId),
        db.all<{ unit_id: string; months: number; visits: number; in_month: number }>(sql`
          SELECT unit_id, count(DISTINCT substr(visited_on, 1, 7)) AS months, count(*) AS visits,
            sum(visited_on >= ${monthFrom}) AS in_month
          FROM visits
          WHERE module IN (${list(modules)}) AND visited_on >= ${semester.from} AND visited_on <= ${semesterTo}
            ${inZone(sql`unit_id`)}
          GROUP BY unit_id`),
        db.all<{
          unit_id: string;
          zone_id: string | null;
          unit_name: string | null;
          module: ModuleKey;
          open: number;
          issued: number;
          reported: number;
          overdue: number;
          closed: number;
        }>(sql`
          SELECT f.unit_id, u.zone_id, u.name AS unit_name, f.module, f.open, f.issued, f.reported,
            f.overdue, f.closed
          FROM (
            SELECT unit_id, module, sum(status = 'open') AS open, sum(status = 'issued') AS issued,
              sum(status = 'reported') AS reported, sum(status = 'issued' AND deadline < ${today}) AS overdue,
              sum(status = 'closed') AS closed
            FROM findings
            WHERE module IN (${list(modules)}) ${inZone(sql`unit_id`)}
            GROUP BY module, unit_id
          ) f LEFT JOIN units u ON u.id = f.unit_id`),
        // Median of (closed_at − issued_at) in days, per module, over findings closed in the window.
        db.all<{ module: ModuleKey; n: number; median: number }>(sql`
          SELECT module, max(n) AS n, avg(d) AS median
          FROM (
            SELECT module, d, row_number() OVER (PARTITION BY module ORDER BY d) AS rn,
              count(*) OVER (PARTITION BY module) AS n
            FROM (
              SELECT module, julianday(closed_at) - julianday(issued_at) AS d
              FROM findings
              WHERE status = 'closed' AND closed_at >= ${closedFrom} AND closed_at < ${closedTo}
                AND issued_at IS NOT NULL AND module IN (${list(modules)}) ${inZone(sql`unit_id`)}
            )
          )
          WHERE rn IN ((n + 1) / 2, (n + 2) / 2)
          GROUP BY module`),
        db.all<{ ym: string; module: ModuleKey; n: number }>(sql`
          SELECT substr(visited_on, 1, 7) AS ym, module, count(*) AS n
          FROM visits
          WHERE module IN (${list(modules)}) AND visited_on >= ${trendFrom} AND visited_on <= ${monthTo}
            ${inZone(sql`unit_id`)}
          GROUP BY 1, 2`),
      ]);

  const zoneNames = new Map(zoneRows.map((z) => [z.id, z.name]));

  // Coverage
  const visitsOf = new Map(visitRows.map((r) => [r.unit_id, r]));
  const zoneCoverage = new Map<string | null, ZoneCoverage>();
  const total = { units: 0, visitedMonth: 0, visitedSemester: 0, metSemester: 0 };
  const stale: {
    id: string;
    name: string;
    zoneName: string | null;
    lastVisitedOn: string | null;
    days: number | null;
  }[] = [];
  for (const unit of unitRows) {
    const v = visitsOf.get(unit.id);
    const visitedMonth = Number(v?.in_month ?? 0) > 0 ? 1 : 0;
    const visitedSemester = v ? 1 : 0;
    const met =
      (frequency === 'monthly' ? Number(v?.months ?? 0) : Number(v?.visits ?? 0)) >= required ? 1 : 0;
    let zone = zoneCoverage.get(unit.zone_id);
    if (!zone) {
      zone = {
        zoneId: unit.zone_id,
        name: unit.zone_id ? (zoneNames.get(unit.zone_id) ?? null) : null,
        units: 0,
        visitedMonth: 0,
        visitedSemester: 0,
        metSemester: 0,
      };
      zoneCoverage.set(unit.zone_id, zone);
    }
    for (const into of [zone, total]) {
      into.units += 1;
      into.visitedMonth += visitedMonth;
      into.visitedSemester += visitedSemester;
      into.metSemester += met;
    }
    const days = unit.last_visited_on ? daysBetween(unit.last_visited_on, asOf) : null;
    if (days === null || days > staleDays) {
      stale.push({
        id: unit.id,
        name: unit.name,
        zoneName: unit.zone_id ? (zoneNames.get(unit.zone_id) ?? null) : null,
        lastVisitedOn: unit.last_visited_on,
        days,
      });
    }
  }
  // Never visited first, then the longest without a visit, then by name.
  stale.sort(
    (a, b) =>
      (a.days === null ? 0 : 1) - (b.days === null ? 0 : 1) ||
      (b.days ?? 0) - (a.days ?? 0) ||
      a.name.localeCompare(b.name, 'zh-CN'),
  );

  // Findings
  const totalFindings = emptyFindingCounts();
  const byModule = new Map<ModuleKey, FindingCounts>(modules.map((m) => [m, emptyFindingCounts()]));
  const byZone = new Map<string | null, FindingCounts>();
  const byUnit = new Map<string, { name: string; zoneId: string | null; counts: FindingCounts }>();
  for (const row of findingRows) {
    const counts: FindingCounts = {
      open: Number(row.open),
      issued: Number(row.issued),
      reported: Number(row.reported),
      overdue: Number(row.overdue),
      closed: Number(row.closed),
    };
    addFindingCounts(totalFindings, counts);
    const perModule = byModule.get(row.module);
    if (perModule) addFindingCounts(perModule, counts);
    let zone = byZone.get(row.zone_id);
    if (!zone) {
      zone = emptyFindingCounts();
      byZone.set(row.zone_id, zone);
    }
    addFindingCounts(zone, counts);
    let unit = byUnit.get(row.unit_id);
    if (!unit) {
      unit = { name: row.unit_name ?? '', zoneId: row.zone_id, counts: emptyFindingCounts() };
      byUnit.set(row.unit_id, unit);
    }
    addFindingCounts(unit.counts, counts);
  }
  const medians = new Map(medianRows.map((r) => [r.module, r]));
  const topUnits = [...byUnit.entries()]
    .filter(([, u]) => unclosed(u.counts) > 0)
    .sort(
      ([, a], [, b]) =>
        b.counts.overdue - a.counts.overdue ||
        unclosed(b.counts) - unclosed(a.counts) ||
        a.name.localeCompare(b.name, 'zh-CN'),
    )
    .slice(0, TOP_UNITS_LIMIT)
    .map(([unitId, u]) => ({
      unitId,
      name: u.name,
      zoneName: u.zoneId ? (zoneNames.get(u.zoneId) ?? null) : null,
      ...u.counts,
    }));

  // Visits per month
  const trend = Array.from({ length: TREND_MONTHS }, (_, i) => ({
    month: monthKey(year, month, i - (TREND_MONTHS - 1)),
    total: 0,
    byModule: Object.fromEntries(modules.map((m) => [m, 0])) as Partial<Record<ModuleKey, number>>,
  }));
  const trendIndex = new Map(trend.map((t, i) => [t.month, i]));
  for (const row of trendRows) {
    const point = trend[trendIndex.get(row.ym) ?? -1];
    if (!point) continue;
    point.total += Number(row.n);
    point.byModule[row.module] = Number(row.n);
  }

  const zoneOrder = (a: string | null, b: string | null) =>
    a === null
      ? 1
      : b === null
        ? -1
        : (zoneNames.get(a) ?? '').localeCompare(zoneNames.get(b) ?? '', 'zh-CN');

  return {
    year,
    month,
    today,
    /** The day "not visited for N days" counts to: today, or the month's last day for a past month. */
    asOf,
    zoneId,
    modules,
    rule: { frequency, required, staleDays },
    semester: {
      kind: semester.kind,
      schoolYear: semester.schoolYear,
      from: semester.from,
      to: semester.to,
      elapsed: semester.elapsed,
      length: semester.length,
      holiday: semester.holiday,
    },
    coverage: {
      ...total,
      byZone: [...zoneCoverage.values()].sort((a, b) => zoneOrder(a.zoneId, b.zoneId)),
      stale: {
        count: stale.length,
        never: stale.filter((s) => s.days === null).length,
        units: stale.slice(0, STALE_LIST_LIMIT),
      },
    },
    findings: {
      total: totalFindings,
      byModule: modules.map((module) => {
        const m = medians.get(module);
        return {
          module,
          ...(byModule.get(module) ?? emptyFindingCounts()),
          closedInWindow: Number(m?.n ?? 0),
          medianDaysToClose: m ? Math.round(Number(m.median) * 10) / 10 : null,
        };
      }),
      byZone: [...byZone.entries()]
        .sort(([a], [b]) => zoneOrder(a, b))
        .map(([id, counts]) => ({ zoneId: id, name: id ? (zoneNames.get(id) ?? null) : null, ...counts })),
      topUnits,
    },
    visitsByMonth: trend,
  };
}

/**
 * Active units of the kinds that are supervised (not groups such as townships), each with its last
 * visit of a module that is on up to `asOf`: one backward probe of visits_unit_idx per unit.
 */
function supervisedUnits(
  db: TenantDb,
  kinds: string[],
  modules: readonly ModuleKey[],
  asOf: string,
  zoneId: string | null,
) {
  if (kinds.length === 0) return Promise.resolve([]);
  return db.all<{ id: string; name: string; zone_id: string | null; last_visited_on: string | null }>(sql`
    SELECT u.id, u.name, u.zone_id,
      (SELECT v.visited_on FROM visits v
        WHERE v.unit_id = u.id AND v.visited_on <= ${asOf} AND +v.module IN (${list(modules)})
        ORDER BY v.visited_on DESC LIMIT 1) AS last_visited_on
    FROM units u
    WHERE u.status = 'active' AND u.kind IN (${list(kinds)})
      ${zoneId ? sql` AND u.zone_id = ${zoneId}` : sql``}`);
}
