import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { texts } from '../../texts';
import { zonesTexts } from '../../texts/zones';
import { Button } from '../../ui/Button';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { useTenant } from '../shell/context';
import { canManageUnits } from '../units/permissions';
import { type ZoneSummary, zonesApi } from './api';
import { createZoneFields, ZoneFields } from './ZoneFields';

const s = zonesTexts;

/** /zones: every responsibility zone with its units against the limit and its inspectors. */
export default function ZonesPage() {
  const { slug, config, session } = useTenant();
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
      <Loaded load={zones}>
        {(d) => (
          <CardsOrTable
            count={d().items.length}
            empty={s.empty(vocab().zone)}
            cards={
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
            table={
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
            }
          />
        )}
      </Loaded>
      <Show when={canManageUnits(session().user.role)}>
        <CreateZone onCreated={zones.reload} />
      </Show>
    </Page>
  );
}

function CreateZone(props: { onCreated: () => void }) {
  const { slug, config, notify } = useTenant();
  const fields = createZoneFields('zone-new', { name: '', note: '' });
  const errors = fields.errors;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (errors.busy() || !fields.check()) return;
    await errors.run(async () => {
      const { zone } = await zonesApi.create(slug(), fields.values());
      fields.setName('');
      fields.setNote('');
      notify(s.created(zone.name));
      props.onCreated();
    });
  };
  return (
    <Section title={s.create(config().vocabulary.zone)}>
      <form class="form" onSubmit={submit} novalidate>
        <ZoneFields state={fields} />
        <Button type="submit" variant="primary" busy={errors.busy()}>
          {s.createBtn}
        </Button>
      </form>
    </Section>
  );
}
