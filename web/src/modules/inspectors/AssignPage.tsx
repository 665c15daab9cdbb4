import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { toApiError, type UnitRow } from '../../api';
import { texts } from '../../texts';
import { inspectorsTexts } from '../../texts/inspectors';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { TextField } from '../../ui/TextField';
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
  return (
    <Page title={s.assign(vocab().zone, vocab().unit)}>
      <p>
        <A href={`/t/${slug()}/inspectors/${params.id}`}>{texts.common.cancel}</A>
      </p>
      <Show when={record.error() ?? zones.error()}>
        {(e) => (
          <ErrorBanner
            message={e().message}
            onRetry={() => {
              record.reload();
              zones.reload();
            }}
          />
        )}
      </Show>
      <Show
        when={record.data() && zones.data() ? { r: record.data(), z: zones.data() } : null}
        fallback={
          <Show when={!record.error() && !zones.error()}>
            <Loading />
          </Show>
        }
      >
        {(d) => (
          <AssignEditor inspector={(d().r as { inspector: InspectorDetail }).inspector} zones={d().z ?? []} />
        )}
      </Show>
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
  const [q, setQ] = createSignal('');
  const [results, setResults] = createSignal<UnitRow[]>([]);
  const [searching, setSearching] = createSignal(false);
  const [searchError, setSearchError] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<{ message: string; details: string[] } | null>(null);

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

  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  onCleanup(() => clearTimeout(timer));
  const search = (text: string) => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const id = ++seq;
      setSearching(true);
      setSearchError(null);
      try {
        const page = await inspectorsApi.units(slug(), text.trim());
        if (id === seq) setResults(page.items);
      } catch (err) {
        if (id === seq) setSearchError(toApiError(err).message);
      } finally {
        if (id === seq) setSearching(false);
      }
    }, 300);
  };
  onMount(() => search(''));

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
    if (saving()) return;
    setSaving(true);
    setError(null);
    try {
      await inspectorsApi.assign(slug(), props.inspector.id, {
        zoneIds: zoneIds(),
        unitIds: picked().map((p) => p.id),
      });
      const href = `/t/${slug()}/inspectors/${props.inspector.id}`;
      navigate(href);
      notify(s.assignedSaved, href);
    } catch (err) {
      const e = toApiError(err);
      setError({ message: e.message, details: e.issues.map((i) => i.message) });
    } finally {
      setSaving(false);
    }
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
                <li
                  class="card"
                  style={{
                    display: 'flex',
                    'justify-content': 'space-between',
                    'align-items': 'center',
                    gap: '8px',
                  }}
                >
                  <span>
                    {u.name}
                    <span class="card-meta" style={{ display: 'block' }}>
                      {u.kindLabel}
                      <Show when={u.zoneId && zoneIds().includes(u.zoneId)}> · {s.inZone(vocab().zone)}</Show>
                    </span>
                  </span>
                  <Button onClick={() => remove(u.id)} aria-label={`${s.removeUnit}${u.name}`}>
                    {s.removeUnit}
                  </Button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <TextField
          id="assign-unit-q"
          type="search"
          label={s.findUnits(vocab().unit)}
          placeholder={s.findUnitsPlaceholder(vocab().unit)}
          value={q()}
          onValue={(v) => {
            setQ(v);
            search(v);
          }}
          enterkeyhint="search"
          autocomplete="off"
        />
        <Show when={searching()}>
          <Loading inline />
        </Show>
        <Show when={searchError()}>{(m) => <ErrorBanner message={m()} />}</Show>
        <ul class="cards" aria-label={s.findUnits(vocab().unit)}>
          <For each={results().filter((u) => !picked().some((p) => p.id === u.id))}>
            {(u) => (
              <li
                class="card"
                style={{
                  display: 'flex',
                  'justify-content': 'space-between',
                  'align-items': 'center',
                  gap: '8px',
                }}
              >
                <span>
                  {u.name}
                  <span class="card-meta" style={{ display: 'block' }}>
                    {u.kindLabel}
                    <Show when={u.zoneName}> · {u.zoneName}</Show>
                  </span>
                </span>
                <Button onClick={() => add(u)} aria-label={`${s.addUnit}${u.name}`}>
                  {s.addUnit}
                </Button>
              </li>
            )}
          </For>
        </ul>
      </Section>
      <div class="section" aria-live="polite">
        <p>
          <strong>{s.preview(total(), vocab().unit)}</strong>
        </p>
        <Show when={total() > ratio()}>
          <p class="warn-text">{s.previewWarning(total(), ratio(), vocab().unit)}</p>
        </Show>
      </div>
      <Show when={error()}>{(e) => <ErrorBanner message={e().message} details={e().details} />}</Show>
      <Button variant="primary" class="btn-block" busy={saving()} onClick={save}>
        {saving() ? s.saving : s.saveAssignments}
      </Button>
    </>
  );
}
