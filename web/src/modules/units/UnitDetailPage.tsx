import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { unitsTexts } from '../../texts/units';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatCount } from '../../ui/format';
import { InfoList } from '../../ui/InfoList';
import { Loading } from '../../ui/Loading';
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
      <Show when={record.error()}>
        {(e) => <ErrorBanner message={e().message} onRetry={record.reload} />}
      </Show>
      <Show
        when={record.data()}
        fallback={
          <Show when={!record.error()}>
            <Loading />
          </Show>
        }
      >
        {(d) => (
          <Detail
            unit={d().unit}
            manage={canManageUnits(session().user.role)}
            onChange={(unit) => record.mutate({ unit })}
          />
        )}
      </Show>
    </Page>
  );
}

function Detail(props: { unit: UnitDetail; manage: boolean; onChange: (unit: UnitDetail) => void }) {
  const { slug, config } = useTenant();
  const vocab = () => config().vocabulary;
  const u = () => props.unit;
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);
  const [error, setError] = createSignal<{ message: string; details: string[] } | null>(null);

  const setStatus = async (action: 'archive' | 'restore') => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { unit } = await unitsApi[action](slug(), u().id);
      props.onChange(unit);
      setMessage(action === 'archive' ? s.archivedDone(unit.name) : s.restoredDone(unit.name));
      setConfirming(false);
    } catch (err) {
      const e = toApiError(err);
      setError({ message: e.message, details: e.issues.map((i) => i.message) });
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };

  const none = texts.common.none;
  return (
    <>
      <Show when={message()}>{(m) => <Notice>{m()}</Notice>}</Show>
      <Show when={error()}>{(e) => <ErrorBanner message={e().message} details={e().details} />}</Show>
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
          <p class="actions">
            <A class="btn btn-secondary" href={`/t/${slug()}/units/${u().id}/edit`}>
              {s.edit}
            </A>
            <Show
              when={u().status === 'active'}
              fallback={
                <Button busy={busy()} onClick={() => setStatus('restore')}>
                  {s.restore}
                </Button>
              }
            >
              <Button variant="danger" onClick={() => setConfirming(true)} disabled={confirming()}>
                {s.archive}
              </Button>
            </Show>
          </p>
          <Show when={confirming()}>
            <div class="confirm-box" role="alertdialog" aria-label={s.archive}>
              <p>{s.confirmArchive(u().name, vocab().zone)}</p>
              <p class="actions">
                <Button variant="danger" busy={busy()} onClick={() => setStatus('archive')}>
                  {s.confirm}
                </Button>
                <Button onClick={() => setConfirming(false)}>{texts.common.cancel}</Button>
              </p>
            </div>
          </Show>
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
