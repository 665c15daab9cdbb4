import type { ComplaintForm } from './api';

// What the sender typed survives a reload, a closed tab or a dropped connection, until it is sent.
// One draft per unit. Storage can throw (private mode, full quota); then nothing is kept.
const key = (slug: string, unitId: string) => `dudao.complaintDraft.${slug}.${unitId}`;

export function emptyForm(): ComplaintForm {
  return { category: '', topic: '', body: '', contactName: '', contactPhone: '' };
}

export function loadDraft(slug: string, unitId: string): ComplaintForm | null {
  try {
    const raw = localStorage.getItem(key(slug, unitId));
    if (!raw) return null;
    const saved = JSON.parse(raw) as Record<string, unknown>;
    const form = emptyForm();
    let any = false;
    for (const f of Object.keys(form) as (keyof ComplaintForm)[]) {
      const v = saved[f];
      if (typeof v === 'string') {
        (form as unknown as Record<string, string>)[f] = v;
        any = any || v !== '';
      }
    }
    return any ? form : null;
  } catch {
    return null;
  }
}

export function saveDraft(slug: string, unitId: string, form: ComplaintForm): void {
  try {
    localStorage.setItem(key(slug, unitId), JSON.stringify(form));
  } catch {}
}

export function clearDraft(slug: string, unitId: string): void {
  try {
    localStorage.removeItem(key(slug, unitId));
  } catch {}
}
