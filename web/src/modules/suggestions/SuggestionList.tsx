import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { suggestionsTexts } from '../../texts/suggestions';
import { formatTime } from '../../ui/format';
import type { Suggestion } from './api';
import { Replies, StatusBadge } from './Replies';

const s = suggestionsTexts;

interface Props {
  slug: string;
  items: Suggestion[];
  unitWord: string;
  /** The sender's own list shows the answers in place; the office and units open the detail. */
  showReplies?: boolean;
  empty: string;
}

/** Cards: one column on a phone, and still readable on a wide screen (titles and answers are prose). */
export function SuggestionList(props: Props) {
  return (
    <Show when={props.items.length} fallback={<p class="empty">{props.empty}</p>}>
      <ul class="cards">
        <For each={props.items}>
          {(item) => (
            <li class="card">
              <h3 class="card-title">
                <A href={`/t/${props.slug}/suggestions/${item.id}`}>{item.title}</A>{' '}
                <StatusBadge item={item} />
              </h3>
              <p class="card-meta">
                {item.categoryLabel ?? s.noCategory} · {formatTime(item.createdAt)}
                <Show when={item.author && !item.mine}> · {item.author?.name}</Show>
              </p>
              <Show when={item.unit}>
                {(unit) => (
                  <p class="card-meta">
                    {s.unit(props.unitWord)}：{unit().name}
                  </p>
                )}
              </Show>
              <Show when={props.showReplies}>
                <Replies item={item} />
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}
