import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { texts } from '../../texts';
import { zonesTexts } from '../../texts/zones';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { createMediaQuery, WIDE } from '../../ui/media';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { canManageUnits } from '../units/permissions';
import { type ZoneSummary, zonesApi } from './api';

const s = zonesTexts;

/** /zones: every responsibility zone with its units against the limit and its inspectors. */
export default function ZonesPage() {
  const { slug, config, session } = useTenant();
  const wide = createMediaQuery(WIDE);
  const zones = createLoad(
    () => slug(),
    (sl) => zonesApi.list(sl),
  );
  const vocab = () => config().vocabulary;
  const href = (z: ZoneSummary) => `/t/${slug()}/zones/${z.id}`;
  const people = (z: ZoneSummary) =>
    z.inspectors.map((i) => i.name).join('、') || s.noInspectors(vocab().inspector);
  const count = (z: ZoneSummary) => (
    <span classList={{ 'warn-text': z.full }}>
      {s.count(z.unitCount, z.limit)}
      <Show when={z.full}>
        {' '}
        <span class="badge badge-warn">{s.full}</span>
      </Show>
    </span>
  );
  return (
    <Page title={s.title(vocab().zone)} intro={s.intro(config().zones.maxUnitsPerZone, vocab().unit)}>
      <Show when={zones.error()}>{(e) => <ErrorBanner message={e().message} onRetry={zones.reload} />}</Show>
      <Show when={zones.loading() && !zones.data()}>
        <Loading />
      </Show>
      <Show when={zones.data()}>
        {(d) => (
          <Show when={d().items.length} fallback={<p class="empty">{s.empty(vocab().zone)}</p>}>
            <Show
              when={wide()}
              fallback={
                <ul class="cards">
                  <For each={d().items}>
                    {(z) => (
                      <li class="card">
                        <h2 class="card-title">
                          <A href={href(z)}>{z.name}</A>
                        </h2>
                        <p class="card-meta">
                          {s.unitsIn(vocab().unit)} {count(z)}
                        </p>
                        <p class="card-meta">
                          {vocab().inspector}：{people(z)}
                        </p>
                        <Show when={z.note}>
                          <p class="card-meta">{z.note}</p>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              }
            >
              <div class="table-wrap">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{s.name}</th>
                      <th scope="col">{s.unitsIn(vocab().unit)}</th>
                      <th scope="col">{s.inspectors(vocab().inspector)}</th>
                      <th scope="col">{s.note}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().items}>
                      {(z) => (
                        <tr>
                          <th scope="row">
                            <A href={href(z)}>{z.name}</A>
                          </th>
                          <td>{count(z)}</td>
                          <td>{people(z)}</td>
                          <td>{z.note ?? texts.common.none}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </Show>
        )}
      </Show>
      <Show when={canManageUnits(session().user.role)}>
        <CreateZone onCreated={zones.reload} />
      </Show>
    </Page>
  );
}

const FIELDS = ['name', 'note'] as const;

function CreateZone(props: { onCreated: () => void }) {
  const { slug, config, notify } = useTenant();
  const [name, setName] = createSignal('');
  const [note, setNote] = createSignal('');
  const errors = createFormErrors(FIELDS, 'zone-new');
  const submit = async (e: Event) => {
    e.preventDefault();
    if (errors.busy()) return;
    if (!name().trim()) return errors.setLocal({ name: texts.common.required(s.name) });
    await errors.run(async () => {
      const { zone } = await zonesApi.create(slug(), { name: name(), note: note() });
      setName('');
      setNote('');
      notify(s.created(zone.name));
      props.onCreated();
    });
  };
  return (
    <Section title={s.create(config().vocabulary.zone)}>
      <form class="form" onSubmit={submit} novalidate>
        <TextField
          id="zone-new-name"
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
          id="zone-new-note"
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
        <Button type="submit" variant="primary" busy={errors.busy()}>
          {s.createBtn}
        </Button>
      </form>
    </Section>
  );
}
