import { createEffect, createSignal, on } from 'solid-js';
import type { DraftSlot } from './draftStore';
import { createFormErrors } from './formErrors';

interface DraftFormOptions<F extends string, D extends Record<F, string>> {
  /** Where the typed values are kept until the form is sent or the draft discarded. */
  slot: DraftSlot<D>;
  /** The values without a draft: the record as saved, or a blank form. */
  initial: D;
  fields: readonly F[];
  /** Prefix of the fields' element ids (`unit` gives `unit-name`), for focus and error ids. */
  idPrefix: string;
}

/**
 * A form of text fields whose values survive a reload: it starts from its saved draft when there is
 * one (`restored`) and saves again on every change. `field(name, label)` gives a field's props.
 */
export function createDraftForm<F extends string, D extends Record<F, string>>(opts: DraftFormOptions<F, D>) {
  const saved = opts.slot.load();
  const [draft, setDraft] = createSignal<D>(saved ?? opts.initial);
  createEffect(on(draft, (d) => opts.slot.save(d), { defer: true }));
  const errors = createFormErrors(opts.fields, opts.idPrefix);

  const set = (name: F) => (value: string) => {
    setDraft(() => ({ ...draft(), [name]: value }));
    errors.clearField(name);
  };
  return {
    draft,
    setDraft,
    errors,
    restored: saved !== null,
    /** Back to `initial` (the record as saved), and no error messages about the dropped text. */
    discard: () => {
      opts.slot.clear();
      setDraft(() => opts.initial);
      errors.clear();
    },
    /** After the form is sent: the draft is done with. */
    clear: opts.slot.clear,
    /** Typing in a field: its new value, and its error message retired. */
    set,
    /**
     * The form's submit handler: `check` finds what is wrong before anything is sent (shown on the
     * fields), then `send` runs with `errors.busy` set and the server's complaints land on the fields.
     */
    onSubmit:
      (check: (d: D) => Partial<Record<F, string>>, send: (d: D) => Promise<void>) => async (e: Event) => {
        e.preventDefault();
        if (errors.busy()) return;
        const local = check(draft());
        if (Object.keys(local).length) return errors.setLocal(local);
        await errors.run(() => send(draft()));
      },
    field: (name: F, label: string, extra: { hint?: string; optional?: boolean } = {}) => ({
      id: `${opts.idPrefix}-${name}`,
      label,
      value: draft()[name],
      onValue: set(name),
      error: errors.field(name),
      ...extra,
    }),
  };
}
