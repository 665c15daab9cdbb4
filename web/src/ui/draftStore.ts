// What is typed survives a reload, a dropped connection or (in localStorage) a closed tab, until it
// is sent or discarded. Storage can throw (private mode, full quota); then nothing is kept and the
// form simply starts from its usual values.

/** One saved draft: where a form's values are read from, written to and removed. */
export interface DraftSlot<D> {
  load: () => D | null;
  save: (draft: D) => void;
  clear: () => void;
}

interface DraftSpec<D> {
  /** The key's first part; the scope given to the slot follows, joined with dots. */
  prefix: string;
  /** The string fields kept; anything else saved under the key is ignored when it is read back. */
  fields: readonly (keyof D & string)[];
  empty: () => D;
  /** 'local' keeps the draft after the tab is closed; 'session' (the default) only for this tab. */
  storage?: 'local' | 'session';
  /** A draft whose fields are all blank counts as none (nothing to say “restored” about). */
  blankIsNone?: boolean;
}

/**
 * The drafts of one form: `slot(...scope)` is the draft of one tenant and record (or unit, or user),
 * stored under `prefix.scope…`; a record not created yet (null) is `new`. The keys are those the
 * forms used before, so a draft typed before an update still restores.
 */
export function draftStore<D extends object>(
  spec: DraftSpec<D>,
): (...scope: (string | null)[]) => DraftSlot<D> {
  const storage = () => (spec.storage === 'local' ? localStorage : sessionStorage);
  return (...scope) => {
    const key = [spec.prefix, ...scope.map((part) => part ?? 'new')].join('.');
    return {
      load: () => {
        try {
          const raw = storage().getItem(key);
          if (!raw) return null;
          const saved = JSON.parse(raw) as Partial<Record<string, unknown>>;
          const draft = spec.empty();
          let typed = false;
          for (const f of spec.fields) {
            const v = saved[f];
            if (typeof v === 'string') {
              (draft as Record<string, string>)[f] = v;
              typed = typed || v !== '';
            }
          }
          return typed || !spec.blankIsNone ? draft : null;
        } catch {
          return null;
        }
      },
      save: (draft) => {
        try {
          storage().setItem(key, JSON.stringify(draft));
        } catch {}
      },
      clear: () => {
        try {
          storage().removeItem(key);
        } catch {}
      },
    };
  };
}

/** One step's text (a note, an answer) kept for this tab until it is sent. */
export function storedText(key: string): string {
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}

export function storeText(key: string, value: string): void {
  try {
    if (value) sessionStorage.setItem(key, value);
    else sessionStorage.removeItem(key);
  } catch {}
}

/** A draft with every field blank, in the order of `fields`. */
export function blankDraft<F extends string>(fields: readonly F[]): Record<F, string> {
  // A loop, not Object.fromEntries: the oldest phones we support (Chrome 64, Safari 11.1) lack it.
  const draft = {} as Record<F, string>;
  for (const f of fields) draft[f] = '';
  return draft;
}
