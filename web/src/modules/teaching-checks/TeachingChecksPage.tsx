import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { checksTexts as s } from '../../texts/teaching-checks';
import { Button } from '../../ui/Button';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { one } from '../../ui/searchParams';
import { currentSemester, semesterOptions } from '../../ui/semesters';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { summaryHref } from '../teachers/api';
import { TeacherPicker } from '../teachers/TeacherPicker';
import { UnitPicker } from '../units/UnitPicker';
import { type Check, checksApi, type MatrixRow, TEACHING_LINKS, type TeachingLink } from './api';
import '../teachers/teaching.css';
import { beijingToday } from '../../ui/dates';

const FIELDS = ['teacherId', 'link', 'checkedOn', 'score', 'sampledCount', 'comment'] as const;
const RECORDERS = ['admin', 'director', 'inspector', 'unit_manager'];
const OFFICE = ['admin', 'director', 'inspector', 'viewer'];

/** The quick form: on a phone the whole check fits one screen; the matrix reloads after it. */
function CheckForm(props: { slug: string; onRecorded: (check: Check) => void }) {
  const [teacher, setTeacher] = createSignal({ id: '', name: '' });
  const [link, setLink] = createSignal<TeachingLink | ''>('');
  const [checkedOn, setCheckedOn] = createSignal(beijingToday());
  const [score, setScore] = createSignal('');
  const [sampled, setSampled] = createSignal('');
  const [comment, setComment] = createSignal('');
  const errors = createFormErrors(FIELDS, 'check');
  const submit = (e: Event) => {
    e.preventDefault();
    const local: Partial<Record<(typeof FIELDS)[number], string>> = {};
    const points = Number(score());
    if (!teacher().id) local.teacherId = s.chooseTeacher;
    if (!link()) local.link = s.chooseLink;
    if (score().trim() === '' || !Number.isFinite(points) || points < 0 || points > 100)
      local.score = s.scoreInvalid;
    if (Object.keys(local).length > 0) return errors.setLocal(local);
    void errors.run(async () => {
      const { check } = await checksApi.record(props.slug, {
        teacherId: teacher().id,
        link: link() as TeachingLink,
        checkedOn: checkedOn(),
        score: points,
        sampledCount: sampled().trim() === '' ? null : Number(sampled()),
        comment: comment().trim() || undefined,
      });
      setScore('');
      setSampled('');
      setComment('');
      props.onRecorded(check);
    });
  };
  const field = (name: (typeof FIELDS)[number]) => errors.field(name);
  return (
    <section class="section card" aria-labelledby="check-title">
      <h2 id="check-title">{s.addTitle}</h2>
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
            value={teacher().id}
            valueLabel={teacher().name}
            error={field('teacherId')}
            onChange={(c) => {
              setTeacher(c);
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
          onValue={(v) => {
            setLink(v as TeachingLink);
            errors.clearField('link');
          }}
        />
        <div class="check-row">
          <TextField
            id="check-checkedOn"
            type="date"
            label={s.checkedOn}
            value={checkedOn()}
            max={beijingToday()}
            error={field('checkedOn')}
            onValue={(v) => {
              setCheckedOn(v);
              errors.clearField('checkedOn');
            }}
          />
          <TextField
            id="check-score"
            type="number"
            inputmode="decimal"
            min="0"
            max="100"
            step="0.5"
            label={s.score}
            value={score()}
            error={field('score')}
            onValue={(v) => {
              setScore(v);
              errors.clearField('score');
            }}
          />
        </div>
        <TextField
          id="check-sampledCount"
          type="number"
          inputmode="numeric"
          min="0"
          label={link() ? s.sampledLabels[link() as TeachingLink] : s.sampledLabels.prepare}
          optional
          value={sampled()}
          error={field('sampledCount')}
          onValue={(v) => {
            setSampled(v);
            errors.clearField('sampledCount');
          }}
        />
        <TextAreaField
          id="check-comment"
          label={s.comment}
          optional
          rows={2}
          maxLength={1000}
          value={comment()}
          error={field('comment')}
          onValue={setComment}
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
