import { Show } from 'solid-js';
import { ErrorBanner } from './ErrorBanner';
import { Loading } from './Loading';
import type { Load } from './load';

/**
 * A list's request state, above the list: the error with a retry, and a small spinner whenever it
 * fetches, while the rows already shown stay until the new ones arrive (filters, paging).
 */
export function LoadStatus(props: { load: Pick<Load<unknown>, 'error' | 'loading' | 'reload'> }) {
  return (
    <>
      <Show when={props.load.error()}>
        {(e) => <ErrorBanner message={e().message} onRetry={props.load.reload} />}
      </Show>
      <Show when={props.load.loading()}>
        <Loading inline />
      </Show>
    </>
  );
}
