import { createSignal, Show } from 'solid-js';
import { texts } from '../../texts';
import { zonesTexts } from '../../texts/zones';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { TextField } from '../../ui/TextField';

const s = zonesTexts;
const FIELDS = ['name', 'note'] as const;

/** A zone's name and note as typed, with their errors: the state of the new-zone and edit-zone forms. */
export function createZoneFields(idPrefix: string, initial: { name: string; note: string }) {
  const [name, setName] = createSignal(initial.name);
  const [note, setNote] = createSignal(initial.note);
  const errors = createFormErrors(FIELDS, idPrefix);
  return {
    idPrefix,
    name,
    setName,
    note,
    setNote,
    errors,
    values: () => ({ name: name(), note: note() }),
    /** Marks a missing name; true when the form may be sent. */
    check: () => {
      if (name().trim()) return true;
      errors.setLocal({ name: texts.common.required(s.name) });
      return false;
    },
  };
}

type ZoneFieldsState = ReturnType<typeof createZoneFields>;

/** The name and note fields, then the form's error banner. */
export function ZoneFields(props: { state: ZoneFieldsState }) {
  const f = () => props.state;
  return (
    <>
      <TextField
        id={`${f().idPrefix}-name`}
        label={s.name}
        value={f().name()}
        onValue={(v) => {
          f().setName(v);
          f().errors.clearField('name');
        }}
        error={f().errors.field('name')}
        maxLength={30}
        autocomplete="off"
      />
      <TextField
        id={`${f().idPrefix}-note`}
        label={s.note}
        optional
        value={f().note()}
        onValue={(v) => {
          f().setNote(v);
          f().errors.clearField('note');
        }}
        error={f().errors.field('note')}
        maxLength={200}
        autocomplete="off"
      />
      <Show when={f().errors.banner()}>
        {(b) => <ErrorBanner message={b().message} details={b().details} />}
      </Show>
    </>
  );
}
