import { blankDraft, draftStore } from '../../ui/draftStore';
import type { InspectorDetail } from './api';

export const INSPECTOR_FIELDS = [
  'name',
  'type',
  'certificateNo',
  'termStart',
  'termEnd',
  'trainingHours',
  'phone',
  'email',
  'workplace',
  'userId',
] as const;

export type InspectorField = (typeof INSPECTOR_FIELDS)[number];
/** The form's fields, plus how the linked account reads (name and username) while it is not re-fetched. */
export type InspectorDraft = Record<InspectorField | 'userLabel', string>;
const DRAFT_KEYS = [...INSPECTOR_FIELDS, 'userLabel'] as const;

export function accountLabel(user: { displayName: string; username: string }): string {
  return `${user.displayName}（${user.username}）`;
}

export function emptyDraft(): InspectorDraft {
  return { ...blankDraft(DRAFT_KEYS), trainingHours: '0' };
}

export function draftOf(record: InspectorDetail): InspectorDraft {
  return {
    name: record.name,
    type: record.type,
    certificateNo: record.certificateNo ?? '',
    termStart: record.termStart ?? '',
    termEnd: record.termEnd ?? '',
    trainingHours: String(record.trainingHours),
    phone: record.phone ?? '',
    email: record.email ?? '',
    workplace: record.workplace ?? '',
    userId: record.user?.id ?? '',
    userLabel: record.user ? accountLabel(record.user) : '',
  };
}

// Kept per tenant and record for this tab, until saved or discarded.
export const inspectorDraft = draftStore({
  prefix: 'dudao.inspectorDraft',
  fields: DRAFT_KEYS,
  empty: emptyDraft,
});
