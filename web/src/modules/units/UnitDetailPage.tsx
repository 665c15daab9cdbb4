import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { texts } from '../../texts';
import { unitsTexts } from '../../texts/units';
import { ArchiveActions } from '../../ui/ArchiveActions';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatCount } from '../../ui/format';
import { createFormErrors } from '../../ui/formErrors';
import { InfoList } from '../../ui/InfoList';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { useTenant } from '../shell/context';
import { type UnitDetail, unitsApi } from './api';
import { canManageUnits } from './permissions';

const s = unitsTexts;

/** /units/:id: everything about a unit, its responsible inspectors, and its board links. */
export default function UnitDetailPage() {
  const params = useParams();
  const { slug, session, config } = useTenant();
  const record = createLoad(
    () => params.id ?? false,
    (id) => unitsApi.get(slug(), id),
  );
  return (
    <Page title={record.data()?.unit.name ?? texts.shell.unitList(config().vocabulary.unit)}>
      <p>
        <A href={`/t/${slug()}/units`}>{s.backToList(config().vocabulary.unit)}</A>
      </p>
      <Loaded load={record}>
        {(d) => (
          <Detail
            unit={d().unit}
            manage={canManageUnits(session().user.role)}
            onChange={(unit) => record.mutate({ unit })}
          />
        )}
      </Loaded>
    </Page>
  );
}

function Detail(props: { unit: UnitDetail; manage: boolean; onChange: (unit: UnitDetail) => void }) {
  const { slug, config } = useTenant();
  const vocab = () => config().vocabulary;
  const u = () => props.unit;
  const [confirming, setConfirming] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);
  const errors = createFormErrors([], 'unit-status');
  const busy = errors.busy;

  const setStatus = async (action: 'archive' | 'restore') => {
    setMessage(null);
    await errors.run(async () => {
      const { unit } = await unitsApi[action](slug(), u().id);
      props.onChange(unit);
      setMessage(action === 'archive' ? s.archivedDone(unit.name) : s.restoredDone(unit.name));
    });
    // Done or refused, the question has been answered.
    setConfirming(false);
  };

  const none = texts.common.none;
  return (
    <>
      <Show when={message()}>{(m) => <Notice>{m()}</Notice>}</Show>
      <Show when={errors.banner()}>{(e) => <ErrorBanner message={e().message} details={e().details} />}</Show>
      <Show when={u().status === 'archived'}>
        <Notice tone="info">{s.archivedNote(vocab().zone)}</Notice>
      </Show>
      <Section title={s.basics}>
        <InfoList
          items={[
            { label: s.kind, value: u().kindLabel },
            { label: s.code, value: u().code ?? none },
            {
              label: s.parent(vocab().unitGroup),
              value: u().parent ? (
                <A href={`/t/${slug()}/units/${u().parent?.id}`}>{u().parent?.name}</A>
              ) : (
                none
              ),
            },
            {
              label: vocab().zone,
              value: u().zone ? <A href={`/t/${slug()}/zones/${u().zone?.id}`}>{u().zone?.name}</A> : none,
            },
            { label: s.address, value: u().address ?? none },
            { label: s.headName, value: u().headName ?? none },
            { label: s.phone, value: u().phone ? <a href={`tel:${u().phone}`}>{u().phone}</a> : none },
            { label: s.enrolment, value: formatCount(u().enrolment) },
            { label: s.staffCount, value: formatCount(u().staffCount) },
            { label: s.status, value: u().status === 'archived' ? s.archived : s.active },
          ]}
        />
        <Show when={u().isGroup}>
          <p>
            <A href={`/t/${slug()}/units?parentId=${u().id}`}>{s.childCount(u().childCount, vocab().unit)}</A>
          </p>
        </Show>
        <Show when={props.manage}>
          <ArchiveActions
            editHref={`/t/${slug()}/units/${u().id}/edit`}
            editLabel={s.edit}
            active={u().status === 'active'}
            archiveLabel={s.archive}
            restoreLabel={s.restore}
            question={s.confirmArchive(u().name, vocab().zone)}
            confirmLabel={s.confirm}
            busy={busy()}
            confirming={confirming()}
            setConfirming={setConfirming}
            onArchive={() => setStatus('archive')}
            onRestore={() => setStatus('restore')}
          />
        </Show>
      </Section>
      <Section title={s.inspectors(vocab().inspector)}>
        <Show
          when={u().inspectors.length}
          fallback={<p class="empty">{s.noInspectors(vocab().inspector, vocab().zone)}</p>}
        >
          <ul class="cards">
            <For each={u().inspectors}>
              {(i) => (
                <li class="card">
                  <p class="card-title">{i.name}</p>
                  <p class="card-meta">
                    {i.typeLabel} · {i.direct ? s.direct : s.viaZone(vocab().zone)}
                  </p>
                  <p class="card-meta">{i.phone ? <a href={`tel:${i.phone}`}>{i.phone}</a> : none}</p>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <p class="actions">
          <A class="btn btn-secondary" href={`/t/${slug()}/board/${u().id}`}>
            {s.viewBoard}
          </A>
          <A class="btn btn-secondary" href={`/t/${slug()}/units/${u().id}/poster`}>
            {s.printPoster}
          </A>
        </p>
      </Section>
    </>
  );
}
