import { createEffect, createSignal, on, onCleanup } from 'solid-js';

const DEBOUNCE_MS = 400;

export interface SearchBox {
  /** What the box shows. */
  text: () => string;
  setText: (text: string) => void;
  /** Typing: the search follows after a pause. */
  type: (text: string) => void;
  /** Enter (or the pause): search now, if the text differs from the current search. */
  commit: () => void;
}

/**
 * The text of a list's search box, searched as one types. The box keeps its own text so typing is
 * never overwritten by the (debounced) URL; back and forward change the URL under the box, and it
 * follows unless it already says the same.
 */
export function createSearchBox(current: () => string, search: (q: string | undefined) => void): SearchBox {
  const [text, setText] = createSignal(current());
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  createEffect(
    on(
      current,
      (q) => {
        if (q !== text().trim()) setText(q);
      },
      { defer: true },
    ),
  );
  const commit = () => {
    clearTimeout(timer);
    const q = text().trim();
    if (q !== current()) search(q || undefined);
  };
  return {
    text,
    setText,
    type: (v) => {
      setText(v);
      clearTimeout(timer);
      timer = setTimeout(commit, DEBOUNCE_MS);
    },
    commit,
  };
}
