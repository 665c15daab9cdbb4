import type { Account } from './api';

export const ACCOUNT_FIELDS = ['username', 'displayName', 'role', 'unitId', 'phone'] as const;
export type AccountField = (typeof ACCOUNT_FIELDS)[number];
export type AccountDraft = Record<AccountField, string> & { unitName: string };

export function emptyDraft(): AccountDraft {
  return { username: '', displayName: '', role: '', unitId: '', phone: '', unitName: '' };
}

export function draftOf(user: Account): AccountDraft {
  return {
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    unitId: user.unit?.id ?? '',
    unitName: user.unit?.name ?? '',
    phone: user.phone ?? '',
  };
}

// What is typed survives a reload or a dropped connection: per tenant and account in sessionStorage
// (this tab) until saved or discarded. Storage can throw (private mode, full quota).
const key = (slug: string, id: string | null) => `dudao.accountDraft.${slug}.${id ?? 'new'}`;

export function loadDraft(slug: string, id: string | null): AccountDraft | null {
  try {
    const raw = sessionStorage.getItem(key(slug, id));
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<Record<string, unknown>>;
    const d = emptyDraft();
    for (const f of [...ACCOUNT_FIELDS, 'unitName'] as const) {
      const v = saved[f];
      if (typeof v === 'string') d[f] = v;
    }
    return d;
  } catch {
    return null;
  }
}

export function saveDraft(slug: string, id: string | null, d: AccountDraft): void {
  try {
    sessionStorage.setItem(key(slug, id), JSON.stringify(d));
  } catch {}
}

export function clearDraft(slug: string, id: string | null): void {
  try {
    sessionStorage.removeItem(key(slug, id));
  } catch {}
}
