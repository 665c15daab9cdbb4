import type { JSX } from 'solid-js';

export function Section(props: { title: string; children: JSX.Element }) {
  return (
    <section class="section">
      <h2>{props.title}</h2>
      {props.children}
    </section>
  );
}
