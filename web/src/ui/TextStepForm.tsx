import { createSignal, type JSX, Show } from 'solid-js';
import { texts } from '../texts';
import { Button } from './Button';
import { storedText, storeText } from './draftStore';
import { ErrorBanner } from './ErrorBanner';
import { createFormErrors } from './formErrors';
import { TextAreaField } from './TextAreaField';

interface TextStepFormProps {
  id: string;
  title: string;
  label: string;
  hint?: string;
  /** The field name the server's 422 uses for this text. */
  field: string;
  /** An optional text (a note on closing) may be sent empty; required unless said otherwise. */
  required?: boolean;
  /** Where the typed text is kept for this tab until it is sent (one record, one step). */
  draftKey: string;
  submitLabel: string;
  savingLabel: string;
  rows: number;
  maxLength: number;
  variant?: 'primary' | 'secondary';
  /** More controls above the text (e.g. the inspector to assign to). */
  extra?: JSX.Element;
  onSend: (text: string) => Promise<void>;
}

/** One step on a record (answer, note, close) that is a text and a button; server errors land on the field. */
export function TextStepForm(props: TextStepFormProps) {
  const required = () => props.required ?? true;
  const [value, setValue] = createSignal(storedText(props.draftKey));
  const errors = createFormErrors([props.field], props.id);
  return (
    <form
      class="form card section"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        if (required() && !value().trim()) {
          errors.setLocal({ [props.field]: texts.common.required(props.label) });
          return;
        }
        void errors.run(async () => {
          await props.onSend(value().trim());
          storeText(props.draftKey, '');
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
        hint={props.hint}
        optional={!required()}
        rows={props.rows}
        maxLength={props.maxLength}
        value={value()}
        onValue={(v) => {
          setValue(v);
          storeText(props.draftKey, v);
          errors.clearField(props.field);
        }}
        error={errors.field(props.field)}
      />
      <div class="actions">
        <Button type="submit" variant={props.variant ?? 'primary'} busy={errors.busy()}>
          {errors.busy() ? props.savingLabel : props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
