import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import { inspectorsTexts } from '../../texts/inspectors';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { INSPECTOR_TYPES, type ZoneOption } from './api';

export interface InspectorFilterValues {
  q: string;
  type: string;
  zoneId: string;
  status: string;
}

interface FiltersProps extends InspectorFilterValues {
  word: string;
  zoneWord: string;
  zones: ZoneOption[];
  onChange: (next: Partial<Record<keyof InspectorFilterValues, string | undefined>>) => void;
}

const DEBOUNCE_MS = 400;
const s = inspectorsTexts;

export function InspectorFilters(props: FiltersProps) {
  // The box keeps its own text so typing is never overwritten by the (debounced) URL.
  const [text, setText] = createSignal(props.q);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
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
        id="inspectors-q"
        type="search"
        label={s.search(props.word)}
        placeholder={s.searchPlaceholder}
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
        id="inspectors-type"
        label={s.type}
        placeholder={s.allTypes}
        value={props.type}
        options={INSPECTOR_TYPES.map((t) => ({ value: t, label: s.types[t] ?? t }))}
        onValue={(v) => props.onChange({ type: v || undefined })}
      />
      <SelectField
        id="inspectors-zone"
        label={props.zoneWord}
        placeholder={s.allZones}
        value={props.zoneId}
        options={props.zones.map((z) => ({ value: z.id, label: z.name }))}
        onValue={(v) => props.onChange({ zoneId: v || undefined })}
      />
      <SelectField
        id="inspectors-status"
        label={s.status}
        value={props.status || 'active'}
        options={[
          { value: 'active', label: s.statuses.active as string },
          { value: 'archived', label: s.statuses.archived as string },
        ]}
        onValue={(v) => props.onChange({ status: v === 'active' ? undefined : v })}
      />
    </form>
  );
}
