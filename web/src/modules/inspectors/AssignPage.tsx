import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { UnitRow } from '../../api';
import { texts } from '../../texts';
import { inspectorsTexts } from '../../texts/inspectors';
import { ActionCard } from '../../ui/ActionCard';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { SearchList } from '../../ui/SearchList';
import { Section } from '../../ui/Section';
import { useTenant } from '../shell/context';
import { type InspectorDetail, inspectorsApi, type ZoneOption } from './api';

const s = inspectorsTexts;

export default function AssignPage() {
  const params = useParams();
  const { slug, config } = useTenant();
  const record = createLoad(
    () => params.id ?? false,
    (id) => inspectorsApi.get(slug(), id),
  );
  const zones = createLoad(
    () => slug(),
    (sl) => inspectorsApi.zones(sl),
  );
  const vocab = () => config().vocabulary;
  // The inspector and the zones, as one load: the editor needs both.
  const both = {
    data: () => {
      const r = record.data();
      const z = zones.data();
      return r && z ? { inspector: r.inspector, zones: z } : null;
    },
    error: () => record.error() ?? zones.error(),
    reload: () => {
      record.reload();
      zones.reload();
    },
  };
  return (
    <Page title={s.assign(vocab().zone, vocab().unit)}>
      <p>
        <A href={`/t/${slug()}/inspectors/${params.id}`}>{texts.common.cancel}</A>
      </p>
      <Loaded load={both}>{(d) => <AssignEditor inspector={d().inspector} zones={d().zones} />}</Loaded>
    </Page>
  );
}

interface PickedUnit {
  id: string;
  name: string;
  kindLabel: string;
  zoneId: string | null;
  active: boolean;
}

function AssignEditor(props: { inspector: InspectorDetail; zones: ZoneOption[] }) {
  const { slug, config, notify } = useTenant();
  const navigate = useNavigate();
  const vocab = () => config().vocabulary;
  const [zoneIds, setZoneIds] = createSignal<string[]>(props.inspector.zones.map((z) => z.id));
  const [picked, setPicked] = createSignal<PickedUnit[]>(
    props.inspector.units
      .filter((u) => u.direct)
      .map((u) => ({
        id: u.id,
        name: u.name,
        kindLabel: u.kindLabel,
        zoneId: u.zoneId,
        active: u.status === 'active',
      })),
  );
  // No fields of its own: whatever the server finds wrong is listed in the banner.
  const errors = createFormErrors([], 'assign');

  const zoneIdByName = createMemo(() => new Map(props.zones.map((z) => [z.name, z.id])));
  // Units of a zone: the zones list's count, else those the detail showed for a zone already held.
  const zoneCount = (zone: ZoneOption) =>
    zone.unitCount ?? props.inspector.units.filter((u) => u.viaZone?.id === zone.id).length;
  const total = createMemo(() => {
    const selected = new Set(zoneIds());
    const inZones = props.zones.filter((z) => selected.has(z.id)).reduce((n, z) => n + zoneCount(z), 0);
    const extra = picked().filter((u) => u.active && !(u.zoneId && selected.has(u.zoneId))).length;
    return inZones + extra;
  });
  const ratio = () => config().zones.unitsPerInspector;

  const toggleZone = (id: string, on: boolean) =>
    setZoneIds(on ? [...zoneIds(), id] : zoneIds().filter((z) => z !== id));
  const add = (u: UnitRow) => {
    if (picked().some((p) => p.id === u.id)) return;
    const zoneId = u.zoneName ? (zoneIdByName().get(u.zoneName) ?? null) : null;
    setPicked([
      ...picked(),
      { id: u.id, name: u.name, kindLabel: u.kindLabel, zoneId, active: u.status === 'active' },
    ]);
  };
  const remove = (id: string) => setPicked(picked().filter((p) => p.id !== id));

  const save = async () => {
    if (errors.busy()) return;
    await errors.run(async () => {
      await inspectorsApi.assign(slug(), props.inspector.id, {
        zoneIds: zoneIds(),
        unitIds: picked().map((p) => p.id),
      });
      const href = `/t/${slug()}/inspectors/${props.inspector.id}`;
      navigate(href);
      notify(s.assignedSaved, href);
    });
  };

  return (
    <>
      <p class="page-intro">{s.assignIntro(vocab().zone, vocab().unit)}</p>
      <Section title={s.zones(vocab().zone)}>
        <Show when={props.zones.length} fallback={<p class="empty">{s.noZones(vocab().zone)}</p>}>
          <fieldset aria-label={s.zones(vocab().zone)} style={{ border: '0', padding: '0', margin: '0' }}>
            <For each={props.zones}>
              {(z) => (
                <label
                  class="check"
                  style={{ display: 'flex', gap: '12px', 'align-items': 'center', 'min-height': '44px' }}
                >
                  <input
                    type="checkbox"
                    style={{ width: '22px', height: '22px', margin: '0', 'flex-shrink': '0' }}
                    checked={zoneIds().includes(z.id)}
                    onChange={(e) => toggleZone(z.id, e.currentTarget.checked)}
                  />
                  <span>
                    {z.name}
                    <Show when={z.unitCount !== undefined}>
                      <span class="muted">（{s.zoneUnits(z.unitCount ?? 0, vocab().unit)}）</span>
                    </Show>
                  </span>
                </label>
              )}
            </For>
          </fieldset>
        </Show>
      </Section>
      <Section title={s.directUnits(vocab().unit)}>
        <Show when={picked().length} fallback={<p class="muted">{s.noDirectUnits(vocab().unit)}</p>}>
          <ul class="cards">
            <For each={picked()}>
              {(u) => (
                <ActionCard
                  center
                  title={u.name}
                  meta={
                    <>
                      {u.kindLabel}
                      <Show when={u.zoneId && zoneIds().includes(u.zoneId)}> · {s.inZone(vocab().zone)}</Show>
                    </>
                  }
                  action={
                    <Button onClick={() => remove(u.id)} aria-label={`${s.removeUnit}${u.name}`}>
                      {s.removeUnit}
                    </Button>
                  }
                />
              )}
            </For>
          </ul>
        </Show>
        <SearchList
          id="assign-unit-q"
          label={s.findUnits(vocab().unit)}
          placeholder={s.findUnitsPlaceholder(vocab().unit)}
          search={async (q) => (await inspectorsApi.units(slug(), q)).items}
          hide={(u) => picked().some((p) => p.id === u.id)}
        >
          {(u) => (
            <ActionCard
              center
              title={u.name}
              meta={
                <>
                  {u.kindLabel}
                  <Show when={u.zoneName}> · {u.zoneName}</Show>
                </>
              }
              action={
                <Button onClick={() => add(u)} aria-label={`${s.addUnit}${u.name}`}>
                  {s.addUnit}
                </Button>
              }
            />
          )}
        </SearchList>
      </Section>
      <div class="section" aria-live="polite">
        <p>
          <strong>{s.preview(total(), vocab().unit)}</strong>
        </p>
        <Show when={total() > ratio()}>
          <p class="warn-text">{s.previewWarning(total(), ratio(), vocab().unit)}</p>
        </Show>
      </div>
      <Show when={errors.banner()}>{(e) => <ErrorBanner message={e().message} details={e().details} />}</Show>
      <Button variant="primary" class="btn-block" busy={errors.busy()} onClick={save}>
        {errors.busy() ? s.saving : s.saveAssignments}
      </Button>
    </>
  );
}
