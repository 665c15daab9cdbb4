import { createSignal, For, type JSX, onCleanup, onMount, Show } from 'solid-js';
import { toApiError } from '../api';
import { ErrorBanner } from './ErrorBanner';
import { Loading } from './Loading';
import { TextField } from './TextField';

const DEBOUNCE_MS = 300;

interface SearchListProps<T> {
  id: string;
  /** The search box's label, also the name of the list of results. */
  label: string;
  placeholder: string;
  /** Runs on the server after a pause in typing; '' lists the first ones. */
  search: (q: string) => Promise<T[]>;
  /** Results not to offer again (already chosen). */
  hide: (row: T) => boolean;
  children: (row: T) => JSX.Element;
}

/**
 * A search box over a list of rows to pick from, for lists too long for a phone (500 units). Only the
 * answer to the latest search is shown, so a slow earlier answer never overwrites it.
 */
export function SearchList<T>(props: SearchListProps<T>) {
  const [q, setQ] = createSignal('');
  const [results, setResults] = createSignal<T[]>([]);
  const [searching, setSearching] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  onCleanup(() => clearTimeout(timer));
  const search = (text: string) => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const id = ++seq;
      setSearching(true);
      setError(null);
      try {
        const rows = await props.search(text.trim());
        if (id === seq) setResults(() => rows);
      } catch (err) {
        if (id === seq) setError(toApiError(err).message);
      } finally {
        if (id === seq) setSearching(false);
      }
    }, DEBOUNCE_MS);
  };
  onMount(() => search(''));
  return (
    <>
      <TextField
        id={props.id}
        type="search"
        label={props.label}
        placeholder={props.placeholder}
        value={q()}
        onValue={(v) => {
          setQ(v);
          search(v);
        }}
        enterkeyhint="search"
        autocomplete="off"
      />
      <Show when={searching()}>
        <Loading inline />
      </Show>
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <ul class="cards" aria-label={props.label}>
        <For each={results().filter((row) => !props.hide(row))}>{(row) => props.children(row)}</For>
      </ul>
    </>
  );
}
