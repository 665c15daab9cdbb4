import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { inspectorsTexts } from '../../texts/inspectors';
import { ArchiveActions } from '../../ui/ArchiveActions';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { InfoList } from '../../ui/InfoList';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { useTenant } from '../shell/context';
import { type InspectorDetail, inspectorsApi } from './api';
import { PhotoUpload } from './PhotoUpload';
import { canManage } from './permissions';

const s = inspectorsTexts;

export default function InspectorDetailPage() {
  const params = useParams();
  const { slug, session } = useTenant();
  const record = createLoad(
    () => params.id ?? false,
    (id) => inspectorsApi.get(slug(), id),
  );
  return (
    <Page title={record.data()?.inspector.name ?? s.title(useTenant().config().vocabulary.inspector)}>
      <p>
        <A href={`/t/${slug()}/inspectors`}>{s.backToList}</A>
      </p>
      <Loaded load={record}>
        {(d) => (
          <Detail
            inspector={d().inspector}
            manage={canManage(session().user.role)}
            onChange={(inspector) => record.mutate({ inspector })}
            reload={record.reload}
          />
        )}
      </Loaded>
    </Page>
  );
}

interface DetailProps {
  inspector: InspectorDetail;
  manage: boolean;
  onChange: (inspector: InspectorDetail) => void;
  reload: () => void;
}

function Detail(props: DetailProps) {
  const { slug, config } = useTenant();
  const vocab = () => config().vocabulary;
  const i = () => props.inspector;
  const [confirming, setConfirming] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const setStatus = async (action: 'archive' | 'restore') => {
    setBusy(true);
    setError(null);
    try {
      const { inspector } = await inspectorsApi[action](slug(), i().id);
      props.onChange(inspector);
      setMessage(action === 'archive' ? s.archived(inspector.name) : s.restored(inspector.name));
      setConfirming(false);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Show when={message()}>{(m) => <Notice>{m()}</Notice>}</Show>
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <Show when={i().status === 'archived'}>
        <Notice tone="info">{s.archivedNote}</Notice>
      </Show>
      <Show when={i().warning}>
        {(w) => (
          <div class="banner banner-info" role="status">
            <p class="warn-text">{w().message}</p>
          </div>
        )}
      </Show>
      <Section title={s.photo}>
        <Show when={i().hasPhoto} fallback={<p class="muted">{s.noPhoto}</p>}>
          <img
            src={inspectorsApi.photoUrl(slug(), i().id, i().updatedAt)}
            alt={s.photoAlt(i().name)}
            style={{ 'max-width': '160px', 'max-height': '200px', display: 'block' }}
          />
        </Show>
        <Show when={props.manage && i().status === 'active'}>
          <PhotoUpload slug={slug()} id={i().id} onUploaded={props.reload} />
        </Show>
      </Section>
      <Section title={s.basics}>
        <InfoList
          items={[
            { label: s.type, value: i().typeLabel },
            { label: s.certificateNo, value: i().certificateNo ?? texts.common.none },
            { label: s.term, value: s.termRange(i().term.start, i().term.end) },
            { label: s.trainingHours, value: s.hours(i().trainingHours) },
            { label: s.phone, value: i().phone ?? texts.common.none },
            { label: s.email, value: i().email ?? texts.common.none },
            { label: s.workplace, value: i().workplace ?? texts.common.none },
            {
              label: s.user,
              value: i().user ? `${i().user?.displayName}（${i().user?.username}）` : s.noUser,
            },
          ]}
        />
        <Show when={props.manage}>
          <ArchiveActions
            editHref={`/t/${slug()}/inspectors/${i().id}/edit`}
            editLabel={s.edit}
            active={i().status === 'active'}
            archiveLabel={s.archive}
            restoreLabel={s.restore}
            question={s.confirmArchive(i().name)}
            confirmLabel={s.confirm}
            busy={busy()}
            confirming={confirming()}
            setConfirming={setConfirming}
            onArchive={() => setStatus('archive')}
            onRestore={() => setStatus('restore')}
          />
        </Show>
      </Section>
      <Section title={s.duties(vocab().zone, vocab().unit)}>
        <p>
          {vocab().zone}：
          {i()
            .zones.map((z) => z.name)
            .join('、') || texts.common.none}
        </p>
        <p class={i().warning ? 'warn-text' : 'muted'}>{s.unitCount(i().unitCount, vocab().unit)}</p>
        <Show
          when={i().units.length}
          fallback={<p class="empty">{s.noDuties(vocab().zone, vocab().unit)}</p>}
        >
          <ul class="cards">
            <For each={i().units}>
              {(u) => (
                <li class="card">
                  <p class="card-title">
                    {u.name}
                    <Show when={u.status === 'archived'}>
                      {' '}
                      <span class="badge">{s.statuses.archived}</span>
                    </Show>
                  </p>
                  <p class="card-meta">
                    {u.kindLabel}
                    <Show when={u.direct}> · {s.direct}</Show>
                    <Show when={u.viaZone}>{(z) => <> · {s.viaZone(z().name)}</>}</Show>
                  </p>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={props.manage && i().status === 'active'}>
          <p class="actions">
            <A class="btn btn-primary" href={`/t/${slug()}/inspectors/${i().id}/assign`}>
              {s.assign(vocab().zone, vocab().unit)}
            </A>
          </p>
        </Show>
      </Section>
    </>
  );
}
