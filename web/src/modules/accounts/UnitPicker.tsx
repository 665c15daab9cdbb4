import { createSignal, onCleanup } from 'solid-js';
import type { UnitRow } from '../../api';
import { texts } from '../../texts';
import { createLoad } from '../../ui/load';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { accountsApi } from './api';

const s = texts.accounts;
const DEBOUNCE_MS = 400;

interface UnitPickerProps {
  id: string;
  slug: string;
  unitId: string;
  unitName: string;
  /** Placeholder of the empty choice: 不属于具体单位 in forms, 全部单位 in filters. */
  emptyLabel: string;
  label?: string;
  hint?: string;
  error?: string;
  onChange: (unit: { id: string; name: string }) => void;
}

/** A unit select narrowed by typing part of the name: 500 units do not fit one list on a phone. */
export function UnitPicker(props: UnitPickerProps) {
  const [text, setText] = createSignal('');
  const [q, setQ] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const found = createLoad(q, (term) => accountsApi.units(props.slug, term));
  const options = () => {
    const rows: UnitRow[] = found.data()?.items ?? [];
    const list = rows.map((u) => ({
      value: u.id,
      label: u.parentName ? `${u.name}（${u.parentName}）` : u.name,
    }));
    // The chosen unit stays choosable whatever the search shows.
    if (props.unitId && !list.some((o) => o.value === props.unitId)) {
      list.unshift({ value: props.unitId, label: props.unitName || props.unitId });
    }
    return list;
  };
  return (
    <div class="unit-picker">
      <TextField
        id={`${props.id}-search`}
        type="search"
        label={s.findUnit}
        placeholder={s.findUnitPlaceholder}
        value={text()}
        optional
        autocomplete="off"
        onValue={(v) => {
          setText(v);
          clearTimeout(timer);
          timer = setTimeout(() => setQ(v.trim()), DEBOUNCE_MS);
        }}
      />
      <SelectField
        id={props.id}
        label={props.label ?? s.unit}
        hint={props.hint}
        error={props.error}
        placeholder={props.emptyLabel}
        value={props.unitId}
        options={options()}
        onValue={(v) => {
          const option = options().find((o) => o.value === v);
          props.onChange({ id: v, name: option?.label ?? '' });
        }}
      />
    </div>
  );
}
