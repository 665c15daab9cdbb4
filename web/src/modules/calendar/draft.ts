import { blankDraft, draftStore } from '../../ui/draftStore';

export const THEME_FIELDS = [
  'm1',
  'm2',
  'm3',
  'm4',
  'm5',
  'm6',
  'm7',
  'm8',
  'm9',
  'm10',
  'm11',
  'm12',
] as const;
export type ThemeField = (typeof THEME_FIELDS)[number];
export type ThemesDraft = Record<ThemeField, string>;

/** A year's themes being edited, per tenant and year, kept until saved or discarded. */
export const themesDraft = draftStore<ThemesDraft>({
  prefix: 'dudao.themesDraft',
  fields: THEME_FIELDS,
  empty: () => blankDraft(THEME_FIELDS),
  storage: 'local',
});
