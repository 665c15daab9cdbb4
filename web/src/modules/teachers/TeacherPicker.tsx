import { SearchPicker } from '../../ui/SearchPicker';
import { observationsApi } from '../observations/api';

interface TeacherPickerProps {
  id: string;
  slug: string;
  searchLabel: string;
  placeholder: string;
  label: string;
  emptyLabel: string;
  value: string;
  valueLabel: string;
  error?: string;
  onChange: (choice: { id: string; name: string }) => void;
}

/** The observation form's teacher search (active teachers and unit heads, with their unit), for other teaching forms. */
export function TeacherPicker(props: TeacherPickerProps) {
  return (
    <SearchPicker
      id={props.id}
      searchLabel={props.searchLabel}
      searchPlaceholder={props.placeholder}
      label={props.label}
      emptyLabel={props.emptyLabel}
      value={props.value}
      valueLabel={props.valueLabel}
      error={props.error}
      search={async (q) =>
        (await observationsApi.teachers(props.slug, q)).items.map((t) => ({
          value: t.id,
          label: t.unitName ? `${t.name}（${t.unitName}）` : t.name,
        }))
      }
      onChange={props.onChange}
    />
  );
}
