import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import type { UnitKind } from '../../api';
import { texts } from '../../texts';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';

interface UnitFiltersProps {
  unit: string;
  kinds: UnitKind[];
  q: string;
  kind: string;
  onChange: (filters: { q?: string; kind?: string }) => void;
}

const DEBOUNCE_MS = 400;

export function UnitFilters(props: UnitFiltersProps) {
  // The box keeps its own text so typing is never overwritten by the (debounced) URL.
  const [text, setText] = createSignal(props.q);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  // Back/forward changes the URL under the box; follow it unless it is what the box already says.
  createEffect(
    on(
      () => props.q,
      (q) => {
        if (q !== text().trim()) setText(q);
      },
      { defer: true },
    ),
  );

  const commit = () => {
    clearTimeout(timer);
    const q = text().trim();
    if (q !== props.q) props.onChange({ q: q || undefined });
  };

  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        commit();
      }}
    >
      <TextField
        id="units-q"
        type="search"
        label={texts.units.search(props.unit)}
        placeholder={texts.units.searchPlaceholder(props.unit)}
        value={text()}
        onValue={(v) => {
          setText(v);
          clearTimeout(timer);
          timer = setTimeout(commit, DEBOUNCE_MS);
        }}
        enterkeyhint="search"
        autocomplete="off"
      />
      <SelectField
        id="units-kind"
        label={texts.units.kind}
        placeholder={texts.units.allKinds}
        value={props.kind}
        options={props.kinds.map((k) => ({ value: k.key, label: k.label }))}
        onValue={(v) => props.onChange({ kind: v || undefined })}
      />
    </form>
  );
}
