import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { priorityTexts as s } from '../../texts/priority-teachers';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { blankDraft, draftStore } from '../../ui/draftStore';
import { ErrorBanner } from '../../ui/ErrorBanner';
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
import { PRIORITY_REASONS, type PriorityFlag, type PriorityReason, priorityApi } from './api';
import '../teachers/teaching.css';

const FIELDS = ['teacherId', 'teacherName', 'reason', 'courseEndsOn', 'note'] as const;
type FlagField = (typeof FIELDS)[number];
const MANAGERS = ['admin', 'director', 'inspector'];

/** What was typed into the flag form, kept for this tab until it is sent or dropped. */
const flagDraft = draftStore<Record<FlagField, string>>({
  prefix: 'dudao.priorityFlagDraft',
  fields: FIELDS,
  empty: () => blankDraft(FIELDS),
  blankIsNone: true,
});

/** The flag form: teacher, reason, course end, note, kept through a reload; the list reloads after a flag. */
function FlagForm(props: { slug: string; onFlagged: (flag: PriorityFlag) => void }) {
  const form = createDraftForm({
    slot: flagDraft(props.slug),
    initial: blankDraft(FIELDS),
    fields: FIELDS,
    idPrefix: 'flag',
  });
  const { errors } = form;
  const d = form.draft;
  const submit = form.onSubmit(
    (draft) => {
      const local: Partial<Record<FlagField, string>> = {};
      if (!draft.teacherId) local.teacherId = s.chooseTeacher;
      if (!draft.reason) local.reason = s.chooseReason;
      return local;
    },
    async (draft) => {
      const { flag } = await priorityApi.flag(props.slug, {
        teacherId: draft.teacherId,
        reason: draft.reason as PriorityReason,
        note: draft.note.trim() || undefined,
        courseEndsOn: draft.courseEndsOn || undefined,
      });
      form.discard();
      props.onFlagged(flag);
    },
  );
  return (
    <section class="section card" aria-labelledby="flag-title">
      <h2 id="flag-title">{s.addTitle}</h2>
      <DraftNotice
        show={form.restored}
        message={s.draftRestored}
        discardLabel={s.discardDraft}
        onDiscard={form.discard}
      />
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <form class="form" onSubmit={submit} novalidate>
        <div id="flag-teacherId">
          <TeacherPicker
            id="flag-teacher"
            slug={props.slug}
            searchLabel={s.findTeacher}
            placeholder={s.findTeacherPlaceholder}
            label={s.teacher}
            emptyLabel={s.chooseTeacher}
            value={d().teacherId}
            valueLabel={d().teacherName}
            error={errors.field('teacherId')}
            onChange={(c) => {
              form.setDraft({ ...d(), teacherId: c.id, teacherName: c.name });
              errors.clearField('teacherId');
            }}
          />
        </div>
        <SelectField
          id="flag-reason"
          label={s.reason}
          placeholder={s.chooseReason}
          value={d().reason}
          error={errors.field('reason')}
          options={PRIORITY_REASONS.map((r) => ({ value: r, label: s.reasons[r] }))}
          onValue={form.set('reason')}
        />
        <TextField
          id="flag-courseEndsOn"
          type="date"
          label={s.courseEndsOn}
          hint={s.courseEndsHint}
          optional
          value={d().courseEndsOn}
          error={errors.field('courseEndsOn')}
          onValue={form.set('courseEndsOn')}
        />
        <TextAreaField
          id="flag-note"
          label={s.note}
          optional
          rows={2}
          maxLength={500}
          value={d().note}
          error={errors.field('note')}
          onValue={form.set('note')}
        />
        <Button type="submit" variant="primary" busy={errors.busy()}>
          {errors.busy() ? s.submitting : s.submit}
        </Button>
      </form>
    </section>
  );
}

/**
 * /t/:tenant/teaching/priority-teachers: the semester's priority teachers, those with warnings
 * first (not observed yet, course ending unobserved), each with their observations this semester;
 * the office flags and clears, a unit head reads their unit's.
 */
export default function PriorityTeachersPage() {
  const { slug, session, config, notify } = useTenant();
  const [search, setSearch] = useSearchParams();
  const semester = createMemo(() => one(search.semester));
  const list = createLoad(
    () => ({ semester: semester() }),
    (q) => priorityApi.list(slug(), q.semester),
  );
  const manages = () => MANAGERS.indexOf(session().user.role) >= 0;
  const [flaggedMessage, setFlaggedMessage] = createSignal('');

  return (
    <Page title={s.title}>
      <p class="muted">{s.intro}</p>
      <Show when={manages()}>
        <FlagForm
          slug={slug()}
          onFlagged={(flag) => {
            setFlaggedMessage(s.flagged(flag.teacherName));
            list.reload();
          }}
        />
      </Show>
      <Show when={flaggedMessage()}>
        <div class="banner banner-ok" role="status">
          <p>{flaggedMessage()}</p>
        </div>
      </Show>
      <Loaded load={list}>
        {(d) => (
          <>
            <form class="filters" onSubmit={(e) => e.preventDefault()}>
              <SelectField
                id="priority-semester"
                label={s.semester}
                value={d().semester}
                options={semesterOptions(currentSemester(config().semesters))}
                onValue={(v) => setSearch({ semester: v }, { replace: true })}
              />
            </form>
            <p class="muted">{s.total(d().items.length)}</p>
            <Show when={d().items.length > 0} fallback={<p class="empty">{s.empty}</p>}>
              <ul class="cards priority-list">
                <For each={d().items}>
                  {(f) => (
                    <li
                      class="card"
                      classList={{
                        'priority-warned': f.warnings.length > 0,
                        'priority-cleared': !!f.clearedAt,
                      }}
                    >
                      <h2 class="card-title">
                        <A href={summaryHref(slug(), f.teacherId, d().semester)}>{f.teacherName}</A>
                        <span class="muted"> · {f.unitName ?? ''}</span>
                      </h2>
                      <p class="card-meta">
                        <span class="badge badge-primary">{f.reasonLabel}</span>{' '}
                        <For each={f.warnings}>
                          {(w) => (
                            <>
                              <span
                                class={`badge ${w.key === 'course_ending' ? 'badge-danger' : 'badge-warn'}`}
                              >
                                {w.label}
                              </span>{' '}
                            </>
                          )}
                        </For>
                        <Show when={f.clearedAt}>
                          <span class="badge">{s.cleared}</span>
                        </Show>
                      </p>
                      <p class="card-meta">
                        {s.observed(f.observationCount)}
                        <Show when={f.lastObservedOn}>{(day) => ` · ${s.lastObserved(day())}`}</Show>
                        <Show when={f.averageTotal !== null}>{` · ${s.average(f.averageTotal ?? 0)}`}</Show>
                      </p>
                      <Show when={f.courseEndsOn}>
                        {(day) => <p class="card-meta">{s.courseEnds(day())}</p>}
                      </Show>
                      <Show when={f.note}>{(n) => <p class="card-meta">{n()}</p>}</Show>
                      <Show when={manages() && !f.clearedAt}>
                        <div class="actions">
                          <ConfirmButton
                            label={s.clear}
                            question={s.clearQuestion}
                            run={async () => {
                              await priorityApi.clear(slug(), f.id);
                              notify(`${f.teacherName}：${s.cleared}`);
                              list.reload();
                            }}
                          />
                        </div>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Loaded>
    </Page>
  );
}
