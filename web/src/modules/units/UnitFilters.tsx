import { createEffect, createSignal, on, onCleanup } from 'solid-js';
import type { TenantConfig, UnitKind } from '../../api';
import { texts } from '../../texts';
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
        label={texts.units.search(unit())}
        placeholder={texts.units.searchPlaceholder(unit())}
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
        label={texts.units.kind}
        placeholder={texts.units.allKinds}
        value={props.kind}
        options={props.kinds.map((k) => ({ value: k.key, label: k.label }))}
        onValue={(v) => props.onChange({ kind: v || undefined })}
      />
      <SelectField
        id="units-zone"
        label={props.vocabulary.zone}
        placeholder={texts.units.allZones(props.vocabulary.zone)}
        value={props.zoneId}
        options={[
          { value: 'none', label: texts.units.noZoneFilter(props.vocabulary.zone) },
          ...props.zones.map((z) => ({ value: z.id, label: z.name })),
        ]}
        onValue={(v) => props.onChange({ zoneId: v || undefined })}
      />
      <SelectField
        id="units-parent"
        label={props.vocabulary.unitGroup}
        placeholder={texts.units.allParents(props.vocabulary.unitGroup)}
        value={props.parentId}
        options={props.groups.map((g) => ({ value: g.id, label: g.name }))}
        onValue={(v) => props.onChange({ parentId: v || undefined })}
      />
      <SelectField
        id="units-status"
        label={texts.units.statusLabel}
        value={props.status}
        options={[
          { value: '', label: texts.units.activeOnly },
          { value: 'archived', label: texts.units.archivedOnly },
          { value: 'all', label: texts.units.allStatuses },
        ]}
        onValue={(v) => props.onChange({ status: v || undefined })}
      />
    </form>
  );
}
