import { createSignal, onCleanup } from 'solid-js';
import { createLoad } from './load';
import { SelectField } from './SelectField';
import { TextField } from './TextField';

const DEBOUNCE_MS = 400;

export interface PickerOption {
  value: string;
  label: string;
}

interface SearchPickerProps {
  id: string;
  searchLabel: string;
  searchPlaceholder: string;
  label: string;
  hint?: string;
  error?: string;
  /** The empty choice: “不属于具体单位” in forms, “全部单位” in filters. */
  emptyLabel: string;
  value: string;
  /** How the chosen value reads when the current search does not list it. */
  valueLabel: string;
  search: (term: string) => Promise<PickerOption[]>;
  onChange: (choice: { id: string; name: string }) => void;
}

/**
 * A select narrowed by typing part of a name: hundreds of units or thousands of accounts do not
 * fit one list on a phone, and the search runs on the server.
 */
export function SearchPicker(props: SearchPickerProps) {
  const [text, setText] = createSignal('');
  const [term, setTerm] = createSignal('');
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  const found = createLoad(term, (q) => props.search(q));
  const options = () => {
    const list = [...(found.data() ?? [])];
    // The chosen value stays choosable whatever the search shows.
    if (props.value && !list.some((o) => o.value === props.value)) {
      list.unshift({ value: props.value, label: props.valueLabel || props.value });
    }
    return list;
  };
  return (
    <div class="unit-picker">
      <TextField
        id={`${props.id}-search`}
        type="search"
        label={props.searchLabel}
        placeholder={props.searchPlaceholder}
        value={text()}
        optional
        autocomplete="off"
        onValue={(v) => {
          setText(v);
          clearTimeout(timer);
          timer = setTimeout(() => setTerm(v.trim()), DEBOUNCE_MS);
        }}
      />
      <SelectField
        id={props.id}
        label={props.label}
        hint={props.hint}
        error={props.error}
        placeholder={props.emptyLabel}
        value={props.value}
        options={options()}
        onValue={(v) => {
          const option = options().find((o) => o.value === v);
          props.onChange({ id: v, name: option?.label ?? '' });
        }}
      />
    </div>
  );
}
