import { type Accessor, batch, createEffect, createSignal, on, untrack } from 'solid-js';
import { type ApiError, toApiError } from '../api';

export interface Load<T> {
  data: Accessor<T | undefined>;
  error: Accessor<ApiError | null>;
  loading: Accessor<boolean>;
  reload: () => void;
  /** Replaces the data with what a later answer already says (e.g. after a save), without a request. */
  mutate: (value: T) => void;
}

/**
 * Runs `fetcher` whenever `source` changes and keeps the last data while the next request runs.
 * Unlike createResource it never suspends or throws into an error boundary, so a page keeps its
 * search box and filters on screen while it refreshes, and shows errors where they happened.
 * Answers to superseded requests are dropped.
 */
export function createLoad<S, T>(source: Accessor<S | false>, fetcher: (s: S) => Promise<T>): Load<T> {
  const [data, setData] = createSignal<T>();
  const [error, setError] = createSignal<ApiError | null>(null);
  const [loading, setLoading] = createSignal(true);
  let seq = 0;

  const run = (s: S | false) => {
    if (s === false) return;
    const id = ++seq;
    batch(() => {
      setLoading(true);
      setError(null);
    });
    fetcher(s).then(
      (value) => {
        if (id !== seq) return;
        batch(() => {
          setData(() => value);
          setLoading(false);
        });
      },
      (err: unknown) => {
        if (id !== seq) return;
        batch(() => {
          setError(toApiError(err));
          setLoading(false);
        });
      },
    );
  };

  createEffect(on(source, run));
  return {
    data,
    error,
    loading,
    reload: () => run(untrack(source)),
    mutate: (value) => setData(() => value),
  };
}
