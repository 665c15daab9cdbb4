import { For, Show } from 'solid-js';
import { describedBy, Field, type FieldFrameProps } from './Field';

export interface Option {
  value: string;
  label: string;
}

interface SelectFieldProps extends FieldFrameProps {
  value: string;
  onValue: (value: string) => void;
  options: Option[];
  /** The empty first option, e.g. 请选择 or 全部类型. */
  placeholder?: string;
}

export function SelectField(props: SelectFieldProps) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint} error={props.error} optional={props.optional}>
      <select
        id={props.id}
        name={props.id}
        value={props.value}
        onChange={(e) => props.onValue(e.currentTarget.value)}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        <Show when={props.placeholder !== undefined}>
          <option value="">{props.placeholder}</option>
        </Show>
        <For each={props.options}>
          {(o) => (
            <option value={o.value} selected={o.value === props.value}>
              {o.label}
            </option>
          )}
        </For>
      </select>
    </Field>
  );
}
