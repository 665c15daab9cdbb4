import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, Index, Show } from 'solid-js';
import * as v from 'valibot';
import { placeRubricIssues, RubricBodySchema } from '../../../../tenants/observations/rubric';
import { rubricsTexts as s } from '../../texts/rubrics';
import { Button } from '../../ui/Button';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { type RubricDetail, rubricsApi, rubricsHref } from './api';
import {
  blankDraft,
  bodyOf,
  DRAFT_FIELDS,
  draftOf,
  nextKey,
  type RubricDraft,
  rubricDrafts,
  type SectionDraft,
  sectionsOf,
  typedTotal,
} from './draft';
import { bandLines } from './RubricView';

/** /teaching/rubrics/new and /teaching/rubrics/:id/edit (a save is a new version). */
export default function RubricEditorPage() {
  const params = useParams();
  const { slug } = useTenant();
  const record = createLoad(
    () => (params.id ? params.id : false),
    (id) => rubricsApi.get(slug(), id),
  );
  return (
    <Show when={params.id} fallback={<Editor initial={blankDraft()} />}>
      <Page title={record.data() ? s.editTitle(record.data()?.rubric.name ?? '') : s.title}>
        <Loaded load={record}>
          {(d) => (
            <Editor
              rubric={d().rubric}
              initial={draftOf(d().rubric.name, d().rubric.body, d().rubric.latestVersion)}
            />
          )}
        </Loaded>
      </Page>
    </Show>
  );
}

function Editor(props: { rubric?: RubricDetail; initial: RubricDraft }) {
  const { slug, notify } = useTenant();
  const navigate = useNavigate();
  const form = createDraftForm({
    slot: rubricDrafts(slug(), props.rubric?.id ?? null),
    initial: props.initial,
    fields: DRAFT_FIELDS,
    idPrefix: 'rubric',
  });
  const sections = createMemo(() => sectionsOf(form.draft()));
  const setSections = (next: SectionDraft[]) => form.set('sections')(JSON.stringify(next));
  const allKeys = () => sections().flatMap((sec) => sec.items.map((i) => i.key));
  const total = () => typedTotal(sections().flatMap((sec) => sec.items));
  const editItem = (si: number, ii: number, patch: Partial<SectionDraft['items'][number]>) =>
    setSections(
      sections().map((sec, i) =>
        i !== si ? sec : { ...sec, items: sec.items.map((it, j) => (j === ii ? { ...it, ...patch } : it)) },
      ),
    );
  const editSection = (si: number, patch: Partial<SectionDraft>) =>
    setSections(sections().map((sec, i) => (i === si ? { ...sec, ...patch } : sec)));
  const addItem = (si: number) =>
    editSection(si, {
      items: [
        ...(sections()[si]?.items ?? []),
        { key: nextKey('i', allKeys()), label: '', max: '', hint: '' },
      ],
    });
  const addSection = () =>
    setSections([
      ...sections(),
      {
        key: nextKey(
          's',
          sections().map((sec) => sec.key),
        ),
        title: '',
        items: [{ key: nextKey('i', allKeys()), label: '', max: '', hint: '' }],
      },
    ]);

  /** What the schema says about the body as typed: by place (`sections.0.items.1.max`), and the rest. */
  const check = createMemo(() => {
    const body = bodyOf(form.draft());
    const result = v.safeParse(RubricBodySchema, body);
    const issues = result.success
      ? []
      : placeRubricIssues(
          body,
          '',
          result.issues.map((i) => ({ path: v.getDotPath(i) ?? '', message: i.message })),
        );
    const at = new Map<string, string>();
    const general: string[] = [];
    for (const issue of issues) {
      if (/^(sections\.\d+(\.items\.\d+)?\.\w+|bands\.\w+)$/.test(issue.path) && !at.has(issue.path)) {
        at.set(issue.path, issue.message);
      } else general.push(issue.message);
    }
    return { ok: result.success, at, general, body };
  });
  // Messages appear after the first save attempt, not while the first item is still being typed.
  const [showIssues, setShowIssues] = createSignal(false);
  const issueAt = (path: string) => (showIssues() ? check().at.get(path) : undefined);
  const bands = () => {
    const b = check().body.bands;
    // The grades' ranges only once they make sense (numbers, in order, within the total).
    return typeof b.excellent === 'number' &&
      typeof b.good === 'number' &&
      typeof b.pass === 'number' &&
      b.excellent > b.good &&
      b.good > b.pass &&
      b.excellent <= total()
      ? { excellent: b.excellent, good: b.good, pass: b.pass }
      : null;
  };

  const submit = form.onSubmit(
    (d) => {
      const local: Partial<Record<(typeof DRAFT_FIELDS)[number], string>> = {};
      if (!d.name.trim()) local.name = '请填写评课标准名称';
      if (!check().ok) {
        setShowIssues(true);
        local.sections = s.fixBelow;
      }
      return local;
    },
    async (d) => {
      const body = check().body as never;
      if (props.rubric) {
        const res = await rubricsApi.addVersion(slug(), props.rubric.id, {
          name: d.name.trim(),
          body,
          baseVersion: Number(d.baseVersion) || props.rubric.latestVersion,
        });
        form.clear();
        const to = rubricsHref(slug(), `/${res.rubric.id}`);
        navigate(to);
        notify(res.unchanged ? s.unchanged : s.saved(res.rubric.name, res.rubric.version), to);
      } else {
        const res = await rubricsApi.create(slug(), { name: d.name.trim(), body });
        form.clear();
        const to = rubricsHref(slug(), `/${res.rubric.id}`);
        navigate(to);
        notify(s.saved(res.rubric.name, res.rubric.version), to);
      }
    },
  );

  const content = (
    <form class="form rubric-editor" onSubmit={submit} novalidate>
      <DraftNotice
        show={form.restored}
        message={s.draftRestored}
        discardLabel={s.discardDraft}
        onDiscard={form.discard}
      />
      <Show when={form.errors.banner()}>
        {(b) => <ErrorBanner message={b().message} details={b().details} />}
      </Show>
      <TextField {...form.field('name', s.name)} maxLength={60} />
      <Index each={sections()}>
        {(sec, si) => (
          <fieldset class="rubric-section">
            <legend>
              {sec().title || s.sectionTitle(si + 1)} · {s.sectionSum(typedTotal(sec().items))}
            </legend>
            <TextField
              id={`rubric-s${si}-title`}
              label={s.sectionTitle(si + 1)}
              value={sec().title}
              onValue={(title) => editSection(si, { title })}
              error={issueAt(`sections.${si}.title`)}
              maxLength={60}
            />
            <Index each={sec().items}>
              {(item, ii) => (
                <div class="card rubric-item">
                  <TextField
                    id={`rubric-s${si}-i${ii}-label`}
                    label={`${ii + 1}. ${s.itemLabel}`}
                    value={item().label}
                    onValue={(label) => editItem(si, ii, { label })}
                    error={issueAt(`sections.${si}.items.${ii}.label`)}
                    maxLength={60}
                  />
                  <TextField
                    id={`rubric-s${si}-i${ii}-max`}
                    label={s.itemMax}
                    inputmode="numeric"
                    value={item().max}
                    onValue={(max) => editItem(si, ii, { max })}
                    error={issueAt(`sections.${si}.items.${ii}.max`)}
                  />
                  <TextAreaField
                    id={`rubric-s${si}-i${ii}-hint`}
                    label={s.itemHint}
                    optional
                    rows={2}
                    maxLength={300}
                    value={item().hint}
                    onValue={(hint) => editItem(si, ii, { hint })}
                    error={issueAt(`sections.${si}.items.${ii}.hint`)}
                  />
                  <Show when={sec().items.length > 1}>
                    <Button
                      variant="link"
                      onClick={() => editSection(si, { items: sec().items.filter((_, j) => j !== ii) })}
                    >
                      {s.removeItem}
                    </Button>
                  </Show>
                </div>
              )}
            </Index>
            <p class="actions">
              <Button onClick={() => addItem(si)}>{s.addItem}</Button>
              <Show when={sections().length > 1}>
                <Button variant="link" onClick={() => setSections(sections().filter((_, i) => i !== si))}>
                  {s.removeSection}
                </Button>
              </Show>
            </p>
          </fieldset>
        )}
      </Index>
      <p class="actions">
        <Button onClick={addSection}>{s.addSection}</Button>
      </p>
      <fieldset>
        <legend>{s.bands}</legend>
        <p class="rubric-total" aria-live="polite">
          <strong>{s.total(total())}</strong>
        </p>
        <TextField
          {...form.field('excellent', s.bandExcellent)}
          inputmode="decimal"
          error={form.errors.field('excellent') ?? issueAt('bands.excellent')}
        />
        <TextField
          {...form.field('good', s.bandGood)}
          inputmode="decimal"
          error={form.errors.field('good') ?? issueAt('bands.good')}
        />
        <TextField
          {...form.field('pass', s.bandPass)}
          inputmode="decimal"
          error={form.errors.field('pass') ?? issueAt('bands.pass')}
        />
        <Show when={bands()}>
          {(b) => (
            <ul class="muted">
              <For each={bandLines(b(), total())}>{(line) => <li>{line}</li>}</For>
            </ul>
          )}
        </Show>
      </fieldset>
      <Show when={showIssues() && !check().ok}>
        <ErrorBanner message={s.fixBelow} details={[...check().general, ...[...check().at.values()]]} />
      </Show>
      <p class="actions">
        <Button type="submit" variant="primary" busy={form.errors.busy()}>
          {form.errors.busy()
            ? s.saving
            : props.rubric
              ? s.saveVersion(props.rubric.latestVersion + 1)
              : s.saveNew}
        </Button>
        <A class="btn btn-secondary" href={rubricsHref(slug(), props.rubric ? `/${props.rubric.id}` : '')}>
          {s.cancel}
        </A>
      </p>
    </form>
  );
  return props.rubric ? content : <Page title={s.newTitle}>{content}</Page>;
}
