/** A yes/no filter of a list page (e.g. 只看逾期), a 44 px touch target like the other fields. */
export function CheckboxFilter(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <div class="field">
      <label class="filter-check" for={props.id}>
        <input
          id={props.id}
          type="checkbox"
          checked={props.checked}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        {props.label}
      </label>
    </div>
  );
}
