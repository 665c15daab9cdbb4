import { createEffect, type JSX } from 'solid-js';
import { texts } from '../texts';
import { setTitle } from './title';

/** A standalone narrow page (landing, login, sign-up): its own <main>, centred on wide screens. */
export function Screen(props: { title: string; docTitle?: string; wide?: boolean; children: JSX.Element }) {
  createEffect(() => setTitle(props.docTitle ?? props.title));
  return (
    <main class="screen" classList={{ 'screen-wide': props.wide }}>
      <p class="brand">{texts.appName}</p>
      <h1>{props.title}</h1>
      {props.children}
    </main>
  );
}
