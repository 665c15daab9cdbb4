import { useSearchParams } from '@solidjs/router';
import { type Accessor, type JSX, Show } from 'solid-js';
import type { Paged } from '../api';
import { LoadStatus } from './LoadStatus';
import type { Load } from './load';
import { Pager } from './Pager';

interface PagedResultProps<T extends Paged<unknown>> {
  list: Load<T>;
  /** The line above the rows that says how many there are in all. */
  total: (total: number) => string;
  /** The rows of this page (or what to say when there are none). */
  children: (data: Accessor<T>) => JSX.Element;
}

/**
 * One page of a list whose filters and page number live in the URL: its request state, the total,
 * the rows, and a pager that goes back to the top, where the new page starts.
 */
export function PagedResult<T extends Paged<unknown>>(props: PagedResultProps<T>) {
  const [, setSearch] = useSearchParams();
  return (
    <>
      <LoadStatus load={props.list} />
      <Show when={props.list.data()}>
        {(d) => {
          const pages = () => Math.max(1, Math.ceil(d().total / (d().pageSize || 1)));
          return (
            <>
              <p class="muted" aria-live="polite">
                {props.total(d().total)}
              </p>
              {props.children(d)}
              <Show when={pages() > 1}>
                <Pager
                  page={d().page}
                  pages={pages()}
                  onPage={(page) => {
                    setSearch({ page: page > 1 ? String(page) : undefined });
                    window.scrollTo(0, 0);
                  }}
                />
              </Show>
            </>
          );
        }}
      </Show>
    </>
  );
}
