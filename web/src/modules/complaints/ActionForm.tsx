import { createSignal, type JSX, Show } from 'solid-js';
import { texts } from '../../texts';
import { complaintsTexts } from '../../texts/complaints';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { TextAreaField } from '../../ui/TextAreaField';

// Typed text survives a reload until it is sent (sessionStorage: one tab, one complaint, one action).
function stored(key: string): string {
  try {
    return sessionStorage.getItem(key) ?? '';
  } catch {
    return '';
  }
}
function store(key: string, value: string): void {
  try {
    if (value) sessionStorage.setItem(key, value);
    else sessionStorage.removeItem(key);
  } catch {}
}

interface Props {
  id: string;
  title: string;
  label: string;
  /** The field name the server's 422 uses for this text. */
  field: string;
  required: boolean;
  draftKey: string;
  submitLabel: string;
  /** More controls above the text (e.g. the inspector to assign to). */
  extra?: JSX.Element;
  initial?: string;
  onSend: (text: string) => Promise<void>;
}

/** One step on a complaint: a text and a button; errors from the server land on the field. */
export function ActionForm(props: Props) {
  const [value, setValue] = createSignal(stored(props.draftKey) || props.initial || '');
  const errors = createFormErrors([props.field], props.id);
  return (
    <form
      class="form card section"
      onSubmit={(e) => {
        e.preventDefault();
        if (props.required && !value().trim()) {
          errors.setLocal({ [props.field]: texts.common.required(props.label) });
          return;
        }
        void errors.run(async () => {
          await props.onSend(value().trim());
          store(props.draftKey, '');
          setValue('');
        });
      }}
    >
      <h2>{props.title}</h2>
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      {props.extra}
      <TextAreaField
        id={`${props.id}-${props.field}`}
        label={props.label}
        optional={!props.required}
        rows={3}
        maxLength={1000}
        value={value()}
        onValue={(v) => {
          setValue(v);
          store(props.draftKey, v);
          errors.clearField(props.field);
        }}
        error={errors.field(props.field)}
      />
      <div class="actions">
        <Button type="submit" variant="primary" busy={errors.busy()}>
          {errors.busy() ? complaintsTexts.saving : props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
