// The editor's working copy of a rubric, as typed (full marks stay strings until sent), kept for
// this tab through reloads by web/src/ui/draftForm.ts: the sections travel as one JSON text field.
import { draftStore } from '../../ui/draftStore';
import type { RubricBody } from './api';

export interface ItemDraft {
  /** Scores are stored by key: an item keeps its key for ever; new ones get the next free one. */
  key: string;
  label: string;
  max: string;
  hint: string;
}

export interface SectionDraft {
  key: string;
  title: string;
  items: ItemDraft[];
}

/** `baseVersion`: the version the edit started from, so a draft restored after someone else saved is refused (409), not laid over their version. */
export const DRAFT_FIELDS = ['name', 'excellent', 'good', 'pass', 'sections', 'baseVersion'] as const;
export type DraftField = (typeof DRAFT_FIELDS)[number];
export type RubricDraft = Record<DraftField, string>;

export const rubricDrafts = draftStore<RubricDraft>({
  prefix: 'dudao.rubricDraft',
  fields: DRAFT_FIELDS,
  empty: () => blankDraft(),
});

export function blankDraft(): RubricDraft {
  const sections: SectionDraft[] = [
    { key: 's1', title: '', items: [{ key: 'i1', label: '', max: '', hint: '' }] },
  ];
  return {
    name: '',
    excellent: '90',
    good: '75',
    pass: '60',
    sections: JSON.stringify(sections),
    baseVersion: '',
  };
}

export function draftOf(name: string, body: RubricBody, baseVersion: number): RubricDraft {
  const sections: SectionDraft[] = body.sections.map((s) => ({
    key: s.key,
    title: s.title,
    items: s.items.map((i) => ({ key: i.key, label: i.label, max: String(i.max), hint: i.hint ?? '' })),
  }));
  return {
    name,
    excellent: String(body.bands.excellent),
    good: String(body.bands.good),
    pass: String(body.bands.pass),
    sections: JSON.stringify(sections),
    baseVersion: String(baseVersion),
  };
}

export function sectionsOf(draft: RubricDraft): SectionDraft[] {
  try {
    const parsed = JSON.parse(draft.sections) as SectionDraft[];
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** A typed number as a number; anything else stays as typed, for the schema to name it. */
function numberOf(text: string): number | string {
  const t = text.trim();
  return t !== '' && Number.isFinite(Number(t)) ? Number(t) : t;
}

/** What is sent: the body as the server's schema reads it (it, not this, decides what is valid). */
export function bodyOf(draft: RubricDraft) {
  return {
    sections: sectionsOf(draft).map((s) => ({
      key: s.key,
      title: s.title,
      items: s.items.map((i) => ({
        key: i.key,
        label: i.label,
        max: numberOf(i.max),
        ...(i.hint.trim() ? { hint: i.hint } : {}),
      })),
    })),
    bands: { excellent: numberOf(draft.excellent), good: numberOf(draft.good), pass: numberOf(draft.pass) },
  };
}

/** The next free key with this prefix (`i9` after i1…i8), never reusing one of the rubric's. */
export function nextKey(prefix: string, used: string[]): string {
  let n = used.length + 1;
  while (used.indexOf(`${prefix}${n}`) >= 0) n++;
  return `${prefix}${n}`;
}

/** The full marks as typed so far: items whose 满分 is not a number count 0. */
export function typedTotal(items: { max: string }[]): number {
  return items.reduce((n, i) => n + (Number.isFinite(Number(i.max)) ? Number(i.max) : 0), 0);
}
