import { For } from 'solid-js';
import { importsTexts } from '../../texts/imports';
import { Button } from '../../ui/Button';
import { Section } from '../../ui/Section';
import type { Credential } from './api';

const s = importsTexts;

/** New accounts' one-time passwords, shown once, with a print button. */
export function Credentials(props: { items: Credential[] }) {
  return (
    <Section title={s.credentialsTitle}>
      <p>{s.credentialsIntro}</p>
      <div class="table-wrap">
        <table class="table credentials">
          <thead>
            <tr>
              <th scope="col">{s.username}</th>
              <th scope="col">{s.displayName}</th>
              <th scope="col">{s.password}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.items}>
              {(c) => (
                <tr>
                  <th scope="row">{c.username}</th>
                  <td>{c.displayName}</td>
                  <td>
                    <code>{c.password}</code>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Button onClick={() => window.print()}>{s.print}</Button>
    </Section>
  );
}
