import { inspectorsTexts } from '../../texts/inspectors';
import { FilterForm } from '../../ui/FilterForm';
import { SelectField } from '../../ui/SelectField';
import { createSearchBox } from '../../ui/searchBox';
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

const s = inspectorsTexts;

export function InspectorFilters(props: FiltersProps) {
  const box = createSearchBox(
    () => props.q,
    (q) => props.onChange({ q }),
  );

  return (
    <FilterForm
      box={box}
      searchId="inspectors-q"
      searchLabel={s.search(props.word)}
      searchPlaceholder={s.searchPlaceholder}
    >
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
    </FilterForm>
  );
}
