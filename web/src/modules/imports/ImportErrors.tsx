import { For, Show } from 'solid-js';
import { texts } from '../../texts';
import { importsTexts } from '../../texts/imports';
import { createMediaQuery, WIDE } from '../../ui/media';
import type { RowError } from './api';

const s = importsTexts;

/** The file's problems, row by row: a table on wide screens, one card per problem on phones. */
export function ImportErrors(props: { errors: RowError[]; total: number }) {
  const wide = createMediaQuery(WIDE);
  return (
    <div class="banner banner-error" role="alert">
      <p>{s.errorsTitle(props.total)}</p>
      <Show
        when={wide()}
        fallback={
          <ul class="cards import-errors">
            <For each={props.errors}>
              {(e) => (
                <li class="card">
                  <p class="card-title">
                    {s.rowLabel(e.row)}
                    <Show when={e.column}> · {e.column}</Show>
                  </p>
                  <p class="card-meta">{e.message}</p>
                </li>
              )}
            </For>
          </ul>
        }
      >
        <div class="table-wrap">
          <table class="table import-errors">
            <thead>
              <tr>
                <th scope="col">{s.row}</th>
                <th scope="col">{s.column}</th>
                <th scope="col">{s.problem}</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.errors}>
                {(e) => (
                  <tr>
                    <th scope="row">{s.rowLabel(e.row)}</th>
                    <td>{e.column || texts.common.none}</td>
                    <td>{e.message}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <Show when={props.total > props.errors.length}>
        <p>{s.moreErrors(props.errors.length, props.total)}</p>
      </Show>
    </div>
  );
}
