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
  const d = {} as InspectorDraft;
  for (const f of DRAFT_KEYS) d[f] = '';
  d.trainingHours = '0';
  return d;
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

// What is typed survives a reload or a dropped connection: kept per tenant and per record in
// sessionStorage (this tab) until saved or discarded. Storage can throw (private mode, full quota).
const key = (slug: string, id: string | null) => `dudao.inspectorDraft.${slug}.${id ?? 'new'}`;

export function loadDraft(slug: string, id: string | null): InspectorDraft | null {
  try {
    const raw = sessionStorage.getItem(key(slug, id));
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<Record<string, unknown>>;
    const d = emptyDraft();
    for (const f of DRAFT_KEYS) {
      const v = saved[f];
      if (typeof v === 'string') d[f] = v;
    }
    return d;
  } catch {
    return null;
  }
}

export function saveDraft(slug: string, id: string | null, d: InspectorDraft): void {
  try {
    sessionStorage.setItem(key(slug, id), JSON.stringify(d));
  } catch {}
}

export function clearDraft(slug: string, id: string | null): void {
  try {
    sessionStorage.removeItem(key(slug, id));
  } catch {}
}
