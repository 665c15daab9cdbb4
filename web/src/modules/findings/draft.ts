import { blankDraft, draftStore } from '../../ui/draftStore';

export const FINDING_FIELDS = [
  'unitId',
  'unitName',
  'category',
  'severity',
  'description',
  'requirement',
  'responsiblePerson',
  'deadline',
  'visitId',
] as const;

export type FindingField = (typeof FINDING_FIELDS)[number];
export type FindingDraft = Record<FindingField, string>;

export function emptyFindingDraft(): FindingDraft {
  return blankDraft(FINDING_FIELDS);
}

/** A new finding of one tenant and module, kept on this device until it is saved or discarded. */
export const findingDraft = draftStore<FindingDraft>({
  prefix: 'dudao.findingDraft',
  fields: FINDING_FIELDS,
  empty: emptyFindingDraft,
  storage: 'local',
  blankIsNone: true,
});

export const REPORT_FIELDS = ['note'] as const;
export type ReportDraft = Record<(typeof REPORT_FIELDS)[number], string>;

/**
 * A unit's rectification report of one finding (the note; its photos are in photoStore), kept on
 * this device after the tab is closed, until it is sent.
 */
export const reportDraft = draftStore<ReportDraft>({
  prefix: 'dudao.findingReport',
  fields: REPORT_FIELDS,
  empty: () => blankDraft(REPORT_FIELDS),
  storage: 'local',
  blankIsNone: true,
});
