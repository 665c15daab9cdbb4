import { type Accessor, type JSX, Show } from 'solid-js';
import { ErrorBanner } from './ErrorBanner';
import { Loading } from './Loading';
import type { Load } from './load';

interface LoadedProps<T> {
  /** One load, or several combined (their first error, a retry of all, data once all arrived). */
  load: Pick<Load<T>, 'data' | 'error' | 'reload'>;
  /** A smaller spinner, for a section of a page rather than the whole page. */
  inline?: boolean;
  children: (data: Accessor<NonNullable<T>>) => JSX.Element;
}

/**
 * A fetched record as a page shows it: the error with a retry, a spinner until the record first
 * arrives, then the view. A failed reload keeps the last record on screen under its error.
 */
export function Loaded<T>(props: LoadedProps<T>) {
  return (
    <>
      <Show when={props.load.error()}>
        {(e) => <ErrorBanner message={e().message} onRetry={props.load.reload} />}
      </Show>
      <Show
        when={props.load.data()}
        fallback={
          <Show when={!props.load.error()}>
            <Loading inline={props.inline} />
          </Show>
        }
      >
        {(data) => props.children(data)}
      </Show>
    </>
  );
}
