import { For, Show } from 'solid-js';
import type { UnitKind } from '../../api';
import { texts } from '../../texts';

export function UnitKindList(props: { kinds: UnitKind[] }) {
  const s = texts.settings;
  return (
    <ul class="cards">
      <For each={props.kinds}>
        {(k) => (
          <li class="card">
            <h3 class="card-title">{k.label}</h3>
            <p class="card-meta">
              {s.kindStage}：{texts.stages[k.stage] ?? k.stage} · {s.kindKey}：<code>{k.key}</code>
              <Show when={k.isGroup}>
                {' · '}
                {s.kindIsGroup}
              </Show>
            </p>
          </li>
        )}
      </For>
    </ul>
  );
}
