import { createSignal } from 'solid-js';
import { toApiError } from '../api';
import { texts } from '../texts';

export interface BannerState {
  message: string;
  details: string[];
}

/**
 * Errors of one form: a banner for the whole form and one message per field. A 422's
 * `details.issues[].path` (valibot dot path, e.g. "contactPhone") picks the field by its first segment;
 * issues for no known field are listed in the banner so nothing the server said is lost.
 */
export function createFormErrors<F extends string>(fields: readonly F[], idPrefix: string) {
  const [banner, setBanner] = createSignal<BannerState | null>(null);
  const [byField, setByField] = createSignal<Partial<Record<F, string>>>({});
  const [busy, setBusy] = createSignal(false);

  const focusFirst = (errors: Partial<Record<F, string>>) => {
    const first = fields.find((f) => errors[f]);
    if (first) document.getElementById(`${idPrefix}-${first}`)?.focus();
  };

  const setFromError = (err: unknown): void => {
    const e = toApiError(err);
    const errors: Partial<Record<F, string>> = {};
    const details: string[] = [];
    for (const issue of e.issues) {
      const key = String(issue.path ?? '').split('.')[0] as F;
      if ((fields as readonly string[]).indexOf(key) >= 0 && !errors[key]) errors[key] = issue.message;
      else details.push(issue.message);
    }
    setByField(() => errors);
    setBanner({ message: e.message, details });
    focusFirst(errors);
  };

  const clear = () => {
    setBanner(null);
    setByField({});
  };

  return {
    banner,
    /** True while `run` is sending the form. */
    busy,
    /** Sends the form: clears old errors, keeps `busy` while `send` runs, shows what the server said if it fails. */
    async run(send: () => Promise<void>) {
      clear();
      setBusy(true);
      try {
        await send();
      } catch (err) {
        setFromError(err);
      } finally {
        setBusy(false);
      }
    },
    field: (name: F) => byField()[name],
    clear,
    /** Typing in a field retires its message; the banner stays until the next submit. */
    clearField(name: F) {
      if (!byField()[name]) return;
      const next = { ...byField() };
      delete next[name];
      setByField(() => next);
    },
    setLocal(errors: Partial<Record<F, string>>) {
      setByField(() => errors);
      setBanner({ message: texts.common.fixFields, details: [] });
      focusFirst(errors);
    },
    setFromError,
  };
}
