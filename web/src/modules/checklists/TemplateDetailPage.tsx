import { A, useNavigate, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { checklistsTexts as s } from '../../texts/checklists';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatTime } from '../../ui/format';
import { InfoList } from '../../ui/InfoList';
import { Loaded } from '../../ui/Loaded';
import { createLoad, type Load } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { useTenant } from '../shell/context';
import { checklistsApi, type TemplateDetail, type TemplateRow, type VersionDetail } from './api';
import { ChecklistView } from './ChecklistView';
import { canManage, templatesHref, useModule } from './permissions';

/** /templates/:id (the current version) and /templates/:id/versions/:version (any version). */
export default function TemplateDetailPage() {
  const params = useParams();
  const { slug } = useTenant();
  const module = useModule();
  const record = createLoad(
    () => (params.id ? { module: module(), id: params.id } : false),
    ({ module: m, id }) => checklistsApi.get(slug(), m, id),
  );
  const asked = () => {
    const v = Number(params.version);
    return Number.isInteger(v) && v > 0 ? v : null;
  };
  // An older version is fetched on its own; the current one is already in the template.
  const old = createLoad(
    () => {
      const r = record.data()?.template;
      const v = asked();
      return r && v && v !== r.latestVersion ? { module: module(), id: r.id, v } : false;
    },
    ({ module: m, id, v }) => checklistsApi.version(slug(), m, id, v),
  );
  return (
    <Page title={record.data()?.template.name ?? s.title(texts.modules[module()])}>
      <p>
        <A href={templatesHref(slug(), module())}>{s.backToList}</A>
      </p>
      <Loaded load={record}>
        {(d) => (
          <Detail
            template={d().template}
            version={asked() ?? d().template.latestVersion}
            old={old}
            onChange={(template) => record.mutate({ template })}
          />
        )}
      </Loaded>
    </Page>
  );
}

interface DetailProps {
  template: TemplateDetail;
  version: number;
  /** The version asked for, when it is not the current one. */
  old: Load<{ template: TemplateRow; version: VersionDetail }>;
  onChange: (template: TemplateDetail) => void;
}

function Detail(props: DetailProps) {
  const { slug, session, notify } = useTenant();
  const module = useModule();
  const navigate = useNavigate();
  const tpl = () => props.template;
  const latest = () => props.version === tpl().latestVersion;
  const manage = () => canManage(session().user.role);
  const href = (rest = '') => templatesHref(slug(), module(), `/${tpl().id}${rest}`);
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const copy = async () => {
    const { template } = await checklistsApi.copy(slug(), module(), tpl().id);
    const to = templatesHref(slug(), module(), `/${template.id}`);
    navigate(to);
    notify(s.copied(template.name), to);
  };
  const archive = async () => {
    const { template } = await checklistsApi.archive(slug(), module(), tpl().id);
    props.onChange(template);
    setMessage(s.archived(template.name));
  };
  const restore = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { template } = await checklistsApi.restore(slug(), module(), tpl().id);
      props.onChange(template);
      setMessage(s.restored(template.name));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const versionInfo = () => tpl().versions.find((v) => v.version === props.version);

  return (
    <>
      <Show when={message()}>{(m) => <Notice>{m()}</Notice>}</Show>
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <Show when={tpl().status === 'archived'}>
        <Notice tone="info">{s.archivedNote}</Notice>
      </Show>
      <Show when={!latest()}>
        <Notice tone="info">
          {s.oldVersionNote(tpl().latestVersion)} <A href={href()}>{s.viewLatest}</A>
        </Notice>
      </Show>
      <Section title={s.basics}>
        <InfoList
          items={[
            {
              label: s.source,
              value: (
                <>
                  <span class={tpl().builtin ? 'badge badge-primary' : 'badge'}>
                    {tpl().builtin ? s.builtin : s.office}
                  </span>
                  <Show when={tpl().copiedFrom}>
                    {(from) => (
                      <>
                        {' '}
                        <A href={templatesHref(slug(), module(), `/${from().id}`)}>
                          {s.copiedFrom(from().name)}
                        </A>
                      </>
                    )}
                  </Show>
                </>
              ),
            },
            {
              label: s.versionLabel,
              value: (
                <>
                  {s.version(props.version)}
                  <Show when={versionInfo()}>
                    {(v) => <span class="muted"> · {formatTime(v().createdAt)}</span>}
                  </Show>
                </>
              ),
            },
            { label: s.description, value: tpl().description || texts.common.none },
          ]}
        />
        <Show when={manage() && latest()}>
          <div class="actions">
            <Show when={tpl().status === 'active'}>
              <A class="btn btn-primary" href={href('/edit')}>
                {s.edit}
              </A>
            </Show>
            <ConfirmButton label={s.copy} question={s.copyQuestion(tpl().name)} run={copy} />
            <Show
              when={tpl().status === 'active'}
              fallback={
                <Button busy={busy()} onClick={restore}>
                  {s.restore}
                </Button>
              }
            >
              <ConfirmButton danger label={s.archive} question={s.confirmArchive(tpl().name)} run={archive} />
            </Show>
          </div>
        </Show>
      </Section>
      <Section title={s.content}>
        <Show
          when={latest()}
          fallback={<Loaded load={props.old}>{(d) => <ChecklistView body={d().version.body} />}</Loaded>}
        >
          <ChecklistView body={tpl().body} />
        </Show>
      </Section>
      <Section title={s.versions}>
        <ol class="cards" reversed>
          <For each={tpl().versions.slice().reverse()}>
            {(v) => (
              <li class="card">
                <p class="card-title">
                  <Show
                    when={v.version !== props.version}
                    fallback={
                      <>
                        {s.version(v.version)} <span class="badge badge-ok">{s.viewing}</span>
                      </>
                    }
                  >
                    <A
                      href={v.version === tpl().latestVersion ? href() : href(`/versions/${v.version}`)}
                      aria-label={s.viewVersion(v.version)}
                    >
                      {s.version(v.version)}
                    </A>
                  </Show>
                  <Show when={v.version === tpl().latestVersion}>
                    {' '}
                    <span class="badge badge-primary">{s.current}</span>
                  </Show>
                </p>
                <p class="card-meta">
                  {formatTime(v.createdAt)}
                  {v.builtin ? ` · ${s.builtinVersion}` : v.createdByName ? ` · ${v.createdByName}` : ''}
                </p>
                <Show when={v.note}>
                  <p class="card-meta">{v.note}</p>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Section>
    </>
  );
}
