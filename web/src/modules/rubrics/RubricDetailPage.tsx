import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { toApiError } from '../../api';
import { rubricsTexts as s } from '../../texts/rubrics';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { SelectField } from '../../ui/SelectField';
import { one } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { canManageRubrics, type RubricDetail, rubricsApi, rubricsHref } from './api';
import { RubricView } from './RubricView';

/** /teaching/rubrics/:id (the latest version) and ?version=n (an older one). */
export default function RubricDetailPage() {
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const { slug } = useTenant();
  const asked = () => {
    const v = Number(one(search.version));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const record = createLoad(
    () => (params.id ? { id: params.id, version: asked() } : false),
    ({ id, version }) => rubricsApi.get(slug(), id, version),
  );
  return (
    <Page title={record.data()?.rubric.name ?? s.title}>
      <p>
        <A href={rubricsHref(slug())}>{s.backToList}</A>
      </p>
      <Loaded load={record}>
        {(d) => (
          <Detail
            rubric={d().rubric}
            onVersion={(v) => setSearch({ version: v === d().rubric.latestVersion ? undefined : String(v) })}
            onChange={(rubric) => record.mutate({ rubric })}
          />
        )}
      </Loaded>
    </Page>
  );
}

interface DetailProps {
  rubric: RubricDetail;
  onVersion: (version: number) => void;
  onChange: (rubric: RubricDetail) => void;
}

function Detail(props: DetailProps) {
  const { slug, session, notify } = useTenant();
  const navigate = useNavigate();
  const r = () => props.rubric;
  const latest = () => r().version === r().latestVersion;
  const manage = () => canManageRubrics(session().user.role);
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  const copy = async () => {
    const { rubric } = await rubricsApi.copy(slug(), r().id);
    const to = rubricsHref(slug(), `/${rubric.id}/edit`);
    navigate(to);
    notify(s.copied(rubric.name), to);
  };
  const archive = async () => {
    const { rubric } = await rubricsApi.archive(slug(), r().id);
    props.onChange(rubric);
    setMessage(s.archived(rubric.name));
  };
  const restore = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { rubric } = await rubricsApi.restore(slug(), r().id);
      props.onChange(rubric);
      setMessage(s.restored(rubric.name));
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const versions = () =>
    Array.from({ length: r().latestVersion }, (_, i) => r().latestVersion - i).map((v) => ({
      value: String(v),
      label: s.version(v),
    }));

  return (
    <>
      <Show when={message()}>{(m) => <Notice>{m()}</Notice>}</Show>
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <Show when={r().status === 'archived'}>
        <Notice tone="info">{s.archivedNote}</Notice>
      </Show>
      <Show when={!latest()}>
        <Notice tone="info">
          {s.oldVersionNote(r().latestVersion)}{' '}
          <Button variant="link" onClick={() => props.onVersion(r().latestVersion)}>
            {s.viewLatest}
          </Button>
        </Notice>
      </Show>
      <p>
        <span class={r().builtinKey ? 'badge badge-primary' : 'badge'}>
          {r().builtinKey ? s.builtin : s.office}
        </span>{' '}
        <span class="muted">{s.fullMarks(r().maxTotal)}</span>
      </p>
      <SelectField
        id="rubric-version"
        label={s.versionLabel}
        value={String(r().version)}
        options={versions()}
        onValue={(v) => props.onVersion(Number(v))}
      />
      <Show when={manage() && latest()}>
        <Show when={r().builtinKey}>
          <p class="muted">{s.builtinNote}</p>
        </Show>
        <div class="actions">
          <Show when={r().status === 'active' && !r().builtinKey}>
            <A class="btn btn-primary" href={rubricsHref(slug(), `/${r().id}/edit`)}>
              {s.edit}
            </A>
          </Show>
          <ConfirmButton label={s.copy} question={s.copyQuestion(r().name)} run={copy} />
          <Show
            when={r().status === 'active'}
            fallback={
              <Button busy={busy()} onClick={restore}>
                {s.restore}
              </Button>
            }
          >
            <ConfirmButton danger label={s.archive} question={s.confirmArchive(r().name)} run={archive} />
          </Show>
        </div>
      </Show>
      <Section title={s.version(r().version)}>
        <RubricView body={r().body} total={r().maxTotal} />
      </Section>
    </>
  );
}
