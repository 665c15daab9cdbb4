import { A, useParams, useSearchParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { evaluationTexts as s } from '../../texts/evaluation';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { SelectField } from '../../ui/SelectField';
import { one } from '../../ui/searchParams';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { evaluationApi, evaluationHref, type SchemeDetail, type SchemeIndicator } from './api';
import { canManageSchemes } from './permissions';
import { SheetUpload } from './SheetUpload';

function IndicatorDetails(props: { indicator: SchemeIndicator }) {
  return (
    <dl class="info-list">
      <Show when={props.indicator.criteria}>
        <dt>{s.criteria}</dt>
        <dd>{props.indicator.criteria}</dd>
      </Show>
      <Show when={props.indicator.guidance}>
        <dt>{s.guidance}</dt>
        <dd>{props.indicator.guidance}</dd>
      </Show>
      <Show when={props.indicator.evidence}>
        <dt>{s.evidence}</dt>
        <dd>{props.indicator.evidence}</dd>
      </Show>
    </dl>
  );
}

/** Second and third levels under a first-level indicator, each with what reviewers need. */
function Indicators(props: { items: SchemeIndicator[] }) {
  return (
    <ul class="cards">
      <For each={props.items}>
        {(item) => (
          <li class="card">
            <h3 class="card-title">
              {item.key} {item.name} <span class="badge">{s.pointsValue(item.points)}</span>
            </h3>
            <IndicatorDetails indicator={item} />
            <Show when={item.children?.length}>
              <Indicators items={item.children ?? []} />
            </Show>
          </li>
        )}
      </For>
    </ul>
  );
}

/** /t/:tenant/evaluation/schemes/:id[?version=n]: the indicator tree of one version. */
export default function SchemeDetailPage() {
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const { slug, session } = useTenant();
  const asked = () => {
    const v = Number(one(search.version));
    return Number.isInteger(v) && v > 0 ? v : undefined;
  };
  const record = createLoad(
    () => (params.id ? { id: params.id, version: asked() } : false),
    ({ id, version }) => evaluationApi.get(slug(), id, version),
  );
  return (
    <Page title={record.data()?.scheme.name ?? s.title}>
      <p>
        <A href={evaluationHref(slug())}>{s.backToList}</A>
      </p>
      <Loaded load={record}>
        {(d) => (
          <Detail
            scheme={d().scheme}
            canManage={canManageSchemes(session().user.role)}
            onVersion={(v) => setSearch({ version: v === d().scheme.latestVersion ? undefined : String(v) })}
            onSaved={(scheme) => {
              setSearch({ version: undefined });
              record.mutate({ scheme });
            }}
          />
        )}
      </Loaded>
    </Page>
  );
}

function Detail(props: {
  scheme: SchemeDetail;
  canManage: boolean;
  onVersion: (version: number) => void;
  onSaved: (scheme: SchemeDetail) => void;
}) {
  const { slug } = useTenant();
  const [exporting, setExporting] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [note, setNote] = createSignal('');
  const versions = () =>
    Array.from({ length: props.scheme.latestVersion }, (_, i) => props.scheme.latestVersion - i);
  const exportSheet = async () => {
    setExporting(true);
    setError(null);
    try {
      await evaluationApi.export(slug(), props.scheme.id, props.scheme.version);
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setExporting(false);
    }
  };
  return (
    <>
      <p class="card-meta">
        <span class="badge">{s.kinds[props.scheme.kind]}</span> {s.pointsValue(props.scheme.totalPoints)} ·{' '}
        {s.counts(props.scheme.body.indicators.length, props.scheme.scoredIndicators)}
      </p>
      <Show when={props.scheme.version !== props.scheme.latestVersion}>
        <Notice tone="info">
          {s.olderVersion(props.scheme.version, props.scheme.latestVersion)}{' '}
          <Button variant="link" onClick={() => props.onVersion(props.scheme.latestVersion)}>
            {s.showLatest}
          </Button>
        </Notice>
      </Show>
      <Show when={props.scheme.note}>
        <p>
          {s.note}：{props.scheme.note}
        </p>
      </Show>
      <div class="actions">
        <Show when={props.scheme.latestVersion > 1}>
          <SelectField
            id="scheme-version"
            label={s.versionPicker}
            value={String(props.scheme.version)}
            onValue={(v) => props.onVersion(Number(v))}
            options={versions().map((v) => ({ value: String(v), label: s.version(v) }))}
          />
        </Show>
        <Button busy={exporting()} onClick={exportSheet}>
          {exporting() ? s.exporting : s.exportButton}
        </Button>
      </div>
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <For each={props.scheme.body.indicators}>
        {(first) => (
          <Section title={`${first.key} ${first.name}（${s.pointsValue(first.points)}）`}>
            <IndicatorDetails indicator={first} />
            <Show when={first.children?.length}>
              <Indicators items={first.children ?? []} />
            </Show>
          </Section>
        )}
      </For>
      <Show when={props.canManage}>
        <Section title={s.versionImportTitle}>
          <SheetUpload
            id="scheme-version-file"
            hint={s.versionImportHint}
            send={async (file) => {
              const { scheme } = await evaluationApi.importVersion(
                slug(),
                props.scheme.id,
                note().trim(),
                file,
              );
              props.onSaved(scheme);
              setNote('');
              return s.versionImported(scheme.version);
            }}
          >
            <TextField
              id="scheme-version-note"
              label={s.versionNote}
              value={note()}
              onValue={setNote}
              maxLength={200}
            />
          </SheetUpload>
        </Section>
      </Show>
    </>
  );
}
