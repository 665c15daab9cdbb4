import { createSignal, type JSX, Show } from 'solid-js';
import { toApiError } from '../../api';
import { evaluationTexts as s } from '../../texts/evaluation';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { readFileBytes } from '../../ui/readFile';
import type { RowError } from '../imports/api';
import { ImportErrors } from '../imports/ImportErrors';

/**
 * A scheme sheet sent to the server, with the other fields of its form (`children`) above the file.
 * The file is read once when chosen, so what is sent is what was chosen; the server names every bad
 * row, shown here row by row.
 */
export function SheetUpload(props: {
  id: string;
  hint: string;
  children?: JSX.Element;
  send: (file: File) => Promise<string>;
}) {
  const [file, setFile] = createSignal<File | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal<string | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);
  const [rowErrors, setRowErrors] = createSignal<{ errors: RowError[]; total: number } | null>(null);

  const choose = async (chosen: File | null) => {
    setFile(null);
    setDone(null);
    if (!chosen) return;
    try {
      setFile(new File([await readFileBytes(chosen)], chosen.name, { type: chosen.type }));
    } catch {
      setMessage(s.unreadable);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    const chosen = file();
    setMessage(null);
    setRowErrors(null);
    setDone(null);
    if (!chosen) {
      setMessage(s.noFile);
      return;
    }
    setBusy(true);
    try {
      setDone(await props.send(chosen));
    } catch (err) {
      const error = toApiError(err);
      const errors = error.details?.errors;
      if (Array.isArray(errors) && errors.length > 0) {
        setRowErrors({
          errors: errors as RowError[],
          total: Number(error.details?.errorCount ?? errors.length),
        });
      } else setMessage(error.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="form" onSubmit={submit} novalidate>
      <p class="field-hint">{props.hint}</p>
      {props.children}
      <Field id={props.id} label={s.file}>
        <input
          id={props.id}
          type="file"
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onClick={(e) => {
            e.currentTarget.value = '';
          }}
          onChange={(e) => void choose(e.currentTarget.files?.[0] ?? null)}
        />
      </Field>
      <Show when={message()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <Show when={rowErrors()}>{(r) => <ImportErrors errors={r().errors} total={r().total} />}</Show>
      <Show when={done()}>{(d) => <Notice>{d()}</Notice>}</Show>
      <p class="actions">
        <Button type="submit" variant="primary" busy={busy()}>
          {busy() ? s.importing : s.importButton}
        </Button>
      </p>
    </form>
  );
}
