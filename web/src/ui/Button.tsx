import { type JSX, splitProps } from 'solid-js';

type Variant = 'primary' | 'secondary' | 'danger' | 'link';

interface ButtonProps extends JSX.ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: Variant;
  /** Disables the button and says so to screen readers while a request runs. */
  busy?: boolean;
}

export function Button(props: ButtonProps) {
  const [own, rest] = splitProps(props, ['variant', 'busy', 'type', 'class', 'disabled']);
  return (
    <button
      type={own.type ?? 'button'}
      class={`btn btn-${own.variant ?? 'secondary'}${own.class ? ` ${own.class}` : ''}`}
      disabled={own.disabled || own.busy}
      aria-busy={own.busy ? 'true' : undefined}
      {...rest}
    />
  );
}
