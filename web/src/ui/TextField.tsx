import { type JSX, splitProps } from 'solid-js';
import { describedBy, Field, type FieldFrameProps } from './Field';

type InputAttrs = Omit<JSX.InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onInput'>;

interface TextFieldProps extends FieldFrameProps, InputAttrs {
  value: string;
  onValue: (value: string) => void;
}

export function TextField(props: TextFieldProps) {
  const [frame, own, rest] = splitProps(
    props,
    ['id', 'label', 'hint', 'error', 'optional'],
    ['value', 'onValue'],
  );
  return (
    <Field {...frame}>
      <input
        id={frame.id}
        name={frame.id}
        type="text"
        {...rest}
        value={own.value}
        onInput={(e) => own.onValue(e.currentTarget.value)}
        aria-invalid={frame.error ? 'true' : undefined}
        aria-describedby={describedBy(frame)}
      />
    </Field>
  );
}
