import { A, useNavigate } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { evaluationTexts as s } from '../../texts/evaluation';
import { formatTime } from '../../ui/format';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { evaluationApi, evaluationHref, SCHEME_KINDS, type SchemeKind } from './api';
import { canManageSchemes } from './permissions';
import { SheetUpload } from './SheetUpload';

/** /t/:tenant/evaluation/schemes: the office's evaluation schemes, and a new one from a sheet. */
export default function SchemesPage() {
  const { slug, session } = useTenant();
  const navigate = useNavigate();
  const list = createLoad(
    () => slug(),
    (tenant) => evaluationApi.list(tenant),
  );
  const [name, setName] = createSignal('');
  const [kind, setKind] = createSignal<SchemeKind>('developmental');

  return (
    <Page title={s.title}>
      <p>{s.intro}</p>
      <Loaded load={list}>
        {(d) => (
          <Show when={d().items.length > 0} fallback={<p>{s.empty}</p>}>
            <ul class="cards">
              <For each={d().items}>
                {(row) => (
                  <li class="card">
                    <h2 class="card-title">
                      <A href={evaluationHref(slug(), `/${row.id}`)}>{row.name}</A>{' '}
                      <span class={row.builtinKey ? 'badge badge-primary' : 'badge'}>
                        {row.builtinKey ? s.builtin : s.office}
                      </span>{' '}
                      <span class="badge">{s.kinds[row.kind]}</span>
                    </h2>
                    <p class="card-meta">
                      {s.pointsValue(row.totalPoints)} · {s.counts(row.firstLevel, row.scoredIndicators)} ·{' '}
                      {s.version(row.latestVersion)}
                    </p>
                    <p class="card-meta">
                      {s.updatedAt} {formatTime(row.updatedAt)}
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Loaded>
      <Show when={canManageSchemes(session().user.role)}>
        <Section title={s.importTitle}>
          <SheetUpload
            id="scheme-file"
            hint={s.importHint}
            send={async (file) => {
              const { scheme } = await evaluationApi.importScheme(slug(), name().trim(), kind(), file);
              navigate(evaluationHref(slug(), `/${scheme.id}`));
              return s.imported(scheme.name);
            }}
          >
            <TextField id="scheme-name" label={s.name} value={name()} onValue={setName} maxLength={60} />
            <SelectField
              id="scheme-kind"
              label={s.kind}
              value={kind()}
              onValue={(v) => setKind(v as SchemeKind)}
              options={SCHEME_KINDS.map((k) => ({ value: k, label: s.kinds[k] as string }))}
            />
          </SheetUpload>
        </Section>
      </Show>
    </Page>
  );
}
