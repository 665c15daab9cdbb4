import { Show } from 'solid-js';
import { suggestionsTexts } from '../../texts/suggestions';
import { formatTime } from '../../ui/format';
import type { Suggestion } from './api';

const s = suggestionsTexts;

/** The office's note and the unit's answer, as the sender reads them. */
export function Replies(props: { item: Suggestion }) {
  return (
    <>
      <Show when={props.item.answer}>
        {(answer) => (
          <div class="sg-reply">
            <h3>{s.answer}</h3>
            <p class="sg-text">{answer()}</p>
            <Show when={props.item.answeredAt}>
              {(at) => (
                <p class="card-meta">
                  {s.answeredBy(
                    props.item.answeredByName ?? '',
                    props.item.unit?.name ?? null,
                    formatTime(at()),
                  )}
                </p>
              )}
            </Show>
          </div>
        )}
      </Show>
      <Show when={props.item.officeNote}>
        {(note) => (
          <div class="sg-reply">
            <h3>{s.officeNote}</h3>
            <p class="sg-text">{note()}</p>
          </div>
        )}
      </Show>
    </>
  );
}

export function StatusBadge(props: { item: Suggestion }) {
  const tone = () =>
    props.item.status === 'answered' || props.item.status === 'closed'
      ? 'badge badge-ok'
      : props.item.status === 'submitted'
        ? 'badge badge-warn'
        : 'badge';
  return <span class={tone()}>{props.item.statusLabel}</span>;
}
