import { blankDraft, draftStore } from '../../../ui/draftStore';

/**
 * The new-round form's fields. `unitIds` holds the chosen units as JSON ([{ id, name }]) and
 * `reviewers` the team as JSON ([{ userId, lead }]): a draft keeps strings only.
 */
export const ROUND_FIELDS = [
  'name',
  'schemeId',
  'schemeVersion',
  'schoolYear',
  'startsOn',
  'endsOn',
  'selfDeadline',
  'reviewDeadline',
  'replyDeadline',
  'unitIds',
  'reviewers',
] as const;

export type RoundField = (typeof ROUND_FIELDS)[number];
export type RoundDraft = Record<RoundField, string>;

export interface ChosenUnit {
  id: string;
  name: string;
}

export interface ChosenReviewer {
  userId: string;
  lead: boolean;
}

function parseList<T>(raw: string, ok: (x: Record<string, unknown>) => boolean): T[] {
  if (!raw) return [];
  try {
    const list = JSON.parse(raw) as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter((x) => typeof x === 'object' && x !== null && ok(x)) as T[];
  } catch {
    return [];
  }
}

export const chosenUnits = (d: RoundDraft) =>
  parseList<ChosenUnit>(d.unitIds, (u) => typeof u.id === 'string' && typeof u.name === 'string');

export const chosenReviewers = (d: RoundDraft) =>
  parseList<ChosenReviewer>(d.reviewers, (r) => typeof r.userId === 'string' && typeof r.lead === 'boolean');

export const emptyRoundDraft = (): RoundDraft => blankDraft(ROUND_FIELDS);

/** A new round of one tenant, kept on this device after the tab is closed until created or discarded. */
export const roundDraft = draftStore<RoundDraft>({
  prefix: 'dudao.roundDraft',
  fields: ROUND_FIELDS,
  empty: emptyRoundDraft,
  storage: 'local',
  blankIsNone: true,
});
