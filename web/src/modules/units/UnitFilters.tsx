import type { TenantConfig, UnitKind } from '../../api';
import { unitsTexts } from '../../texts/units';
import { FilterForm } from '../../ui/FilterForm';
import { SelectField } from '../../ui/SelectField';
import { createSearchBox } from '../../ui/searchBox';
import type { Ref } from './api';

export interface UnitFilterValues {
  q?: string;
  kind?: string;
  zoneId?: string;
  parentId?: string;
  status?: string;
}

interface UnitFiltersProps {
  vocabulary: TenantConfig['vocabulary'];
  kinds: UnitKind[];
  zones: Ref[];
  groups: Ref[];
  q: string;
  kind: string;
  zoneId: string;
  parentId: string;
  status: string;
  onChange: (filters: UnitFilterValues) => void;
}

export function UnitFilters(props: UnitFiltersProps) {
  const unit = () => props.vocabulary.unit;
  const box = createSearchBox(
    () => props.q,
    (q) => props.onChange({ q }),
  );

  return (
    <FilterForm
      box={box}
      searchId="units-q"
      searchLabel={unitsTexts.search(unit())}
      searchPlaceholder={unitsTexts.searchPlaceholder(unit())}
    >
      <SelectField
        id="units-kind"
        label={unitsTexts.kind}
        placeholder={unitsTexts.allKinds}
        value={props.kind}
        options={props.kinds.map((k) => ({ value: k.key, label: k.label }))}
        onValue={(v) => props.onChange({ kind: v || undefined })}
      />
      <SelectField
        id="units-zone"
        label={props.vocabulary.zone}
        placeholder={unitsTexts.allZones(props.vocabulary.zone)}
        value={props.zoneId}
        options={[
          { value: 'none', label: unitsTexts.noZoneFilter(props.vocabulary.zone) },
          ...props.zones.map((z) => ({ value: z.id, label: z.name })),
        ]}
        onValue={(v) => props.onChange({ zoneId: v || undefined })}
      />
      <SelectField
        id="units-parent"
        label={props.vocabulary.unitGroup}
        placeholder={unitsTexts.allParents(props.vocabulary.unitGroup)}
        value={props.parentId}
        options={props.groups.map((g) => ({ value: g.id, label: g.name }))}
        onValue={(v) => props.onChange({ parentId: v || undefined })}
      />
      <SelectField
        id="units-status"
        label={unitsTexts.statusLabel}
        value={props.status}
        options={[
          { value: '', label: unitsTexts.activeOnly },
          { value: 'archived', label: unitsTexts.archivedOnly },
          { value: 'all', label: unitsTexts.allStatuses },
        ]}
        onValue={(v) => props.onChange({ status: v || undefined })}
      />
    </FilterForm>
  );
}
