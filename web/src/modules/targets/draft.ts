import { blankDraft, draftStore } from '../../ui/draftStore';

/** The add and edit form's fields; `indicatorKey` '' means no indicator. */
export const TARGET_FIELDS = ['title', 'measure', 'indicatorKey'] as const;
export type TargetDraft = Record<(typeof TARGET_FIELDS)[number], string>;

/** A target being added (scope: tenant, unit, year) or changed (scope: tenant, target id). */
export const targetDraft = draftStore<TargetDraft>({
  prefix: 'dudao.targetDraft',
  fields: TARGET_FIELDS,
  empty: () => blankDraft(TARGET_FIELDS),
  storage: 'local',
  blankIsNone: true,
});

/** The year-end review of one target. */
export const PROGRESS_FIELDS = ['status', 'progress', 'adjustment'] as const;
export type ProgressDraft = Record<(typeof PROGRESS_FIELDS)[number], string>;

export const progressDraft = draftStore<ProgressDraft>({
  prefix: 'dudao.targetProgressDraft',
  fields: PROGRESS_FIELDS,
  empty: () => blankDraft(PROGRESS_FIELDS),
  storage: 'local',
});
