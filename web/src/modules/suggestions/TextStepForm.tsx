import { createSignal, Show } from 'solid-js';
import { texts } from '../../texts';
import { suggestionsTexts } from '../../texts/suggestions';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { TextAreaField } from '../../ui/TextAreaField';
import { storedText, storeText } from './draft';

interface Props {
  id: string;
  title: string;
  label: string;
  hint?: string;
  /** The field name the server's 422 uses for this text. */
  field: string;
  draftKey: string;
  submitLabel: string;
  maxLength: number;
  variant?: 'primary' | 'secondary';
  onSend: (text: string) => Promise<void>;
}

/** One step that is a single required text (the answer, the closing note); kept until sent. */
export function TextStepForm(props: Props) {
  const [value, setValue] = createSignal(storedText(props.draftKey));
  const errors = createFormErrors([props.field], props.id);
  return (
    <form
      class="form card section"
      novalidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!value().trim()) {
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
      <TextAreaField
        id={`${props.id}-${props.field}`}
        label={props.label}
        hint={props.hint}
        rows={4}
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
          {errors.busy() ? suggestionsTexts.saving : props.submitLabel}
        </Button>
      </div>
    </form>
  );
}
