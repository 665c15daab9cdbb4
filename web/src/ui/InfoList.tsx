import { For, type JSX } from 'solid-js';

export interface InfoItem {
  label: string;
  value: JSX.Element;
}

/** Label/value pairs, read-only (a dl, which screen readers announce as such). */
export function InfoList(props: { items: InfoItem[] }) {
  return (
    <dl class="info-list">
      <For each={props.items}>
        {(item) => (
          <div class="info-row">
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </div>
        )}
      </For>
    </dl>
  );
}
