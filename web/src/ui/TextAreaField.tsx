import { describedBy, Field, type FieldFrameProps } from './Field';

interface TextAreaFieldProps extends FieldFrameProps {
  value: string;
  onValue: (value: string) => void;
  rows?: number;
  maxLength?: number;
}

export function TextAreaField(props: TextAreaFieldProps) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error} optional={props.optional}>
      <textarea
        id={props.id}
        name={props.id}
        rows={props.rows ?? 3}
        maxLength={props.maxLength}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </Field>
  );
}
