import { createSignal, onCleanup } from 'solid-js';
import { texts } from '../../texts';
import { createLoad } from '../../ui/load';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { suggestionsApi } from './api';

const s = texts.suggestions;
const DEBOUNCE_MS = 400;

interface Props {
  id: string;
  slug: string;
  unitWord: string;
  unitId: string;
  unitName: string;
  error?: string;
  onChange: (unit: { id: string; name: string }) => void;
}

/** A unit select narrowed by typing part of the name: hundreds of units do not fit one list on a phone. */
export function UnitPicker(props: Props) {
  const [text, setText] = createSignal('');
  const [q, setQ] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const found = createLoad(q, (term) => suggestionsApi.units(props.slug, term));
  const options = () => {
    const list = (found.data()?.items ?? []).map((u) => ({
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
        label={s.findUnit(props.unitWord)}
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
        label={s.forwardUnit(props.unitWord)}
        error={props.error}
        placeholder={s.chooseUnit(props.unitWord)}
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
