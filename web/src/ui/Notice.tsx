import type { JSX } from 'solid-js';

/** A success or progress message that screen readers announce without moving focus. */
export function Notice(props: { children: JSX.Element; tone?: 'ok' | 'info' }) {
  return (
    <div class={`banner banner-${props.tone ?? 'ok'}`} role="status">
      {props.children}
    </div>
  );
}
