import { For, Show } from 'solid-js';
import type { UnitKind } from '../../api';
import { settingsTexts, stagesTexts } from '../../texts/settings';

export function UnitKindList(props: { kinds: UnitKind[] }) {
  const s = settingsTexts;
  return (
    <ul class="cards">
      <For each={props.kinds}>
        {(k) => (
          <li class="card">
            <h3 class="card-title">{k.label}</h3>
            <p class="card-meta">
              {s.kindStage}：{stagesTexts[k.stage] ?? k.stage} · {s.kindKey}：<code>{k.key}</code>
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
