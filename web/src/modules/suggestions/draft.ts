import type { SuggestionForm } from './api';

// A suggestion typed on a phone survives a reload, a dropped connection or a closed tab until it is
// sent. Kept per tenant and user, so a shared phone never shows one person's draft to another.
// Storage can throw (private mode, full quota); then the draft simply is not kept.
const key = (slug: string, userId: string) => `dudao.suggestionDraft.${slug}.${userId}`;

export function emptySuggestion(): SuggestionForm {
  return { title: '', body: '', category: '' };
}

export function loadSuggestionDraft(slug: string, userId: string): SuggestionForm | null {
  try {
    const raw = localStorage.getItem(key(slug, userId));
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<Record<keyof SuggestionForm, unknown>>;
    const d = emptySuggestion();
    for (const f of ['title', 'body', 'category'] as const) {
      const v = saved[f];
      if (typeof v === 'string') d[f] = v;
    }
    return d.title || d.body || d.category ? d : null;
  } catch {
    return null;
  }
}

export function saveSuggestionDraft(slug: string, userId: string, d: SuggestionForm): void {
  try {
    localStorage.setItem(key(slug, userId), JSON.stringify(d));
  } catch {}
}

export function clearSuggestionDraft(slug: string, userId: string): void {
  try {
    localStorage.removeItem(key(slug, userId));
  } catch {}
}

/** One step's text (answer, note) on one suggestion, kept for this tab until sent. */
export function storedText(k: string): string {
  try {
    return sessionStorage.getItem(k) ?? '';
  } catch {
    return '';
  }
}

export function storeText(k: string, value: string): void {
  try {
    if (value) sessionStorage.setItem(k, value);
    else sessionStorage.removeItem(k);
  } catch {}
}
