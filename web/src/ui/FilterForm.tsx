import type { JSX } from 'solid-js';
import type { SearchBox } from './searchBox';
import { TextField } from './TextField';

interface FilterFormProps {
  box: SearchBox;
  searchId: string;
  searchLabel: string;
  searchPlaceholder: string;
  /** The other filters (selects, dates), after the search box. */
  children?: JSX.Element;
}

/** A list's filters: a search box that searches as one types (or on Enter), then the other filters. */
export function FilterForm(props: FilterFormProps) {
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.box.commit();
      }}
    >
      <TextField
        id={props.searchId}
        type="search"
        label={props.searchLabel}
        placeholder={props.searchPlaceholder}
        value={props.box.text()}
        enterkeyhint="search"
        autocomplete="off"
        onValue={props.box.type}
      />
      {props.children}
    </form>
  );
}
