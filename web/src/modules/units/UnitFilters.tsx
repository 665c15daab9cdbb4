import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import type { TenantConfig, UnitKind } from '../../api';
import { unitsTexts } from '../../texts/units';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
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

const DEBOUNCE_MS = 400;

export function UnitFilters(props: UnitFiltersProps) {
  const unit = () => props.vocabulary.unit;
  // The box keeps its own text so typing is never overwritten by the (debounced) URL.
  const [text, setText] = createSignal(props.q);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  // Back/forward changes the URL under the box; follow it unless it is what the box already says.
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
        id="units-q"
        type="search"
        label={unitsTexts.search(unit())}
        placeholder={unitsTexts.searchPlaceholder(unit())}
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
    </form>
  );
}
