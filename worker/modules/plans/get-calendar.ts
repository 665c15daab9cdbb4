import { type SQL, sql } from 'drizzle-orm';
import { MODULE_KEYS, type ModuleKey } from '../../../tenants/config/schema';
import { authorize, can } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { beijingDate, lastDayOfMonth } from '../../dates';
import { addCount, emptyCounts, itemsWithState, type StateCounts } from './records';
import type { CalendarQuery, ItemState } from './schemas';
import { themesOfYear } from './themes';

/** At most this many items of one month are listed (the counts are always complete). */
export const MONTH_ITEMS_LIMIT = 3000;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Items of active plans of `modules` due from `from` to `to`: plan_items_due_idx finds them by due
 * day, each visit probe uses visits_unit_idx. The unary + on the plan's columns keeps the planner
 * from starting at plans_module_idx, which would read the items of every year's plans.
 */
export function calendarItems(modules: readonly ModuleKey[], from: string, to: string, today: string): SQL {
  return itemsWithState(
    sql`i.due_on >= ${from} AND i.due_on <= ${to} AND +p.status = 'active' AND +p.module IN (${sql.join(
      modules.map((m) => sql`${m}`),
      sql`, `,
    )})`,
    today,
  );
}

interface MonthItemRow {
  id: string;
  plan_id: string;
  plan_name: string;
  plan_kind: string;
  visit_kind: string;
  plan_theme: string | null;
  template_id: string | null;
  module: ModuleKey;
  unit_id: string;
  unit_name: string | null;
  starts_on: string;
  due_on: string;
  visit_id: string | null;
  state: ItemState;
}

/**
 * The calendar of a year: each month's theme (the office's or the preset) and, for users who read
 * plans, each module's plan items counted by state. An item belongs to the month of its due day.
 * With `month`, that month's items are listed too (per module, by due day and unit name). Only
 * modules the tenant has on appear. Any signed-in user sees the themes; the items need plans.read.
 */
export async function getCalendar(ctx: ServiceContext, query: CalendarQuery) {
  authorize(ctx.actor, 'config.read');
  const { db } = ctx;
  const config = ctx.tenant.config;
  const today = beijingDate();
  const year = query.year ?? Number(today.slice(0, 4));
  const withPlans = can(ctx.actor, 'plans.read');
  const modules = withPlans ? MODULE_KEYS.filter((m) => config.modules[m]) : [];

  const countsOf = Array.from({ length: 12 }, () => new Map<ModuleKey, StateCounts>());
  for (const perModule of countsOf) for (const m of modules) perModule.set(m, emptyCounts());

  const listed = query.month !== undefined && modules.length > 0;
  const listModules = query.module ? modules.filter((m) => m === query.module) : modules;
  const monthFrom = listed ? `${year}-${pad(query.month as number)}-01` : '';
  const monthTo = listed ? lastDayOfMonth(year, query.month as number) : '';

  const [themes, countRows, itemRows] = await Promise.all([
    themesOfYear(db, config, year),
    modules.length
      ? db.all<{ month: number; module: ModuleKey; state: ItemState; n: number }>(sql`
          SELECT CAST(substr(due_on, 6, 2) AS INTEGER) AS month, module, state, count(*) AS n
          FROM (${calendarItems(modules, `${year}-01-01`, `${year}-12-31`, today)})
          GROUP BY 1, 2, 3`)
      : Promise.resolve([]),
    listed && listModules.length
      ? db.all<MonthItemRow>(sql`
          SELECT x.*, u.name AS unit_name
          FROM (${calendarItems(listModules, monthFrom, monthTo, today)}) x
          LEFT JOIN units u ON u.id = x.unit_id
          ORDER BY x.module, x.due_on, u.name, x.plan_name, x.id
          LIMIT ${MONTH_ITEMS_LIMIT + 1}`)
      : Promise.resolve([]),
  ]);

  for (const row of countRows) {
    const counts = countsOf[Number(row.month) - 1]?.get(row.module);
    if (counts) addCount(counts, row.state, Number(row.n));
  }

  const truncated = itemRows.length > MONTH_ITEMS_LIMIT;
  const rows = itemRows.slice(0, MONTH_ITEMS_LIMIT);
  return {
    year,
    today,
    /** Whether plan items are included (plans.read). */
    plans: withPlans,
    modules,
    themeSource: themes.source,
    months: themes.themes.map((t, i) => ({
      month: t.month,
      theme: t.theme,
      counts: Object.fromEntries(countsOf[i] ?? []) as Partial<Record<ModuleKey, StateCounts>>,
    })),
    items: listed
      ? {
          month: query.month as number,
          truncated,
          groups: listModules.map((module) => ({
            module,
            items: rows
              .filter((r) => r.module === module)
              .map((r) => ({
                id: r.id,
                planId: r.plan_id,
                planName: r.plan_name,
                planKind: r.plan_kind,
                visitKind: r.visit_kind,
                theme: r.plan_theme,
                templateId: r.template_id,
                unitId: r.unit_id,
                unitName: r.unit_name ?? '',
                startsOn: r.starts_on,
                dueOn: r.due_on,
                state: r.state,
                visitId: r.visit_id,
              })),
          })),
        }
      : null,
  };
}
