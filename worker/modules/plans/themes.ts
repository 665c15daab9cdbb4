import { asc, eq } from 'drizzle-orm';
import type { TenantDb } from '../../../db/client';
import { monthlyThemes } from '../../../db/schema/tenant';
import type { TenantConfig } from '../../../tenants/config/schema';

export type ThemeSource = 'office' | 'preset';

export interface YearThemes {
  year: number;
  /** `office` when the office saved this year's themes; `preset` falls back to the config's calendar. */
  source: ThemeSource;
  /** Months 1–12 in order; null where the month has no theme. */
  themes: { month: number; theme: string | null }[];
}

/**
 * The themes of a calendar year: the office's own when it saved any for that year (a month saved
 * blank has none), else the preset calendar of the tenant config.
 */
export async function themesOfYear(db: TenantDb, config: TenantConfig, year: number): Promise<YearThemes> {
  const rows = await db
    .select({ month: monthlyThemes.month, theme: monthlyThemes.theme })
    .from(monthlyThemes)
    .where(eq(monthlyThemes.year, year))
    .orderBy(asc(monthlyThemes.month));
  const source: ThemeSource = rows.length > 0 ? 'office' : 'preset';
  const byMonth = new Map<number, string>(
    (source === 'office' ? rows : config.themeCalendar).map((t) => [t.month, t.theme]),
  );
  return {
    year,
    source,
    themes: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, theme: byMonth.get(i + 1) || null })),
  };
}
