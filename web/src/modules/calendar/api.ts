// Calls and types of the calendar page (一月一主题 and the plans' items per month).
import { type ModuleKey, query, request, t } from '../../api';
import type { ItemState, PlanKind, StateCounts } from '../plans/api';
import type { VisitKind } from '../visits/api';

export type ThemeSource = 'office' | 'preset';

export interface CalendarMonth {
  month: number;
  theme: string | null;
  /** Only the modules the tenant has on, and only for users who read plans. */
  counts: Partial<Record<ModuleKey, StateCounts>>;
}

export interface CalendarItem {
  id: string;
  planId: string;
  planName: string;
  planKind: PlanKind;
  /** The plan's visit kind, theme and checklist: the visit form starts with them. */
  visitKind: VisitKind;
  theme: string | null;
  templateId: string | null;
  unitId: string;
  unitName: string;
  startsOn: string;
  dueOn: string;
  state: ItemState;
  visitId: string | null;
}

export interface Calendar {
  year: number;
  /** Beijing's date on the server. */
  today: string;
  /** Whether plan items are included (the user reads plans). */
  plans: boolean;
  modules: ModuleKey[];
  themeSource: ThemeSource;
  months: CalendarMonth[];
  items: null | {
    month: number;
    truncated: boolean;
    groups: { module: ModuleKey; items: CalendarItem[] }[];
  };
}

export interface YearThemes {
  year: number;
  source: ThemeSource;
  themes: { month: number; theme: string | null }[];
}

export const calendarApi = {
  get: (slug: string, year: number, month: number | null) =>
    request<Calendar>('GET', t(slug, 'calendar') + query({ year, month: month ?? undefined })),
  saveThemes: (slug: string, year: number, themes: { month: number; theme: string }[]) =>
    request<YearThemes>('POST', t(slug, 'calendar/themes'), { year, themes }),
};
