import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { zonesTexts } from '../../texts/zones';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { type UnitListItem, unitsApi } from '../units/api';
import { canManageUnits } from '../units/permissions';
import { type ZoneSummary, zonesApi } from './api';

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
      <Show when={data.error()}>{(e) => <ErrorBanner message={e().message} onRetry={data.reload} />}</Show>
      <Show
        when={data.data()}
        fallback={
          <Show when={!data.error()}>
            <Loading />
          </Show>
        }
      >
        {(d) => (
          <Show when={d().zone} fallback={<ErrorBanner message={texts.common.notFoundBody} />}>
            {(zone) => (
              <ZoneEditor zone={zone()} members={d().members} zones={d().zones} onSaved={data.reload} />
            )}
          </Show>
        )}
      </Show>
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
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<{ message: string; details: string[] } | null>(null);
  const [message, setMessage] = createSignal<string | null>(null);

  const total = createMemo(() => z().unitCount + toAdd().length - toRemove().length);
  const changed = () => toAdd().length > 0 || toRemove().length > 0;

  const save = async () => {
    if (saving() || !changed()) return;
    setSaving(true);
    setError(null);
    setMessage(null);
    try {
      await zonesApi.assign(slug(), z().id, { add: toAdd().map((u) => u.id), remove: toRemove() });
      setToAdd([]);
      setToRemove([]);
      setMessage(s.changesSaved);
      props.onSaved();
    } catch (err) {
      const e = toApiError(err);
      setError({ message: e.message, details: e.issues.map((i) => i.message) });
    } finally {
      setSaving(false);
    }
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
                  <li
                    class="card"
                    style={{ display: 'flex', 'justify-content': 'space-between', gap: '8px' }}
                  >
                    <span>
                      <A href={`/t/${slug()}/units/${u.id}`}>{u.name}</A>
                      <span class="card-meta" style={{ display: 'block' }}>
                        {u.kindLabel}
                        <Show when={leaving()}>
                          {' · '}
                          <span class="warn-text">{s.toRemove}</span>
                        </Show>
                      </span>
                    </span>
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
                  </li>
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
                <li class="card" style={{ display: 'flex', 'justify-content': 'space-between', gap: '8px' }}>
                  <span>
                    {u.name}
                    <span class="card-meta" style={{ display: 'block' }}>
                      {u.kindLabel}
                      <Show when={u.zoneName}>{(n) => <> · {s.inOther(n())}</>}</Show>
                    </span>
                  </span>
                  <Button
                    aria-label={`${s.undo}${u.name}`}
                    onClick={() => setToAdd(toAdd().filter((a) => a.id !== u.id))}
                  >
                    {s.undo}
                  </Button>
                </li>
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
        <Show when={error()}>{(e) => <ErrorBanner message={e().message} details={e().details} />}</Show>
        <Button variant="primary" class="btn-block" busy={saving()} disabled={!changed()} onClick={save}>
          {saving() ? s.saving : s.saveChanges}
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
  const [q, setQ] = createSignal('');
  const [results, setResults] = createSignal<UnitListItem[]>([]);
  const [searching, setSearching] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;
  onCleanup(() => clearTimeout(timer));
  const search = (text: string) => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const id = ++seq;
      setSearching(true);
      setError(null);
      try {
        const page = await unitsApi.list(slug(), { q: text.trim(), group: 'false', pageSize: 20 });
        if (id === seq) setResults(page.items);
      } catch (err) {
        if (id === seq) setError(toApiError(err).message);
      } finally {
        if (id === seq) setSearching(false);
      }
    }, 300);
  };
  onMount(() => search(''));
  return (
    <Section title={s.find(vocab().unit)}>
      <TextField
        id="zone-unit-q"
        type="search"
        label={s.find(vocab().unit)}
        placeholder={s.findPlaceholder(vocab().unit)}
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
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <ul class="cards" aria-label={s.find(vocab().unit)}>
        <For each={results().filter((u) => !props.exclude.has(u.id))}>
          {(u) => (
            <li class="card" style={{ display: 'flex', 'justify-content': 'space-between', gap: '8px' }}>
              <span>
                {u.name}
                <span class="card-meta" style={{ display: 'block' }}>
                  {u.kindLabel}
                  <Show when={u.zoneName}>{(n) => <> · {s.inOther(n())}</>}</Show>
                </span>
              </span>
              <Button aria-label={`${s.add}${u.name}`} onClick={() => props.onAdd(u)}>
                {s.add}
              </Button>
            </li>
          )}
        </For>
      </ul>
    </Section>
  );
}

const FIELDS = ['name', 'note'] as const;

function EditZone(props: { zone: ZoneSummary; onSaved: () => void }) {
  const { slug } = useTenant();
  const [name, setName] = createSignal(props.zone.name);
  const [note, setNote] = createSignal(props.zone.note ?? '');
  const [done, setDone] = createSignal(false);
  const errors = createFormErrors(FIELDS, 'zone-edit');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (errors.busy()) return;
    if (!name().trim()) return errors.setLocal({ name: texts.common.required(s.name) });
    setDone(false);
    await errors.run(async () => {
      await zonesApi.update(slug(), props.zone.id, { name: name(), note: note() });
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
        <TextField
          id="zone-edit-name"
          label={s.name}
          value={name()}
          onValue={(v) => {
            setName(v);
            errors.clearField('name');
          }}
          error={errors.field('name')}
          maxLength={30}
          autocomplete="off"
        />
        <TextField
          id="zone-edit-note"
          label={s.note}
          optional
          value={note()}
          onValue={(v) => {
            setNote(v);
            errors.clearField('note');
          }}
          error={errors.field('note')}
          maxLength={200}
          autocomplete="off"
        />
        <Show when={errors.banner()}>
          {(b) => <ErrorBanner message={b().message} details={b().details} />}
        </Show>
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
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<{ message: string; details: string[] } | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await zonesApi.remove(slug(), props.zone.id);
      const href = `/t/${slug()}/zones`;
      navigate(href);
      notify(s.deleted(props.zone.name), href);
    } catch (err) {
      const e = toApiError(err);
      setError({ message: e.message, details: e.issues.map((i) => i.message) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="section">
      <Show when={error()}>{(e) => <ErrorBanner message={e().message} details={e().details} />}</Show>
      <Show
        when={confirming()}
        fallback={
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {s.delete}
          </Button>
        }
      >
        <div class="confirm-box" role="alertdialog" aria-label={s.delete}>
          <p>{s.confirmDelete(props.zone.name)}</p>
          <p class="actions">
            <Button variant="danger" busy={busy()} onClick={remove}>
              {s.confirm}
            </Button>
            <Button onClick={() => setConfirming(false)}>{texts.common.cancel}</Button>
          </p>
        </div>
      </Show>
    </div>
  );
}
