import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { texts } from '../../texts';
import { zonesTexts } from '../../texts/zones';
import { ActionCard } from '../../ui/ActionCard';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { SearchList } from '../../ui/SearchList';
import { Section } from '../../ui/Section';
import { useTenant } from '../shell/context';
import { type UnitListItem, unitsApi } from '../units/api';
import { canManageUnits } from '../units/permissions';
import { type ZoneSummary, zonesApi } from './api';
import { createZoneFields, ZoneFields } from './ZoneFields';

const s = zonesTexts;

/** /zones/:id: a zone's units against its limit; the office adds and removes units in one save. */
export default function ZoneDetailPage() {
  const params = useParams();
  const { slug, config } = useTenant();
  const data = createLoad(
    () => (params.id ? { slug: slug(), id: params.id } : false),
    async ({ slug: sl, id }) => {
      const [zones, members] = await Promise.all([
        zonesApi.list(sl),
        unitsApi.list(sl, { zoneId: id, pageSize: 100 }),
      ]);
      return {
        zone: zones.items.find((z) => z.id === id) ?? null,
        members: members.items,
        zones: zones.items,
      };
    },
  );
  const vocab = () => config().vocabulary;
  return (
    <Page title={data.data()?.zone?.name ?? s.title(vocab().zone)}>
      <p>
        <A href={`/t/${slug()}/zones`}>{s.backToList(vocab().zone)}</A>
      </p>
      <Loaded load={data}>
        {(d) => (
          <Show when={d().zone} fallback={<ErrorBanner message={texts.common.notFoundBody} />}>
            {(zone) => (
              <ZoneEditor zone={zone()} members={d().members} zones={d().zones} onSaved={data.reload} />
            )}
          </Show>
        )}
      </Loaded>
    </Page>
  );
}

interface EditorProps {
  zone: ZoneSummary;
  members: UnitListItem[];
  zones: ZoneSummary[];
  onSaved: () => void;
}

function ZoneEditor(props: EditorProps) {
  const { slug, config, session } = useTenant();
  const manage = () => canManageUnits(session().user.role);
  const vocab = () => config().vocabulary;
  const z = () => props.zone;
  const [toAdd, setToAdd] = createSignal<UnitListItem[]>([]);
  const [toRemove, setToRemove] = createSignal<string[]>([]);
  // No fields of its own: whatever the server finds wrong is listed in the banner.
  const errors = createFormErrors([], 'zone-units');
  const [message, setMessage] = createSignal<string | null>(null);

  const total = createMemo(() => z().unitCount + toAdd().length - toRemove().length);
  const changed = () => toAdd().length > 0 || toRemove().length > 0;

  const save = async () => {
    if (errors.busy() || !changed()) return;
    setMessage(null);
    await errors.run(async () => {
      await zonesApi.assign(slug(), z().id, { add: toAdd().map((u) => u.id), remove: toRemove() });
      setToAdd([]);
      setToRemove([]);
      setMessage(s.changesSaved);
      props.onSaved();
    });
  };

  return (
    <>
      <Show when={message()}>{(m) => <Notice>{m()}</Notice>}</Show>
      <p classList={{ 'warn-text': z().full }}>
        <strong>
          {s.unitsIn(vocab().unit)} {s.count(z().unitCount, z().limit)}
        </strong>
        <Show when={z().full}>
          {' '}
          <span class="badge badge-warn">{s.full}</span>
        </Show>
      </p>
      <p>
        {vocab().inspector}：
        {z()
          .inspectors.map((i) => i.name)
          .join('、') || s.noInspectors(vocab().inspector)}
      </p>
      <Show when={z().note}>
        <p class="muted">{z().note}</p>
      </Show>
      <Section title={s.unitsTitle(vocab().zone, vocab().unit)}>
        <Show when={props.members.length} fallback={<p class="empty">{s.noUnits(vocab().unit)}</p>}>
          <ul class="cards" aria-label={s.unitsTitle(vocab().zone, vocab().unit)}>
            <For each={props.members}>
              {(u) => {
                const leaving = () => toRemove().includes(u.id);
                return (
                  <ActionCard
                    title={<A href={`/t/${slug()}/units/${u.id}`}>{u.name}</A>}
                    meta={
                      <>
                        {u.kindLabel}
                        <Show when={leaving()}>
                          {' · '}
                          <span class="warn-text">{s.toRemove}</span>
                        </Show>
                      </>
                    }
                    action={
                      <Show when={manage()}>
                        <Button
                          aria-label={`${leaving() ? s.undo : s.remove}${u.name}`}
                          onClick={() =>
                            setToRemove(
                              leaving() ? toRemove().filter((r) => r !== u.id) : [...toRemove(), u.id],
                            )
                          }
                        >
                          {leaving() ? s.undo : s.remove}
                        </Button>
                      </Show>
                    }
                  />
                );
              }}
            </For>
          </ul>
        </Show>
        <Show when={toAdd().length}>
          <h3>{s.toAdd}</h3>
          <ul class="cards" aria-label={s.toAdd}>
            <For each={toAdd()}>
              {(u) => (
                <ActionCard
                  title={u.name}
                  meta={<UnitMeta unit={u} />}
                  action={
                    <Button
                      aria-label={`${s.undo}${u.name}`}
                      onClick={() => setToAdd(toAdd().filter((a) => a.id !== u.id))}
                    >
                      {s.undo}
                    </Button>
                  }
                />
              )}
            </For>
          </ul>
        </Show>
      </Section>
      <Show when={manage()}>
        <UnitSearch
          exclude={new Set([...props.members.map((m) => m.id), ...toAdd().map((a) => a.id)])}
          onAdd={(u) => setToAdd([...toAdd(), u])}
        />
        <div class="section" aria-live="polite">
          <p classList={{ 'warn-text': total() > z().limit }}>
            <strong>{s.preview(total(), z().limit, vocab().unit)}</strong>
          </p>
          <Show when={total() > z().limit}>
            <p class="warn-text">{s.overLimit(total(), z().limit)}</p>
          </Show>
        </div>
        <Show when={errors.banner()}>
          {(e) => <ErrorBanner message={e().message} details={e().details} />}
        </Show>
        <Button variant="primary" class="btn-block" busy={errors.busy()} disabled={!changed()} onClick={save}>
          {errors.busy() ? s.saving : s.saveChanges}
        </Button>
        <EditZone zone={z()} onSaved={props.onSaved} />
        <Show when={z().unitCount === 0 && props.members.length === 0}>
          <DeleteZone zone={z()} />
        </Show>
      </Show>
    </>
  );
}

/** A searchable list of active units to add; 500 units do not fit one list on a phone. */
function UnitSearch(props: { exclude: Set<string>; onAdd: (u: UnitListItem) => void }) {
  const { slug, config } = useTenant();
  const vocab = () => config().vocabulary;
  return (
    <Section title={s.find(vocab().unit)}>
      <SearchList
        id="zone-unit-q"
        label={s.find(vocab().unit)}
        placeholder={s.findPlaceholder(vocab().unit)}
        search={async (q) => (await unitsApi.list(slug(), { q, group: 'false', pageSize: 20 })).items}
        hide={(u) => props.exclude.has(u.id)}
      >
        {(u) => (
          <ActionCard
            title={u.name}
            meta={<UnitMeta unit={u} />}
            action={
              <Button aria-label={`${s.add}${u.name}`} onClick={() => props.onAdd(u)}>
                {s.add}
              </Button>
            }
          />
        )}
      </SearchList>
    </Section>
  );
}

/** A unit about to join: its kind, and the zone it would leave. */
function UnitMeta(props: { unit: UnitListItem }) {
  return (
    <>
      {props.unit.kindLabel}
      <Show when={props.unit.zoneName}>{(n) => <> · {s.inOther(n())}</>}</Show>
    </>
  );
}

function EditZone(props: { zone: ZoneSummary; onSaved: () => void }) {
  const { slug } = useTenant();
  const fields = createZoneFields('zone-edit', { name: props.zone.name, note: props.zone.note ?? '' });
  const errors = fields.errors;
  const [done, setDone] = createSignal(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (errors.busy() || !fields.check()) return;
    setDone(false);
    await errors.run(async () => {
      await zonesApi.update(slug(), props.zone.id, fields.values());
      setDone(true);
      props.onSaved();
    });
  };
  return (
    <Section title={s.edit}>
      <form class="form" onSubmit={submit} novalidate>
        <Show when={done()}>
          <Notice>{s.saved}</Notice>
        </Show>
        <ZoneFields state={fields} />
        <Button type="submit" busy={errors.busy()}>
          {errors.busy() ? s.saving : s.save}
        </Button>
      </form>
    </Section>
  );
}

function DeleteZone(props: { zone: ZoneSummary }) {
  const { slug, notify } = useTenant();
  const navigate = useNavigate();
  const [confirming, setConfirming] = createSignal(false);
  const errors = createFormErrors([], 'zone-delete');
  const remove = () =>
    errors.run(async () => {
      await zonesApi.remove(slug(), props.zone.id);
      const href = `/t/${slug()}/zones`;
      navigate(href);
      notify(s.deleted(props.zone.name), href);
    });
  return (
    <div class="section">
      <Show when={errors.banner()}>{(e) => <ErrorBanner message={e().message} details={e().details} />}</Show>
      <Show
        when={confirming()}
        fallback={
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {s.delete}
          </Button>
        }
      >
        <ConfirmDialog
          label={s.delete}
          question={s.confirmDelete(props.zone.name)}
          confirmLabel={s.confirm}
          busy={errors.busy()}
          onConfirm={remove}
          onCancel={() => setConfirming(false)}
        />
      </Show>
    </div>
  );
}
