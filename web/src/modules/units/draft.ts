import type { UnitDetail } from './api';

export const UNIT_FIELDS = [
  'name',
  'kind',
  'code',
  'parentId',
  'zoneId',
  'address',
  'headName',
  'phone',
  'enrolment',
  'staffCount',
] as const;

export type UnitField = (typeof UNIT_FIELDS)[number];
export type UnitDraft = Record<UnitField, string>;

export function emptyDraft(): UnitDraft {
  const d = {} as UnitDraft;
  for (const f of UNIT_FIELDS) d[f] = '';
  return d;
}

export function draftOf(u: UnitDetail): UnitDraft {
  return {
    name: u.name,
    kind: u.kind,
    code: u.code ?? '',
    parentId: u.parent?.id ?? '',
    zoneId: u.zone?.id ?? '',
    address: u.address ?? '',
    headName: u.headName ?? '',
    phone: u.phone ?? '',
    enrolment: u.enrolment === null ? '' : String(u.enrolment),
    staffCount: u.staffCount === null ? '' : String(u.staffCount),
  };
}

// What is typed survives a reload or a dropped connection: kept per tenant and per record in
// sessionStorage (this tab) until saved or discarded. Storage can throw (private mode, full quota).
const key = (slug: string, id: string | null) => `dudao.unitDraft.${slug}.${id ?? 'new'}`;

export function loadDraft(slug: string, id: string | null): UnitDraft | null {
  try {
    const raw = sessionStorage.getItem(key(slug, id));
    if (!raw) return null;
    const saved = JSON.parse(raw) as Partial<Record<string, unknown>>;
    const d = emptyDraft();
    for (const f of UNIT_FIELDS) {
      const v = saved[f];
      if (typeof v === 'string') d[f] = v;
    }
    return d;
  } catch {
    return null;
  }
}

export function saveDraft(slug: string, id: string | null, d: UnitDraft): void {
  try {
    sessionStorage.setItem(key(slug, id), JSON.stringify(d));
  } catch {}
}

export function clearDraft(slug: string, id: string | null): void {
  try {
    sessionStorage.removeItem(key(slug, id));
  } catch {}
}
