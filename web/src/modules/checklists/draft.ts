// The editor's working copy of a template: text as typed (a score's 满分 stays a string until it is
// sent), kept for this tab through reloads until it is saved or discarded.
import type { FieldIssue } from '../../api';
import { draftStore } from '../../ui/draftStore';
import type { ChecklistBody, ChecklistItem, HazardLevel, ItemType, Rule } from './api';

export interface ItemDraft {
  /** Answers are stored by key: an existing item keeps its key for ever, new ones get the next free one. */
  key: string;
  label: string;
  type: ItemType;
  required: boolean;
  guidance: string;
  max: string;
  unit: string;
  choices: string[];
  hazardLevel: HazardLevel | '';
  /** The one rule for a “否” answer. */
  noNote: boolean;
  noPhoto: boolean;
  noFinding: boolean;
  /** The one rule for a score or number below a value (blank: none). */
  below: string;
  belowNote: boolean;
  belowPhoto: boolean;
  belowFinding: boolean;
  /** Rules the editor does not show (选中某项时), sent back as they came. */
  keep: Rule[];
}

export interface SectionDraft {
  key: string;
  title: string;
  items: ItemDraft[];
}

export interface TemplateDraft {
  name: string;
  description: string;
  note: string;
  sections: SectionDraft[];
  /** The version the edit started from (null for a new template). */
  baseVersion: number | null;
}

export function blankItem(key: string): ItemDraft {
  return {
    key,
    label: '',
    type: 'yes_no',
    required: false,
    guidance: '',
    max: '',
    unit: '',
    choices: [],
    hazardLevel: '',
    noNote: false,
    noPhoto: false,
    noFinding: false,
    below: '',
    belowNote: false,
    belowPhoto: false,
    belowFinding: false,
    keep: [],
  };
}

export function blankTemplate(): TemplateDraft {
  return {
    name: '',
    description: '',
    note: '',
    sections: [{ key: 's1', title: '', items: [blankItem('i1')] }],
    baseVersion: null,
  };
}

function itemDraft(item: ChecklistItem): ItemDraft {
  const d = blankItem(item.key);
  let below = false;
  for (const rule of item.rules ?? []) {
    const w = rule.when;
    if ('answer' in w) {
      d.noNote = d.noNote || !!rule.requireNote;
      d.noPhoto = d.noPhoto || !!rule.requirePhoto;
      d.noFinding = d.noFinding || !!rule.createFinding;
    } else if ('below' in w && !below) {
      below = true;
      d.below = String(w.below);
      d.belowNote = !!rule.requireNote;
      d.belowPhoto = !!rule.requirePhoto;
      d.belowFinding = !!rule.createFinding;
    } else d.keep.push(rule);
  }
  return {
    ...d,
    label: item.label,
    type: item.type,
    required: !!item.required,
    guidance: item.guidance ?? '',
    max: item.max === undefined ? '' : String(item.max),
    unit: item.unit ?? '',
    choices: item.choices ? item.choices.slice() : [],
    hazardLevel: item.hazardLevel ?? '',
  };
}

export function draftOf(
  template: { name: string; description: string | null; body: ChecklistBody },
  baseVersion: number | null,
): TemplateDraft {
  return {
    name: template.name,
    description: template.description ?? '',
    note: '',
    sections: template.body.sections.map((s) => ({
      key: s.key,
      title: s.title,
      items: s.items.map(itemDraft),
    })),
    baseVersion,
  };
}

/** A number as typed, or the text itself, so the server names what is wrong with it. */
function numberOf(text: string): number {
  const n = Number(text.trim());
  return (text.trim() && Number.isFinite(n) ? n : text.trim()) as number;
}

function itemBody(i: ItemDraft): ChecklistItem {
  const out: ChecklistItem = { key: i.key, label: i.label.trim(), type: i.type, required: i.required };
  if (i.guidance.trim()) out.guidance = i.guidance.trim();
  if (i.type === 'score' && i.max.trim()) out.max = numberOf(i.max);
  if (i.type === 'number' && i.unit.trim()) out.unit = i.unit.trim();
  if (i.type === 'choice') out.choices = i.choices.map((c) => c.trim()).filter(Boolean);
  if (i.hazardLevel) out.hazardLevel = i.hazardLevel;
  const rules: Rule[] = [];
  if (i.type === 'yes_no' && (i.noNote || i.noPhoto || i.noFinding)) {
    rules.push({
      when: { answer: 'no' },
      requireNote: i.noNote,
      requirePhoto: i.noPhoto,
      createFinding: i.noFinding,
    });
  }
  if ((i.type === 'score' || i.type === 'number') && i.below.trim()) {
    rules.push({
      when: { below: numberOf(i.below) },
      requireNote: i.belowNote,
      requirePhoto: i.belowPhoto,
      createFinding: i.belowFinding,
    });
  }
  for (const rule of i.keep) {
    const w = rule.when;
    if ('choice' in w && i.type === 'choice' && (out.choices ?? []).indexOf(w.choice) >= 0) rules.push(rule);
  }
  if (rules.length) out.rules = rules;
  return out;
}

export function bodyOf(d: TemplateDraft): ChecklistBody {
  return {
    sections: d.sections.map((s) => ({ key: s.key, title: s.title.trim(), items: s.items.map(itemBody) })),
  };
}

/**
 * The next free key like `i7`: past every numbered key of the draft and of the version it started
 * from, so an item removed and another added in one edit never share a key.
 */
export function nextKey(prefix: 's' | 'i', d: TemplateDraft, base: readonly string[] = []): string {
  const keys =
    prefix === 's' ? d.sections.map((s) => s.key) : d.sections.flatMap((s) => s.items.map((i) => i.key));
  let n = 0;
  for (const key of keys.concat(base)) {
    const m = new RegExp(`^${prefix}(\\d+)$`).exec(key);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return `${prefix}${n + 1}`;
}

/** Every key a body uses. */
export function keysOf(body: ChecklistBody): string[] {
  return body.sections.flatMap((s) => [s.key, ...s.items.map((i) => i.key)]);
}

/**
 * Where the server's complaints go: `name`, `description`, `note`; `s:<key>:title` and `s:<key>:`
 * for a section; `i:<key>:<field>` and `i:<key>:` for an item (body.sections.0.items.2.max → the
 * max of that item). What belongs nowhere is listed in the banner.
 */
export function placeIssues(sent: TemplateDraft, issues: FieldIssue[]) {
  const placed: Record<string, string> = {};
  const rest: string[] = [];
  for (const issue of issues) {
    const p = String(issue.path ?? '').split('.');
    let at: string | null = null;
    if (p.length === 1 && (p[0] === 'name' || p[0] === 'description' || p[0] === 'note')) at = p[0];
    else if (p[0] === 'body' && p[1] === 'sections' && p[2] !== undefined) {
      const sec = sent.sections[Number(p[2])];
      const item = p[3] === 'items' && p[4] !== undefined ? sec?.items[Number(p[4])] : undefined;
      if (item) at = `i:${item.key}:${p[5] ?? ''}`;
      else if (sec) at = `s:${sec.key}:${p[3] === 'title' ? 'title' : ''}`;
    }
    if (at && !placed[at]) placed[at] = issue.message;
    else if (!at) rest.push(issue.message);
  }
  return { placed, rest };
}

interface StoredDraft {
  name: string;
  description: string;
  note: string;
  sections: string;
  baseVersion: string;
}

const store = draftStore<StoredDraft>({
  prefix: 'dudao.checklistDraft',
  fields: ['name', 'description', 'note', 'sections', 'baseVersion'],
  empty: () => ({ name: '', description: '', note: '', sections: '', baseVersion: '' }),
  blankIsNone: true,
});

/** One template's draft (or the new template's) of one tenant and module, for this tab. */
export function templateDraft(slug: string, module: string, id: string | null) {
  const slot = store(slug, module, id);
  return {
    load(): TemplateDraft | null {
      const saved = slot.load();
      if (!saved) return null;
      try {
        const sections = JSON.parse(saved.sections) as SectionDraft[];
        if (!Array.isArray(sections)) return null;
        return {
          name: saved.name,
          description: saved.description,
          note: saved.note,
          // Fields a draft of an older page lacks take their blank values.
          sections: sections.map((s) => ({
            key: String(s.key),
            title: String(s.title ?? ''),
            items: (s.items ?? []).map((i) => ({ ...blankItem(String(i.key)), ...i })),
          })),
          baseVersion: saved.baseVersion ? Number(saved.baseVersion) : null,
        };
      } catch {
        return null;
      }
    },
    save(d: TemplateDraft) {
      slot.save({
        name: d.name,
        description: d.description,
        note: d.note,
        sections: JSON.stringify(d.sections),
        baseVersion: d.baseVersion === null ? '' : String(d.baseVersion),
      });
    },
    clear: slot.clear,
  };
}
