import { api } from '../../api';
import { unitPickerTexts } from '../../texts/unit-picker';
import { SearchPicker } from '../../ui/SearchPicker';

interface UnitPickerProps {
  id: string;
  slug: string;
  /** The tenant's word for a unit (学校, 部门). */
  unitWord: string;
  unitId: string;
  unitName: string;
  label: string;
  emptyLabel: string;
  hint?: string;
  error?: string;
  onChange: (unit: { id: string; name: string }) => void;
}

/** Picks one active unit, searched by name on the server (500 units do not fit one list on a phone). */
export function UnitPicker(props: UnitPickerProps) {
  const search = async (q: string) => {
    const { items } = await api.tenant.units(props.slug, { q, pageSize: 50 });
    return items.map((u) => ({ value: u.id, label: u.parentName ? `${u.name}（${u.parentName}）` : u.name }));
  };
  return (
    <SearchPicker
      id={props.id}
      searchLabel={unitPickerTexts.findUnits(props.unitWord)}
      searchPlaceholder={unitPickerTexts.findUnitsPlaceholder(props.unitWord)}
      label={props.label}
      hint={props.hint}
      error={props.error}
      emptyLabel={props.emptyLabel}
      value={props.unitId}
      valueLabel={props.unitName}
      search={search}
      onChange={props.onChange}
    />
  );
}
