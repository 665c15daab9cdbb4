import { type JSX, Show } from 'solid-js';
import { createMediaQuery, WIDE } from './media';

interface CardsOrTableProps {
  count: number;
  /** What to say when there are no rows. */
  empty: string;
  cards: JSX.Element;
  table: JSX.Element;
}

/** Rows as cards on a phone and as a table on a wide screen; a plain note when there are none. */
export function CardsOrTable(props: CardsOrTableProps) {
  const wide = createMediaQuery(WIDE);
  return (
    <Show when={props.count} fallback={<p class="empty">{props.empty}</p>}>
      <Show when={wide()} fallback={props.cards}>
        {props.table}
      </Show>
    </Show>
  );
}
