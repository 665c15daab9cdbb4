import { type Accessor, createSignal, onCleanup } from 'solid-js';

/** Wide screens get tables and a sidebar; phones get cards and a bottom menu. Matches styles.css. */
export const WIDE = '(min-width: 768px)';

export function createMediaQuery(query: string): Accessor<boolean> {
  const mql = window.matchMedia(query);
  const [matches, setMatches] = createSignal(mql.matches);
  const update = () => setMatches(mql.matches);
  // Safari before 14 only knows addListener.
  if (typeof mql.addEventListener === 'function') {
    mql.addEventListener('change', update);
    onCleanup(() => mql.removeEventListener('change', update));
  } else {
    mql.addListener(update);
    onCleanup(() => mql.removeListener(update));
  }
  return matches;
}
