import { blankDraft, draftStore } from '../../ui/draftStore';

export const SIGNUP_FIELDS = [
  'orgName',
  'kind',
  'regionCode',
  'province',
  'city',
  'contactName',
  'contactPhone',
  'contactEmail',
  'desiredSlug',
  'note',
] as const;

export type SignupField = (typeof SIGNUP_FIELDS)[number];
export type SignupDraft = Record<SignupField, string>;

export function emptyDraft(): SignupDraft {
  return blankDraft(SIGNUP_FIELDS);
}

// A long form typed on a phone must survive a dropped connection, a reload or a closed tab.
export const signupDraft = draftStore({
  prefix: 'dudao.signupDraft',
  fields: SIGNUP_FIELDS,
  empty: emptyDraft,
  storage: 'local',
  blankIsNone: true,
});
