import { A, useNavigate, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { ApiError } from '../../api';
import { texts } from '../../texts';
import { balanceTexts as s } from '../../texts/balance';
import { Button } from '../../ui/Button';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { draftStore } from '../../ui/draftStore';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import {
  balanceApi,
  type FiguresBody,
  KIND_STAGES,
  SCHOOL_KINDS,
  type SchoolRow,
  type YearSchools,
} from './api';

const KEYS = [
  'qualified_teachers',
  'backbone_teachers',
  'pe_art_teachers',
  'teaching_area',
  'sports_area',
  'equipment_value',
  'multimedia_rooms',
] as const;
/** Only the older basic-balance composite (教督〔2012〕3号) uses these; always optional. */
const BASIC_KEYS = ['computers', 'books', 'teachers', 'senior_title_teachers'] as const;
const FIELDS = ['schoolKind', 'enrolment', 'primary', 'junior', 'senior', ...KEYS, ...BASIC_KEYS] as const;
type FieldName = (typeof FIELDS)[number];
type Draft = Record<FieldName, string>;

const empty = (): Draft => Object.fromEntries(FIELDS.map((f) => [f, ''])) as Draft;
/** Kept in localStorage: figures copied from paper are slow to type again. */
const figuresDraft = draftStore<Draft>({
  prefix: 'balance-figures',
  fields: FIELDS,
  empty,
  storage: 'local',
});

function fromSchool(sc: SchoolRow): Draft {
  const d = empty();
  d.schoolKind = sc.kind;
  if (sc.missing) return d;
  d.enrolment = String(sc.enrolment ?? '');
  for (const stage of ['primary', 'junior', 'senior'] as const) {
    const n = sc.enrolmentByStage?.[stage];
    d[stage] = n === undefined ? '' : String(n);
  }
  for (const k of [...KEYS, ...BASIC_KEYS]) {
    const v = sc.resources?.[k];
    d[k] = v === undefined ? '' : String(v);
  }
  return d;
}

const num = (text: string) => (text.trim() === '' ? null : Number(text.trim()));

/** /t/:tenant/balance/:year/:unitId: one school's figures for one school year. */
export default function SchoolFiguresPage() {
  const params = useParams();
  const { slug } = useTenant();
  const year = () => Number(params.year);
  const data = createLoad(
    () => ({ slug: slug(), year: year() }),
    (x) => balanceApi.schools(x.slug, x.year),
  );
  return (
    <Page title={s.title}>
      <p>
        <A href={`/t/${slug()}/balance?year=${year()}`}>{s.back}</A>
      </p>
      <Loaded load={data}>
        {(d) => (
          <Show
            when={d().schools.find((x) => x.unitId === params.unitId)}
            fallback={<ErrorBanner message={texts.common.serverError} />}
          >
            {(sc) => <FiguresForm data={d()} school={sc()} />}
          </Show>
        )}
      </Loaded>
    </Page>
  );
}

function FiguresForm(props: { data: YearSchools; school: SchoolRow }) {
  const { slug, notify } = useTenant();
  const navigate = useNavigate();
  const form = createDraftForm({
    slot: figuresDraft(slug(), String(props.data.year), props.school.unitId),
    initial: fromSchool(props.school),
    fields: FIELDS,
    idPrefix: 'figures',
  });
  const { field } = form;
  const stages = () => KIND_STAGES[form.draft().schoolKind] ?? [];
  const labelOf = (k: string) =>
    props.data.indicators.find((i) => i.key === k) ?? props.data.basicResources.find((i) => i.key === k);

  const check = (d: Draft) => {
    const errors: Partial<Record<FieldName, string>> = {};
    for (const f of FIELDS) {
      if (f === 'schoolKind') continue;
      const v = d[f].trim();
      if (v !== '' && !Number.isFinite(Number(v))) {
        errors[f] = s.notNumber(
          f === 'enrolment' ? s.enrolmentTotal : (labelOf(f)?.total ?? s.stageEnrolment[f] ?? f),
        );
      }
    }
    if (!d.enrolment.trim()) errors.enrolment = texts.common.required(s.enrolmentTotal);
    return errors;
  };
  const submit = form.onSubmit(check, async (d) => {
    const split = stages().length > 1;
    const body: FiguresBody = {
      schoolKind: d.schoolKind,
      enrolment: Number(d.enrolment),
      enrolmentByStage: split
        ? Object.fromEntries(stages().map((st) => [st, num(d[st as FieldName])]))
        : null,
      resources: Object.fromEntries([...KEYS, ...BASIC_KEYS].map((k) => [k, num(d[k])])),
    };
    try {
      await balanceApi.save(slug(), props.data.year, props.school.unitId, body);
    } catch (err) {
      // The server names nested fields (resources.sports_area): the form's fields are flat.
      if (err instanceof ApiError && err.issues.length > 0) {
        throw new ApiError(err.status, err.code, err.message, {
          ...err.details,
          issues: err.issues.map((i) => ({ ...i, path: String(i.path).split('.').pop() ?? '' })),
        });
      }
      throw err;
    }
    form.clear();
    const back = `/t/${slug()}/balance?year=${props.data.year}`;
    navigate(back);
    notify(s.saved(props.school.name), back);
  });

  return (
    <form class="form" onSubmit={submit} novalidate>
      <h2>{s.formTitle(props.school.name, props.data.year)}</h2>
      <DraftNotice
        show={form.restored}
        message={s.draftRestored}
        discardLabel={s.discardDraft}
        onDiscard={form.discard}
      />
      <Show when={form.errors.banner()}>
        {(b) => <ErrorBanner message={b().message} details={b().details} />}
      </Show>
      <SelectField
        {...field('schoolKind', s.schoolKind)}
        options={SCHOOL_KINDS.map((k) => ({ value: k, label: k }))}
      />
      <TextField {...field('enrolment', s.enrolmentTotal)} inputmode="numeric" autocomplete="off" />
      <Show when={stages().length > 1}>
        <For each={stages()}>
          {(st) => (
            <TextField
              {...field(st as FieldName, s.stageEnrolment[st] ?? st)}
              inputmode="numeric"
              autocomplete="off"
            />
          )}
        </For>
      </Show>
      <For each={KEYS}>
        {(k) => (
          <TextField
            {...field(k, `${labelOf(k)?.total ?? k}（${labelOf(k)?.unit ?? ''}）`, {
              hint: s.figureHint,
              optional: true,
            })}
            inputmode="decimal"
            autocomplete="off"
          />
        )}
      </For>
      <section aria-labelledby="figures-basic">
        <h3 id="figures-basic">{s.basicInputs}</h3>
        <p class="muted">{s.basicInputsHint}</p>
        <For each={BASIC_KEYS}>
          {(k) => (
            <TextField
              {...field(k, `${labelOf(k)?.total ?? k}（${labelOf(k)?.unit ?? ''}）`, { optional: true })}
              inputmode="decimal"
              autocomplete="off"
            />
          )}
        </For>
      </section>
      <p class="actions">
        <Button type="submit" busy={form.errors.busy()}>
          {s.save}
        </Button>
      </p>
    </form>
  );
}
