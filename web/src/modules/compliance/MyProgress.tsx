import { Show } from 'solid-js';
import { complianceTexts as s } from '../../texts/compliance';
import { createLoad } from '../../ui/load';
import { complianceApi } from './api';
import { StatusChip } from './StatusChip';
import './compliance.css';

/**
 * The signed-in person's own quota this semester, for the top of 听课记录: "本学期已听 5 / 8 节，
 * 按进度应听 4 节". Nothing for someone held to no quota, nor when it cannot be fetched (offline):
 * the list below matters more.
 */
export function MyProgress(props: { slug: string; refresh?: number }) {
  const me = createLoad(
    () => ({ slug: props.slug, refresh: props.refresh ?? 0 }),
    ({ slug }) => complianceApi.me(slug),
  );
  return (
    <Show when={me.data()?.row}>
      {(row) => (
        <p class="quota-mine card" role="status">
          <strong>{s.mine(row().done, row().required, row().expected)}</strong>{' '}
          <StatusChip status={row().status} />
          <Show when={row().status === 'behind'}>
            <span class="muted"> {s.mineBehind(row().expected - row().done)}</span>
          </Show>
        </p>
      )}
    </Show>
  );
}
