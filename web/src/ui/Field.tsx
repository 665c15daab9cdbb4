import { type JSX, Show } from 'solid-js';
import { texts } from '../texts';

export interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string;
  error?: string | undefined;
  optional?: boolean;
}

/** ids of the hint and error texts, for the control's aria-describedby. */
export function describedBy(props: FieldFrameProps): string | undefined {
  const ids = [props.error ? `${props.id}-error` : '', props.hint ? `${props.id}-hint` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** Label, control, hint and error of one form field; the control itself is the child. */
export function Field(props: FieldFrameProps & { children: JSX.Element }) {
  return (
    <div class="field" classList={{ 'field-invalid': !!props.error }}>
      <label for={props.id}>
        {props.label}
        <Show when={props.optional}>
          <span class="field-optional">（{texts.common.optional}）</span>
        </Show>
      </label>
      {props.children}
      <Show when={props.hint}>
        <p class="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field-error" id={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
