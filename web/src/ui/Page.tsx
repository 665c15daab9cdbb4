import { createEffect, type JSX } from 'solid-js';
import { setTitle } from './title';

/** A page inside a signed-in layout (the layout owns <main>). */
export function Page(props: { title: string; intro?: string; children: JSX.Element }) {
  createEffect(() => setTitle(props.title));
  return (
    <div class="page">
      <h1>{props.title}</h1>
      {props.intro ? <p class="page-intro">{props.intro}</p> : null}
      {props.children}
    </div>
  );
}
