import { For, Show } from 'solid-js';
import { boardTexts } from '../../texts/board';
import type { BoardInspector } from './api';

/** A photo, or a grey box saying there is none. */
export function PersonPhoto(props: { person: BoardInspector; class: string }) {
  return (
    <Show
      when={props.person.photoUrl}
      fallback={<span class={`${props.class} board-photo-none`}>{boardTexts.noPhoto}</span>}
    >
      {(src) => <img class={props.class} src={src()} alt={boardTexts.photoAlt(props.person.name)} />}
    </Show>
  );
}

/** The inspectors of the board page: photo, name, type, a phone to tap and an email. */
export function People(props: { people: BoardInspector[] }) {
  return (
    <Show when={props.people.length} fallback={<p class="muted">{boardTexts.noInspectors}</p>}>
      <ul class="board-people">
        <For each={props.people}>
          {(p) => (
            <li class="board-person">
              <PersonPhoto person={p} class="board-photo" />
              <div class="board-person-body">
                <h3>{p.name}</h3>
                <p class="muted">{p.typeLabel}</p>
                <Show when={p.phone}>
                  {(phone) => (
                    <p>
                      {boardTexts.phone}：<a href={`tel:${phone()}`}>{phone()}</a>
                    </p>
                  )}
                </Show>
                <Show when={p.email}>
                  {(email) => (
                    <p>
                      {boardTexts.email}：<a href={`mailto:${email()}`}>{email()}</a>
                    </p>
                  )}
                </Show>
              </div>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
