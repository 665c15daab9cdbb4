import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { checksTexts as s } from '../../texts/teaching-checks';
import { Button } from '../../ui/Button';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { blankDraft, draftStore } from '../../ui/draftStore';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { one } from '../../ui/searchParams';
import { currentSemester, lastTeachingDay, semesterOptions } from '../../ui/semesters';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { summaryHref } from '../teachers/api';
import { TeacherPicker } from '../teachers/TeacherPicker';
import { UnitPicker } from '../units/UnitPicker';
import { type Check, checksApi, type MatrixRow, TEACHING_LINKS, type TeachingLink } from './api';
import '../teachers/teaching.css';
import { beijingToday } from '../../ui/dates';

const FIELDS = ['teacherId', 'teacherName', 'link', 'checkedOn', 'score', 'sampledCount', 'comment'] as const;
type CheckField = (typeof FIELDS)[number];
const RECORDERS = ['admin', 'director', 'inspector', 'unit_manager'];
const OFFICE = ['admin', 'director', 'inspector', 'viewer'];

/** What was typed into the check form, kept for this tab until it is sent or dropped. */
const checkDraft = draftStore<Record<CheckField, string>>({
  prefix: 'dudao.teachingCheckDraft',
  fields: FIELDS,
  empty: () => blankDraft(FIELDS),
  blankIsNone: true,
});

/** The quick form: on a phone the whole check fits one screen; the matrix reloads after it. */
function CheckForm(props: { slug: string; onRecorded: (check: Check) => void }) {
  const { config } = useTenant();
  const today = beijingToday();
  // In the summer holiday today is in no semester and the server refuses it: the last teaching day.
  const defaultDay = lastTeachingDay(config().semesters, today);
  const form = createDraftForm({
    slot: checkDraft(props.slug),
    initial: { ...blankDraft(FIELDS), checkedOn: defaultDay },
    fields: FIELDS,
    idPrefix: 'check',
  });
  const { errors } = form;
  const d = form.draft;
  const submit = form.onSubmit(
    (draft) => {
      const local: Partial<Record<CheckField, string>> = {};
      const points = Number(draft.score);
      if (!draft.teacherId) local.teacherId = s.chooseTeacher;
      if (!draft.link) local.link = s.chooseLink;
      if (draft.score.trim() === '' || !Number.isFinite(points) || points < 0 || points > 100)
        local.score = s.scoreInvalid;
      return local;
    },
    async (draft) => {
      const { check } = await checksApi.record(props.slug, {
        teacherId: draft.teacherId,
        link: draft.link as TeachingLink,
        checkedOn: draft.checkedOn,
        score: Number(draft.score),
        sampledCount: draft.sampledCount.trim() === '' ? null : Number(draft.sampledCount),
        comment: draft.comment.trim() || undefined,
      });
      // The teacher, link and day stay for the next check of the same teacher; the rest is done.
      form.setDraft({ ...draft, score: '', sampledCount: '', comment: '' });
      props.onRecorded(check);
    },
  );
  const field = (name: CheckField) => errors.field(name);
  const link = () => d().link as TeachingLink | '';
  return (
    <section class="section card" aria-labelledby="check-title">
      <h2 id="check-title">{s.addTitle}</h2>
      <DraftNotice
        show={form.restored}
        message={s.draftRestored}
        discardLabel={s.discardDraft}
        onDiscard={form.discard}
      />
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <form class="form" onSubmit={submit} novalidate>
        <div id="check-teacherId">
          <TeacherPicker
            id="check-teacher"
            slug={props.slug}
            searchLabel={s.findTeacher}
            placeholder={s.findTeacherPlaceholder}
            label={s.teacher}
            emptyLabel={s.chooseTeacher}
            value={d().teacherId}
            valueLabel={d().teacherName}
            error={field('teacherId')}
            onChange={(c) => {
              form.setDraft({ ...d(), teacherId: c.id, teacherName: c.name });
              errors.clearField('teacherId');
            }}
          />
        </div>
        <SelectField
          id="check-link"
          label={s.link}
          placeholder={s.chooseLink}
          value={link()}
          error={field('link')}
          options={TEACHING_LINKS.map((l) => ({ value: l, label: s.links[l] }))}
          onValue={form.set('link')}
        />
        <div class="check-row">
          <TextField
            id="check-checkedOn"
            type="date"
            label={s.checkedOn}
            value={d().checkedOn}
            max={today}
            hint={defaultDay !== today ? s.holidayDay(defaultDay) : undefined}
            error={field('checkedOn')}
            onValue={form.set('checkedOn')}
          />
          <TextField
            id="check-score"
            type="number"
            inputmode="decimal"
            min="0"
            max="100"
            step="0.5"
            label={s.score}
            value={d().score}
            error={field('score')}
            onValue={form.set('score')}
          />
        </div>
        <TextField
          id="check-sampledCount"
          type="number"
          inputmode="numeric"
          min="0"
          label={link() ? s.sampledLabels[link() as TeachingLink] : s.sampledLabels.prepare}
          optional
          value={d().sampledCount}
          error={field('sampledCount')}
          onValue={form.set('sampledCount')}
        />
        <TextAreaField
          id="check-comment"
          label={s.comment}
          optional
          rows={2}
          maxLength={1000}
          value={d().comment}
          error={field('comment')}
          onValue={form.set('comment')}
        />
        <Button type="submit" variant="primary" busy={errors.busy()}>
          {errors.busy() ? s.submitting : s.submit}
        </Button>
      </form>
    </section>
  );
}

function Score(props: { row: MatrixRow; link: TeachingLink }) {
  const c = () => props.row.links[props.link];
  return (
    <Show when={c()} fallback={<span class="muted">{s.notChecked}</span>}>
      {(check) => <span title={check().checkedOn}>{check().score}</span>}
    </Show>
  );
}

/**
 * /t/:tenant/teaching/checks: the five-link matrix of a semester (teachers × 备课 上课 批改 辅导 考试,
 * the latest score of each) with the sampled plans and homework, the quick form to record a check,
 * and the 教学常规检查登记表 download. A unit head sees their unit; a teacher their own row.
 */
export default function TeachingChecksPage() {
  const { slug, session, config } = useTenant();
  const [search, setSearch] = useSearchParams();
  const q = createMemo(() => ({ semester: one(search.semester), unitId: one(search.unitId) }));
  const matrix = createLoad(
    () => q(),
    (query) => checksApi.matrix(slug(), query),
  );
  const role = () => session().user.role;
  const [recorded, setRecorded] = createSignal('');
  const [downloading, setDownloading] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const download = async () => {
    setDownloading(true);
    setError(null);
    try {
      await checksApi.download(slug(), q());
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setDownloading(false);
    }
  };
  const unitWord = () => config().vocabulary.unit;
  const href = (row: MatrixRow) => summaryHref(slug(), row.teacherId, matrix.data()?.semester);

  return (
    <Page title={s.title}>
      <p class="muted">{s.intro}</p>
      <Show when={RECORDERS.indexOf(role()) >= 0}>
        <CheckForm
          slug={slug()}
          onRecorded={(c) => {
            setRecorded(s.recorded(c.teacherName, c.linkLabel, c.score));
            matrix.reload();
          }}
        />
      </Show>
      <Show when={recorded()}>
        <div class="banner banner-ok" role="status">
          <p>{recorded()}</p>
        </div>
      </Show>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="checks-semester"
          label={s.semester}
          value={q().semester ?? currentSemester(config().semesters)}
          options={semesterOptions(currentSemester(config().semesters))}
          onValue={(v) => setSearch({ semester: v }, { replace: true })}
        />
        <Show when={OFFICE.indexOf(role()) >= 0}>
          <UnitPicker
            id="checks-unit"
            slug={slug()}
            unitWord={unitWord()}
            label={unitWord()}
            emptyLabel={`全部${unitWord()}`}
            unitId={q().unitId ?? ''}
            unitName={one(search.unitName)}
            onChange={(u) =>
              setSearch({ unitId: u.id || undefined, unitName: u.id ? u.name : undefined }, { replace: true })
            }
          />
        </Show>
      </form>
      <p class="actions">
        <Button busy={downloading()} onClick={download}>
          {s.download}
        </Button>
      </p>
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <Loaded load={matrix}>
        {(d) => (
          <>
            <p class="muted">{s.totals(d().totals)}</p>
            <CardsOrTable
              count={d().rows.length}
              empty={s.empty}
              cards={
                <ul class="cards check-matrix">
                  <For each={d().rows}>
                    {(row) => (
                      <li class="card">
                        <h2 class="card-title">
                          <A href={href(row)}>{row.teacherName}</A>
                          <span class="muted"> · {row.unitName ?? ''}</span>
                        </h2>
                        <dl class="check-links">
                          <For each={TEACHING_LINKS}>
                            {(l) => (
                              <div classList={{ 'check-missing': !row.links[l] }}>
                                <dt>{s.links[l]}</dt>
                                <dd>
                                  <Score row={row} link={l} />
                                </dd>
                              </div>
                            )}
                          </For>
                        </dl>
                        <p class="card-meta">{s.sampled(row.sampledPlans, row.sampledHomework)}</p>
                      </li>
                    )}
                  </For>
                </ul>
              }
              table={
                <div class="table-wrap">
                  <table class="table">
                    <thead>
                      <tr>
                        <th scope="col">{s.teacher}</th>
                        <th scope="col">{unitWord()}</th>
                        <For each={TEACHING_LINKS}>{(l) => <th scope="col">{s.links[l]}</th>}</For>
                        <th scope="col">{s.plans}</th>
                        <th scope="col">{s.homework}</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={d().rows}>
                        {(row) => (
                          <tr>
                            <td>
                              <A href={href(row)}>{row.teacherName}</A>
                            </td>
                            <td>{row.unitName ?? ''}</td>
                            <For each={TEACHING_LINKS}>
                              {(l) => (
                                <td>
                                  <Score row={row} link={l} />
                                </td>
                              )}
                            </For>
                            <td>{row.sampledPlans}</td>
                            <td>{row.sampledHomework}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              }
            />
          </>
        )}
      </Loaded>
    </Page>
  );
}
