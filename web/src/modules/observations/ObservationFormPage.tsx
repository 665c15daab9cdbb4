import { A, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, onMount, Show, untrack } from 'solid-js';
import { createStore, produce, unwrap } from 'solid-js/store';
import { gradeOf, maxTotal, scoreObservation } from '../../../../tenants/observations/rubric';
import type { FieldIssue } from '../../api';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { observationsTexts as s } from '../../texts/observations';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { SearchPicker } from '../../ui/SearchPicker';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { newUuid } from '../../ui/uuid';
import { useTenant } from '../shell/context';
import {
  COMMENT_MAX,
  LESSON_TYPES,
  type LessonType,
  MAX_PERIOD,
  OBSERVATION_KINDS,
  type ObservationKind,
  observationsApi,
  type RubricBody,
} from './api';
import { observationOutbox as box, scoreValue } from './outbox';
import { canRecord, observationsHref } from './permissions';
import { type ObservationDraft, observationStore } from './store';
import './observations.css';
import { beijingToday } from '../../ui/dates';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The fields of the form a server issue can be shown at (scores: each item of the rubric). */
const FIELD_PATHS = new Set([
  'teacherId',
  'course',
  'className',
  'observedOn',
  'period',
  'lessonType',
  'kind',
  'rubricVersionId',
  'strengths',
  'problems',
  'suggestions',
]);

/** The element a field's message belongs to, so the first error can be scrolled to. */
function elementIdOf(path: string): string {
  const m = /^scores\.(.+)$/.exec(path);
  return m ? `obs-score-${m[1]}` : `obs-${path}`;
}

/**
 * /t/:tenant/teaching/observations/new and …/draft/:draftId: an observation typed during the lesson.
 * /new makes the record's id on the phone and moves to the draft's own address, so a reload reopens
 * the same draft.
 */
export default function ObservationFormPage() {
  const { slug, session } = useTenant();
  const params = useParams();
  const navigate = useNavigate();
  const [draft, setDraft] = createSignal<ObservationDraft | null>(null);

  onMount(async () => {
    box.start(slug(), session().user.id);
    // The list (where a submitted observation waits) must open after the network is gone.
    void import('./ObservationsPage').catch(() => undefined);
    const id = params.draftId;
    if (!id || !UUID.test(id)) {
      navigate(observationsHref(slug(), `/draft/${newUuid()}`), { replace: true });
      return;
    }
    const stored = await observationStore.get(id);
    if (stored && stored.slug === slug() && stored.userId === session().user.id) {
      setDraft(stored);
      return;
    }
    const now = Date.now();
    setDraft({
      id,
      slug: slug(),
      userId: session().user.id,
      state: 'draft',
      error: null,
      errorDetails: [],
      errorIssues: [],
      teacherId: '',
      teacherName: '',
      course: '',
      className: '',
      observedOn: beijingToday(),
      period: '',
      lessonType: 'theory',
      kind: 'drop_in',
      rubricId: '',
      rubricName: '',
      rubricVersion: 0,
      rubricVersionId: '',
      body: null,
      scores: {},
      strengths: '',
      problems: '',
      suggestions: '',
      createdAt: now,
      updatedAt: now,
    });
  });

  return (
    <Show when={canRecord(session().user.role)} fallback={<ErrorBanner message={texts.common.forbidden} />}>
      <Show when={draft()} fallback={<Loading />} keyed>
        {(d) => <ObservationForm initial={d} fresh={d.createdAt === d.updatedAt} />}
      </Show>
    </Show>
  );
}

type TextKey = 'course' | 'className' | 'observedOn' | 'period' | 'strengths' | 'problems' | 'suggestions';

function ObservationForm(props: { initial: ObservationDraft; fresh: boolean }) {
  const { slug, notify } = useTenant();
  const navigate = useNavigate();
  const [d, setD] = createStore<ObservationDraft>(props.initial);
  const [saving, setSaving] = createSignal(false);
  const [saved, setSaved] = createSignal(!props.fresh);
  const [tried, setTried] = createSignal(false);
  const [rubricError, setRubricError] = createSignal<string | null>(null);
  const [loadingRubric, setLoadingRubric] = createSignal(false);
  const saver = observationStore.createSaver((busy) => {
    setSaving(busy);
    if (!busy) setSaved(true);
  });
  const locked = () => d.state === 'queued' || d.state === 'sending';

  /**
   * Every change goes through here: applied, written to the device at once, and the server's
   * complaint about the field changed retired (the observer has acted on it).
   */
  const change = (fn: (draft: ObservationDraft) => void, path?: string) => {
    if (locked()) return;
    setD(
      produce((x) => {
        fn(x);
        x.updatedAt = Date.now();
        if (x.state === 'failed') x.state = 'draft';
        if (path && x.errorIssues?.length) {
          x.errorIssues = x.errorIssues.filter((i) => i.path !== path && !i.path.startsWith(`${path}.`));
        }
      }),
    );
    saver.save(unwrap(d));
  };
  const setText = (field: TextKey) => (value: string) =>
    change((x) => {
      x[field] = value;
    }, field);

  const rubrics = createLoad(
    () => slug(),
    (sl) => observationsApi.rubrics(sl),
  );
  const chooseRubric = async (id: string) => {
    setRubricError(null);
    if (!id) return;
    setLoadingRubric(true);
    try {
      const { rubric } = await observationsApi.rubric(slug(), id);
      const keys = new Set(rubric.body.sections.flatMap((sec) => sec.items.map((i) => i.key)));
      change((x) => {
        x.rubricId = rubric.id;
        x.rubricName = rubric.name;
        x.rubricVersion = rubric.version;
        x.rubricVersionId = rubric.versionId;
        x.body = rubric.body;
        for (const k of Object.keys(x.scores)) if (!keys.has(k)) delete x.scores[k];
      }, 'rubricVersionId');
    } catch (err) {
      const e = toApiError(err);
      setRubricError(e.status === 0 ? s.rubricOffline : e.message);
    } finally {
      setLoadingRubric(false);
    }
  };

  /** The list could not be fetched: said only while no rubric is chosen (a chosen one is on the phone). */
  const rubricsError = () => {
    const e = rubrics.error();
    if (!e || d.rubricId) return undefined;
    return e.status === 0 ? s.rubricOffline : e.message;
  };

  // A new observation starts with the tenant's default rubric (else the first active one), once.
  let preselected = !props.fresh;
  createEffect(() => {
    const list = rubrics.data();
    if (preselected || !list) return;
    preselected = true;
    const active =
      list.items.find((r) => r.id === list.defaultId && r.status === 'active') ??
      list.items.find((r) => r.status === 'active');
    if (active)
      untrack(() => {
        if (!d.rubricId) void chooseRubric(active.id);
      });
  });

  const items = () => (d.body?.sections ?? []).flatMap((sec) => sec.items);
  /** The typed scores checked as the server will check them, with the total and grade they make. */
  const scoring = createMemo(() => {
    const body = d.body as RubricBody | null;
    if (!body) return null;
    const typed: Record<string, unknown> = {};
    for (const item of body.sections.flatMap((sec) => sec.items)) {
      const text = (d.scores[item.key] ?? '').trim();
      if (text !== '') typed[item.key] = scoreValue(text) ?? text;
    }
    const result = scoreObservation(body, typed);
    return { ...result, grade: gradeOf(result.total, body.bands), max: maxTotal(body), typed };
  });
  const sectionScore = (keys: string[]) => keys.reduce((n, k) => n + (scoring()?.scores[k] ?? 0), 0);
  const scoredCount = () => Object.keys(scoring()?.scores ?? {}).length;

  const errors = createMemo<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    // The server's refusal, at the fields it names, until the observer changes them.
    for (const issue of (d.errorIssues ?? []) as FieldIssue[]) out[issue.path] ??= issue.message;
    // Scores are checked as they are typed; a missing one only once the observer submits.
    for (const issue of scoring()?.issues ?? []) {
      const key = issue.path.replace(/^scores\./, '');
      if (tried() || key in (scoring()?.typed ?? {})) out[issue.path] ??= issue.message;
    }
    if (!tried()) return out;
    if (!d.teacherId) out.teacherId ??= s.chooseTeacher;
    if (!d.course.trim()) out.course ??= s.required(s.course);
    else if (d.course.trim().length > 100) out.course ??= s.textTooLong(s.course, 100);
    if (!d.className.trim()) out.className ??= s.required(s.className);
    else if (d.className.trim().length > 50) out.className ??= s.textTooLong(s.className, 50);
    if (!d.observedOn) out.observedOn ??= s.required(s.observedOn);
    else if (d.observedOn > beijingToday()) out.observedOn ??= s.dateFuture;
    const period = Number(d.period);
    if (!d.period.trim()) out.period ??= s.required(s.period);
    else if (!Number.isInteger(period) || period < 1 || period > MAX_PERIOD) out.period ??= s.periodRange;
    if (!d.rubricVersionId || !d.body) out.rubricVersionId ??= s.chooseRubric;
    for (const [field, label] of [
      ['strengths', s.strengths],
      ['problems', s.problems],
      ['suggestions', s.suggestions],
    ] as const) {
      if (d[field].trim().length > COMMENT_MAX) out[field] ??= s.textTooLong(label, COMMENT_MAX);
    }
    return out;
  });
  const errorCount = () => Object.keys(errors()).length;
  /** The server's issues no field of the form shows (an unknown item, the record's id): in the banner. */
  const unplaced = () =>
    (d.errorIssues ?? [])
      .filter((i) => !FIELD_PATHS.has(i.path) && !items().some((item) => i.path === `scores.${item.key}`))
      .map((i) => i.message);

  const submit = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (errorCount() > 0) {
      const first = Object.keys(errors())[0] as string;
      document.getElementById(elementIdOf(first))?.scrollIntoView({ block: 'center' });
      return;
    }
    await saver.flush();
    await box.enqueue(unwrap(d));
    notify(s.queued, observationsHref(slug()));
    navigate(observationsHref(slug()));
  };

  return (
    <Page title={props.fresh && !d.teacherId ? s.newTitle : s.editTitle}>
      <p class="actions">
        <A href={observationsHref(slug())}>{s.backToList}</A>
      </p>
      <p class="obs-saved muted" role="status" aria-live="polite">
        {!observationStore.isPersistent()
          ? s.notSaved
          : saving()
            ? s.savingOnDevice
            : saved()
              ? s.savedOnDevice
              : ''}
      </p>
      <Show when={locked()}>
        <Notice tone="info">{d.state === 'sending' ? s.states.sending : s.queued}</Notice>
      </Show>
      <Show when={d.state === 'failed' && d.error}>
        <ErrorBanner message={`${s.returned}：${d.error}`} details={unplaced()} />
      </Show>
      <form class="form" onSubmit={submit} novalidate>
        <fieldset class="obs-fieldset" disabled={locked()}>
          <section class="section card">
            <h2>{s.lesson}</h2>
            <div id="obs-teacherId">
              <SearchPicker
                id="obs-teacher"
                searchLabel={s.findTeacher}
                searchPlaceholder={s.findTeacherPlaceholder}
                label={s.teacher}
                hint={s.teacherHint}
                emptyLabel={s.chooseTeacher}
                value={d.teacherId}
                valueLabel={d.teacherName}
                error={errors().teacherId}
                search={async (q) =>
                  (await observationsApi.teachers(slug(), q)).items.map((t) => ({
                    value: t.id,
                    label: t.unitName ? `${t.name}（${t.unitName}）` : t.name,
                  }))
                }
                onChange={(c) =>
                  change((x) => {
                    x.teacherId = c.id;
                    x.teacherName = c.id ? c.name : '';
                  }, 'teacherId')
                }
              />
            </div>
            <TextField
              id="obs-course"
              label={s.course}
              maxLength={100}
              value={d.course}
              error={errors().course}
              onValue={setText('course')}
            />
            <TextField
              id="obs-className"
              label={s.className}
              maxLength={50}
              value={d.className}
              error={errors().className}
              onValue={setText('className')}
            />
            <TextField
              id="obs-observedOn"
              type="date"
              label={s.observedOn}
              value={d.observedOn}
              max={beijingToday()}
              error={errors().observedOn}
              onValue={setText('observedOn')}
            />
            <TextField
              id="obs-period"
              label={s.period}
              hint={s.periodHint}
              inputmode="numeric"
              maxLength={2}
              value={d.period}
              error={errors().period}
              onValue={setText('period')}
            />
            <SelectField
              id="obs-lessonType"
              label={s.lessonType}
              value={d.lessonType}
              error={errors().lessonType}
              options={LESSON_TYPES.map((k) => ({ value: k, label: s.lessonTypes[k] }))}
              onValue={(v) =>
                change((x) => {
                  x.lessonType = v as LessonType;
                }, 'lessonType')
              }
            />
            <SelectField
              id="obs-kind"
              label={s.kind}
              value={d.kind}
              error={errors().kind}
              options={OBSERVATION_KINDS.map((k) => ({ value: k, label: s.kinds[k] }))}
              onValue={(v) =>
                change((x) => {
                  x.kind = v as ObservationKind;
                }, 'kind')
              }
            />
            <div id="obs-rubricVersionId">
              <SelectField
                id="obs-rubric"
                label={s.rubric}
                placeholder={s.chooseRubric}
                value={d.rubricId}
                error={errors().rubricVersionId ?? rubricError() ?? rubricsError()}
                hint={d.rubricId ? s.rubricKept(d.rubricName, d.rubricVersion) : undefined}
                options={[
                  ...(d.rubricId && !(rubrics.data()?.items ?? []).some((r) => r.id === d.rubricId)
                    ? [{ value: d.rubricId, label: d.rubricName }]
                    : []),
                  ...(rubrics.data()?.items ?? [])
                    .filter((r) => r.status === 'active' || r.id === d.rubricId)
                    .map((r) => ({ value: r.id, label: r.name })),
                ]}
                onValue={chooseRubric}
              />
              <Show when={rubrics.data() && rubrics.data()?.items.length === 0}>
                <p class="muted">{s.noRubrics}</p>
              </Show>
              <Show when={loadingRubric()}>
                <p class="loading loading-inline" role="status">
                  {s.loadingRubric}
                </p>
              </Show>
            </div>
          </section>

          <Show when={d.body}>
            {(body) => (
              <section class="section card" aria-label={s.scoring}>
                <h2>{s.scoring}</h2>
                <p class="muted">{s.scoredCount(scoredCount(), items().length)}</p>
                <For each={body().sections}>
                  {(sec) => (
                    <>
                      <h3>
                        {s.sectionOf(
                          sec.title,
                          sectionScore(sec.items.map((i) => i.key)),
                          sec.items.reduce((n, i) => n + i.max, 0),
                        )}
                      </h3>
                      <ul class="obs-items">
                        <For each={sec.items}>
                          {(item) => {
                            const path = `scores.${item.key}`;
                            const inputId = `obs-score-${item.key}`;
                            return (
                              <li class="obs-item" classList={{ 'field-invalid': !!errors()[path] }}>
                                <div class="obs-item-row">
                                  <label for={inputId}>{item.label}</label>
                                  <span class="obs-score">
                                    <input
                                      id={inputId}
                                      name={inputId}
                                      type="text"
                                      inputmode="decimal"
                                      autocomplete="off"
                                      maxLength={5}
                                      aria-label={s.scoreLabel(item.label, item.max)}
                                      aria-invalid={errors()[path] ? 'true' : undefined}
                                      aria-describedby={errors()[path] ? `${inputId}-error` : undefined}
                                      value={d.scores[item.key] ?? ''}
                                      onInput={(e) => {
                                        const value = e.currentTarget.value;
                                        change((x) => {
                                          x.scores[item.key] = value;
                                        }, path);
                                      }}
                                    />
                                    <span class="muted">{s.scoreOutOf(item.max)}</span>
                                  </span>
                                </div>
                                <Show when={item.hint}>
                                  <p class="obs-item-hint muted">{item.hint}</p>
                                </Show>
                                <Show when={errors()[path]}>
                                  <p class="field-error" id={`${inputId}-error`}>
                                    {errors()[path]}
                                  </p>
                                </Show>
                              </li>
                            );
                          }}
                        </For>
                      </ul>
                    </>
                  )}
                </For>
                <p class="obs-total" aria-live="polite">
                  {s.runningTotal(scoring()?.total ?? 0, scoring()?.max ?? 0)}
                  {' · '}
                  {s.gradeWouldBe(s.grades[scoring()?.grade ?? 'fail'])}
                </p>
              </section>
            )}
          </Show>

          <section class="section card">
            <h2>{s.comments}</h2>
            <TextAreaField
              id="obs-strengths"
              label={s.strengths}
              optional
              rows={3}
              maxLength={COMMENT_MAX}
              value={d.strengths}
              error={errors().strengths}
              onValue={setText('strengths')}
            />
            <TextAreaField
              id="obs-problems"
              label={s.problems}
              optional
              rows={3}
              maxLength={COMMENT_MAX}
              value={d.problems}
              error={errors().problems}
              onValue={setText('problems')}
            />
            <TextAreaField
              id="obs-suggestions"
              label={s.suggestions}
              optional
              rows={3}
              maxLength={COMMENT_MAX}
              value={d.suggestions}
              error={errors().suggestions}
              onValue={setText('suggestions')}
            />
          </section>
        </fieldset>
        <Show when={tried() && errorCount() > 0}>
          <ErrorBanner message={s.fixBeforeSubmit(errorCount())} />
        </Show>
        <Show when={!locked()}>
          <p class="muted">{s.submitHint}</p>
          <Button type="submit" variant="primary" class="btn-block">
            {s.submit}
          </Button>
        </Show>
      </form>
    </Page>
  );
}
