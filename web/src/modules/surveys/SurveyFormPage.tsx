import { A, useNavigate, useParams } from '@solidjs/router';
import { createSignal, For, onMount, Show } from 'solid-js';
import { surveysTexts as s } from '../../texts/surveys';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { Loading } from '../../ui/Loading';
import { Page } from '../../ui/Page';
import { SearchPicker } from '../../ui/SearchPicker';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import {
  DEFAULT_MIN_RESPONSES,
  MIN_RESPONSES_FLOOR,
  type Question,
  SURVEY_KINDS,
  type SurveyKind,
  type SurveyPreset,
  surveysApi,
  surveysHref,
} from './api';
import './surveys.css';

/** A question as the editor holds it: the options as the lines of a text box. */
interface Draft {
  key: string;
  kind: Question['kind'];
  label: string;
  max: string;
  optionsText: string;
  multiple: boolean;
  required: boolean;
}

const FIELDS = ['title', 'kind', 'teacherId', 'course', 'closesOn', 'minResponses', 'questions'] as const;

function toDraft(q: Question): Draft {
  return {
    key: q.key,
    kind: q.kind,
    label: q.label,
    max: q.kind === 'rating' ? String(q.max) : '5',
    optionsText: q.kind === 'choice' ? q.options.join('\n') : '',
    multiple: q.kind === 'choice' ? q.multiple : false,
    required: q.required,
  };
}

function toQuestion(d: Draft): Question {
  if (d.kind === 'rating')
    return { key: d.key, kind: 'rating', label: d.label, max: Number(d.max), required: d.required };
  if (d.kind === 'choice') {
    const options = d.optionsText
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
    return {
      key: d.key,
      kind: 'choice',
      label: d.label,
      options,
      multiple: d.multiple,
      required: d.required,
    };
  }
  return { key: d.key, kind: 'text', label: d.label, required: d.required };
}

/** A key no other question of the survey has: q1, q2, … */
function freshKey(list: Draft[]): string {
  for (let n = list.length + 1; ; n++) if (!list.some((q) => q.key === `q${n}`)) return `q${n}`;
}

/**
 * /t/:tenant/teaching/surveys/new and /:id/edit: a draft's title, kind, the rated teacher and
 * course for 评教, the closing day, the threshold and the questions. New surveys start from a preset.
 */
export default function SurveyFormPage() {
  const { slug, config } = useTenant();
  const params = useParams();
  /** The tenant's threshold (`surveys.minResponses` in its config), else 5: a new survey starts with it. */
  const tenantMinimum = () => config().surveys?.minResponses ?? DEFAULT_MIN_RESPONSES;
  const navigate = useNavigate();
  const editing = () => !!params.id;
  const [ready, setReady] = createSignal(!params.id);
  const [presets, setPresets] = createSignal<SurveyPreset[]>([]);
  const [title, setTitle] = createSignal('');
  const [kind, setKind] = createSignal<SurveyKind>('teaching_rating');
  const [teacher, setTeacher] = createSignal({ id: '', name: '' });
  const [course, setCourse] = createSignal('');
  const [closesOn, setClosesOn] = createSignal('');
  const [minResponses, setMinResponses] = createSignal(String(tenantMinimum()));
  const [questions, setQuestions] = createSignal<Draft[]>([]);
  const errors = createFormErrors(FIELDS, 'survey');

  const usePreset = (id: string) => {
    const preset = presets().find((p) => p.id === id);
    if (!preset) return;
    setTitle(preset.title);
    setKind(preset.kind);
    setQuestions(preset.questions.map(toDraft));
  };

  onMount(async () => {
    try {
      if (params.id) {
        const { survey } = await surveysApi.get(slug(), params.id);
        setTitle(survey.title);
        setKind(survey.kind);
        setTeacher(survey.teacher ?? { id: '', name: '' });
        setCourse(survey.course ?? '');
        setClosesOn(survey.closesOn ?? '');
        setMinResponses(String(survey.minResponses));
        setQuestions(survey.questions.map(toDraft));
        setReady(true);
      } else {
        const got = await surveysApi.presets(slug());
        setPresets(got.presets);
        if (got.presets[0]) usePreset(got.presets[0].id);
      }
    } catch (err) {
      errors.setFromError(err);
      setReady(true);
    }
  });

  const change = (i: number, patch: Partial<Draft>) => {
    setQuestions(questions().map((q, n) => (n === i ? { ...q, ...patch } : q)));
    errors.clearField('questions');
  };
  const move = (i: number, by: number) => {
    const list = [...questions()];
    const [q] = list.splice(i, 1);
    if (q) list.splice(i + by, 0, q);
    setQuestions(list);
  };
  const add = () =>
    setQuestions([
      ...questions(),
      {
        key: freshKey(questions()),
        kind: 'rating',
        label: '',
        max: '5',
        optionsText: '',
        multiple: false,
        required: true,
      },
    ]);

  const submit = (e: Event) => {
    e.preventDefault();
    void errors.run(async () => {
      const form = {
        title: title(),
        kind: kind(),
        questions: questions().map(toQuestion),
        minResponses: Number(minResponses()),
        teacherId: kind() === 'teaching_rating' ? teacher().id || null : null,
        course: kind() === 'teaching_rating' ? course() : null,
        closesOn: closesOn() || null,
      };
      const { survey } = params.id
        ? await surveysApi.update(slug(), params.id, form)
        : await surveysApi.create(slug(), form);
      navigate(surveysHref(slug(), `/${survey.id}`));
    });
  };

  return (
    <Page title={editing() ? s.editTitle : s.newTitle}>
      <p>
        <A href={editing() ? surveysHref(slug(), `/${params.id}`) : surveysHref(slug())}>{s.backToList}</A>
      </p>
      <Show when={ready()} fallback={<Loading />}>
        <form class="form survey-form" onSubmit={submit} novalidate>
          <Show when={errors.banner()}>
            {(b) => <ErrorBanner message={b().message} details={b().details} />}
          </Show>
          <Show when={!editing() && presets().length > 0}>
            <SelectField
              id="survey-preset"
              label={s.preset}
              hint={s.presetHint}
              value=""
              placeholder={s.presetNone}
              options={presets().map((p) => ({ value: p.id, label: p.title }))}
              onValue={usePreset}
            />
          </Show>
          <TextField
            id="survey-title"
            label={s.fieldTitle}
            value={title()}
            error={errors.field('title')}
            onValue={setTitle}
          />
          <SelectField
            id="survey-kind"
            label={s.fieldKind}
            value={kind()}
            options={SURVEY_KINDS.map((k) => ({ value: k, label: s.kinds[k] }))}
            onValue={(v) => setKind(v as SurveyKind)}
          />
          <Show when={kind() === 'teaching_rating'}>
            <SearchPicker
              id="survey-teacherId"
              searchLabel={s.teacherSearch}
              searchPlaceholder={s.teacherSearchPlaceholder}
              label={s.teacher}
              emptyLabel={s.teacherEmpty}
              value={teacher().id}
              valueLabel={teacher().name}
              error={errors.field('teacherId')}
              search={async (q) =>
                (await surveysApi.teachers(slug(), q)).items.map((t) => ({
                  value: t.id,
                  label: t.unitName ? `${t.name}（${t.unitName}）` : t.name,
                }))
              }
              onChange={(c) => setTeacher(c)}
            />
            <TextField
              id="survey-course"
              label={s.course}
              value={course()}
              error={errors.field('course')}
              onValue={setCourse}
            />
          </Show>
          <TextField
            id="survey-closesOn"
            type="date"
            label={s.closesOnLabel}
            hint={s.closesOnHint}
            optional
            value={closesOn()}
            error={errors.field('closesOn')}
            onValue={setClosesOn}
          />
          <TextField
            id="survey-minResponses"
            type="number"
            inputmode="numeric"
            min={MIN_RESPONSES_FLOOR}
            label={s.minResponses}
            hint={s.minResponsesHint(MIN_RESPONSES_FLOOR, tenantMinimum())}
            value={minResponses()}
            error={errors.field('minResponses')}
            onValue={setMinResponses}
          />

          <h2 id="survey-questions" tabindex="-1">
            {s.questions}
          </h2>
          <Show when={errors.field('questions')}>{(m) => <p class="field-error">{m()}</p>}</Show>
          <ol class="survey-editor">
            <For each={questions()}>
              {(q, i) => (
                <li class="card">
                  <p class="card-title">{s.question(i() + 1)}</p>
                  <TextField
                    id={`q-${i()}-label`}
                    label={s.questionLabel}
                    value={q.label}
                    onValue={(v) => change(i(), { label: v })}
                  />
                  <SelectField
                    id={`q-${i()}-kind`}
                    label={s.questionKind}
                    value={q.kind}
                    options={(['rating', 'choice', 'text'] as const).map((k) => ({
                      value: k,
                      label: s.questionKinds[k],
                    }))}
                    onValue={(v) => change(i(), { kind: v as Draft['kind'] })}
                  />
                  <Show when={q.kind === 'rating'}>
                    <SelectField
                      id={`q-${i()}-max`}
                      label={s.ratingMax}
                      value={q.max}
                      options={[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => ({
                        value: String(n),
                        label: s.points(n),
                      }))}
                      onValue={(v) => change(i(), { max: v })}
                    />
                  </Show>
                  <Show when={q.kind === 'choice'}>
                    <div class="field">
                      <label for={`q-${i()}-options`}>{s.options}</label>
                      <textarea
                        id={`q-${i()}-options`}
                        rows={4}
                        value={q.optionsText}
                        onInput={(e) => change(i(), { optionsText: e.currentTarget.value })}
                      />
                    </div>
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={q.multiple}
                        onChange={(e) => change(i(), { multiple: e.currentTarget.checked })}
                      />{' '}
                      {s.multiple}
                    </label>
                  </Show>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={q.required}
                      onChange={(e) => change(i(), { required: e.currentTarget.checked })}
                    />{' '}
                    {s.required}
                  </label>
                  <div class="actions">
                    <Button disabled={i() === 0} onClick={() => move(i(), -1)}>
                      {s.moveUp}
                    </Button>
                    <Button disabled={i() === questions().length - 1} onClick={() => move(i(), 1)}>
                      {s.moveDown}
                    </Button>
                    <Button
                      variant="danger"
                      onClick={() => setQuestions(questions().filter((_, n) => n !== i()))}
                    >
                      {s.remove}
                    </Button>
                  </div>
                </li>
              )}
            </For>
          </ol>
          <p class="actions">
            <Button onClick={add}>{s.addQuestion}</Button>
          </p>
          <Button type="submit" variant="primary" busy={errors.busy()}>
            {s.save}
          </Button>
        </form>
      </Show>
    </Page>
  );
}
