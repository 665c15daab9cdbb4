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

const KEY = 'dudao.signupDraft';

export function emptyDraft(): SignupDraft {
  const d = {} as SignupDraft;
  for (const f of SIGNUP_FIELDS) d[f] = '';
  return d;
}

// A long form typed on a phone must survive a dropped connection, a reload or a closed tab.
// Storage can throw (private mode, full quota); then the draft simply is not kept.
export function loadDraft(): SignupDraft | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<Record<string, unknown>>;
    const d = emptyDraft();
    let any = false;
    for (const f of SIGNUP_FIELDS) {
      const v = saved[f];
      if (typeof v === 'string') {
        d[f] = v;
        any = any || v !== '';
      }
    }
    return any ? d : null;
  } catch {
    return null;
  }
}

export function saveDraft(d: SignupDraft): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(d));
  } catch {}
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {}
}
