import { A, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { createStore, produce, unwrap } from 'solid-js/store';
import { checkAnswers } from '../../../../tenants/checklists/answers';
import type { ChecklistBody as CheckBody } from '../../../../tenants/checklists/schema';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { visitsTexts as s } from '../../texts/visits';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { listPhotos, photoBlob, type StoredPhoto } from '../../ui/photoStore';
import { SearchPicker } from '../../ui/SearchPicker';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { newUuid } from '../../ui/uuid';
import { useTenant } from '../shell/context';
import { UnitPicker } from '../units/UnitPicker';
import {
  type AnswerValue,
  COMPREHENSIVE_TEAM_MIN,
  VISIT_KINDS,
  VISIT_METHODS,
  type VisitKind,
  visitsApi,
} from './api';
import { ChecklistForm, type ShownPhoto } from './ChecklistForm';
import { enqueue, startOutbox } from './outbox';
import { canRecord, useModule, visitsHref } from './permissions';
import { createSaver, getDraft, isPersistent, type VisitDraft, visitPhotoScope } from './store';
import './visits.css';
import { beijingToday } from '../../ui/dates';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * /t/:tenant/:module/visits/new and …/visits/draft/:draftId: a visit filled in on site. /new makes the
 * visit's id on the phone and moves to the draft's own address, so a reload reopens the same draft.
 */
export default function VisitFormPage() {
  const { slug, session } = useTenant();
  const module = useModule();
  const params = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const [draft, setDraft] = createSignal<VisitDraft | null>(null);
  const [startTemplate, setStartTemplate] = createSignal<string | null>(null);

  onMount(async () => {
    startOutbox(slug(), session().user.id);
    // The list (where a submitted visit waits) must open after the network is gone: fetch it now.
    void import('./VisitsPage').catch(() => undefined);
    const id = params.draftId;
    if (!id || !UUID.test(id)) {
      // A plan item's 开始督导 (?unitId=&kind=&theme=&templateId=) goes along to the draft.
      navigate(visitsHref(slug(), module(), `/draft/${newUuid()}${location.search}`), { replace: true });
      return;
    }
    const stored = await getDraft(id);
    if (
      stored &&
      stored.slug === slug() &&
      stored.module === module() &&
      stored.userId === session().user.id
    ) {
      setDraft(stored);
      return;
    }
    const now = Date.now();
    const start = new URLSearchParams(location.search);
    const unitId = start.get('unitId') ?? '';
    const kind = VISIT_KINDS.find((k) => k === start.get('kind')) ?? 'routine';
    const templateId = start.get('templateId') ?? '';
    if (UUID.test(templateId)) setStartTemplate(templateId);
    setDraft({
      id,
      slug: slug(),
      module: module(),
      userId: session().user.id,
      state: 'draft',
      error: null,
      errorDetails: [],
      unitId,
      unitName: '',
      templateId: '',
      templateName: '',
      templateVersion: 0,
      body: null,
      kind,
      visitedOn: beijingToday(),
      theme: (start.get('theme') ?? '').slice(0, 100),
      team: [],
      methods: [],
      answers: {},
      summary: '',
      feedback: '',
      feedbackSignedBy: '',
      createdAt: now,
      updatedAt: now,
    });
  });

  return (
    <Show when={canRecord(session().user.role)} fallback={<ErrorBanner message={texts.common.forbidden} />}>
      <Show when={draft()} fallback={<Loading />} keyed>
        {(d) => <VisitForm initial={d} fresh={d.createdAt === d.updatedAt} startTemplate={startTemplate()} />}
      </Show>
    </Show>
  );
}

function VisitForm(props: { initial: VisitDraft; fresh: boolean; startTemplate: string | null }) {
  const { slug, session, config, notify } = useTenant();
  const module = useModule();
  const navigate = useNavigate();
  const [d, setD] = createStore<VisitDraft>(props.initial);
  const [saving, setSaving] = createSignal(false);
  const [saved, setSaved] = createSignal(!props.fresh);
  const [tried, setTried] = createSignal(false);
  const [templateError, setTemplateError] = createSignal<string | null>(null);
  const [loadingTemplate, setLoadingTemplate] = createSignal(false);
  const [photos, setPhotos] = createSignal<Record<string, ShownPhoto>>({});
  const saver = createSaver((busy) => {
    setSaving(busy);
    if (!busy) setSaved(true);
  });
  const locked = () => d.state === 'queued' || d.state === 'sending';
  const unitWord = () => config().vocabulary.unit;
  const scope = visitPhotoScope(props.initial.id);

  /** Every change goes through here: applied, then written to the device at once. */
  const change = (fn: (draft: VisitDraft) => void) => {
    if (locked()) return;
    setD(
      produce((x) => {
        fn(x);
        x.updatedAt = Date.now();
        if (x.state === 'failed') x.state = 'draft';
      }),
    );
    saver.save(unwrap(d));
  };
  const set = <K extends keyof VisitDraft>(field: K, value: VisitDraft[K]) =>
    change((x) => {
      x[field] = value;
    });
  const answer = (key: string, patch: AnswerValue) =>
    change((x) => {
      x.answers[key] = { ...(x.answers[key] ?? {}), ...patch };
    });

  onMount(async () => {
    const stored = await listPhotos(scope);
    const shown: Record<string, ShownPhoto> = {};
    for (const p of stored) {
      shown[p.id] = {
        url: URL.createObjectURL(photoBlob(p)),
        originalBytes: p.originalBytes,
        bytes: p.bytes.byteLength,
      };
    }
    setPhotos(shown);
    if (props.fresh) void fillDefaults();
    // The plan's checklist, for a visit started from its item.
    if (props.fresh && props.startTemplate && !d.templateId) void chooseTemplate(props.startTemplate);
    if (d.unitId && !d.unitName) {
      const name = await visitsApi.unitName(slug(), d.unitId).catch(() => '');
      if (name && !d.unitName) set('unitName', name);
    }
  });
  onCleanup(() => {
    for (const p of Object.values(photos())) URL.revokeObjectURL(p.url);
  });

  /** A new visit starts with the month's theme and the user's own inspector record as the lead. */
  const fillDefaults = async () => {
    const [year, month] = d.visitedOn.split('-').map(Number) as [number, number];
    const theme = await visitsApi.theme(slug(), year, month).catch(() => null);
    if (theme && !d.theme) set('theme', theme);
    const me = session().user;
    const found = await visitsApi.inspectors(slug(), me.displayName).catch(() => null);
    const own = found?.items.find((i) => i.userId === me.id);
    if (own && d.team.length === 0) set('team', [{ id: own.id, name: own.name, lead: true }]);
  };

  const templates = createLoad(
    () => module(),
    (m) => visitsApi.templates(slug(), m),
  );
  const chooseTemplate = async (id: string) => {
    setTemplateError(null);
    if (!id) return;
    setLoadingTemplate(true);
    try {
      const { template } = await visitsApi.template(slug(), module(), id);
      const keys = new Set(template.body.sections.flatMap((sec) => sec.items.map((i) => i.key)));
      change((x) => {
        x.templateId = template.id;
        x.templateName = template.name;
        x.templateVersion = template.latestVersion;
        x.body = template.body;
        for (const k of Object.keys(x.answers)) if (!keys.has(k)) delete x.answers[k];
      });
    } catch (err) {
      const e = toApiError(err);
      setTemplateError(e.status === 0 ? s.templateOffline : e.message);
    } finally {
      setLoadingTemplate(false);
    }
  };

  const check = createMemo(() =>
    d.body ? checkAnswers(d.body as unknown as CheckBody, d.answers as never, { draft: !tried() }) : null,
  );
  const findingKeys = createMemo(() => new Set((check()?.findings ?? []).map((f) => f.itemKey)));
  const itemCount = () => (d.body?.sections ?? []).reduce((n, sec) => n + sec.items.length, 0);
  const answered = () => {
    let n = 0;
    for (const sec of d.body?.sections ?? []) {
      for (const item of sec.items) {
        const a = d.answers[item.key];
        const has =
          item.type === 'photo'
            ? !!a?.photos?.length
            : a?.value !== undefined && a.value !== null && a.value !== '';
        if (has) n++;
      }
    }
    return n;
  };
  const teamMin = () => (d.kind === 'comprehensive' ? COMPREHENSIVE_TEAM_MIN : 1);

  const errors = createMemo<Record<string, string>>(() => {
    if (!tried()) return {};
    const out: Record<string, string> = {};
    if (!d.unitId) out.unitId = s.chooseUnit(unitWord());
    if (!d.templateId || !d.body) out.templateId = s.chooseTemplate;
    if (!d.visitedOn) out.visitedOn = texts.common.required(s.visitedOn);
    else if (d.visitedOn > beijingToday()) out.visitedOn = s.dateFuture;
    if (d.team.length === 0) out.team = s.teamEmpty;
    else if (d.team.length < teamMin()) out.team = s.teamTooSmall(teamMin());
    if (d.methods.length === 0) out.methods = s.methodsEmpty;
    for (const issue of check()?.issues ?? []) out[issue.path] ??= issue.message;
    return out;
  });
  const errorCount = () => Object.keys(errors()).length;

  const submit = async (e: Event) => {
    e.preventDefault();
    setTried(true);
    if (errorCount() > 0) {
      const first = Object.keys(errors())[0] as string;
      const m = /^answers\.([^.]+)/.exec(first);
      const el = document.getElementById(m ? `item-${m[1]}` : `visit-${first}`);
      el?.scrollIntoView({ block: 'center' });
      return;
    }
    await saver.flush();
    await enqueue(unwrap(d));
    notify(s.queued, visitsHref(slug(), module()));
    navigate(visitsHref(slug(), module()));
  };

  return (
    <Page
      title={
        props.fresh && !d.unitId ? s.newTitle(texts.modules[module()]) : s.editTitle(texts.modules[module()])
      }
    >
      <p class="actions no-print">
        <A href={visitsHref(slug(), module())}>{s.backToList}</A>
      </p>
      <p class="visit-saved muted" role="status" aria-live="polite">
        {!isPersistent() ? s.notSaved : saving() ? s.savingOnDevice : saved() ? s.savedOnDevice : ''}
      </p>
      <Show when={locked()}>
        <Notice tone="info">{d.state === 'sending' ? s.states.sending : s.queued}</Notice>
      </Show>
      <Show when={d.state === 'failed' && d.error}>
        <ErrorBanner message={`${s.returned}：${d.error}`} details={d.errorDetails} />
      </Show>
      <form class="form visit-form" onSubmit={submit} novalidate>
        <fieldset class="visit-fieldset" disabled={locked()}>
          <section class="section card">
            <h2>{s.setup}</h2>
            <div id="visit-unitId">
              <UnitPicker
                id="visit-unit"
                slug={slug()}
                unitWord={unitWord()}
                label={s.unitLabel(unitWord())}
                emptyLabel={s.chooseUnit(unitWord())}
                unitId={d.unitId}
                unitName={d.unitName}
                error={errors().unitId}
                onChange={(u) =>
                  change((x) => {
                    x.unitId = u.id;
                    x.unitName = u.name;
                  })
                }
              />
            </div>
            <div id="visit-templateId">
              <SelectField
                id="visit-template"
                label={s.template}
                placeholder={s.chooseTemplate}
                value={d.templateId}
                error={errors().templateId ?? templateError() ?? undefined}
                hint={d.templateId ? s.templateKept(d.templateName, d.templateVersion) : undefined}
                options={[
                  ...(d.templateId && !(templates.data()?.items ?? []).some((t) => t.id === d.templateId)
                    ? [{ value: d.templateId, label: d.templateName }]
                    : []),
                  ...(templates.data()?.items ?? []).map((t) => ({ value: t.id, label: t.name })),
                ]}
                onValue={chooseTemplate}
              />
              <Show when={templates.data() && templates.data()?.items.length === 0}>
                <p class="muted">{s.noTemplates}</p>
              </Show>
              <Show when={loadingTemplate()}>
                <p class="loading loading-inline" role="status">
                  {s.loadingTemplate}
                </p>
              </Show>
            </div>
            <SelectField
              id="visit-kind"
              label={s.kind}
              value={d.kind}
              options={VISIT_KINDS.map((k) => ({ value: k, label: s.kinds[k] }))}
              onValue={(v) => set('kind', v as VisitKind)}
            />
            <TextField
              id="visit-visitedOn"
              type="date"
              label={s.visitedOn}
              value={d.visitedOn}
              max={beijingToday()}
              error={errors().visitedOn}
              onValue={(v) => set('visitedOn', v)}
            />
            <TextField
              id="visit-theme"
              label={s.theme}
              hint={s.themeHint}
              optional
              maxLength={100}
              value={d.theme}
              onValue={(v) => set('theme', v)}
            />
            <div class="field" id="visit-team" classList={{ 'field-invalid': !!errors().team }}>
              <p class="visit-item-label">{s.teamLabel}</p>
              <p class="field-hint">{s.teamHint(teamMin())}</p>
              <ol class="visit-team" aria-label={s.teamLabel}>
                <For each={d.team}>
                  {(m, i) => (
                    <li>
                      <span>
                        {m.name}
                        <Show when={i() === 0}>
                          {' '}
                          <span class="badge badge-primary">{s.lead}</span>
                        </Show>
                      </span>
                      <Button
                        variant="link"
                        onClick={() =>
                          set(
                            'team',
                            d.team.filter((t) => t.id !== m.id),
                          )
                        }
                      >
                        {s.removeMember}
                      </Button>
                    </li>
                  )}
                </For>
              </ol>
              <SearchPicker
                id="visit-member"
                searchLabel={s.findInspector}
                searchPlaceholder={s.findInspectorPlaceholder}
                label={s.addMember}
                emptyLabel={s.choose}
                value=""
                valueLabel=""
                search={async (q) =>
                  (await visitsApi.inspectors(slug(), q)).items
                    .filter((i) => !d.team.some((m) => m.id === i.id))
                    .map((i) => ({ value: i.id, label: i.name }))
                }
                onChange={(c) => {
                  if (!c.id || d.team.some((m) => m.id === c.id)) return;
                  set('team', [...d.team, { id: c.id, name: c.name }]);
                }}
              />
              <Show when={errors().team}>
                <p class="field-error">{errors().team}</p>
              </Show>
            </div>
            <fieldset
              class="field visit-methods"
              id="visit-methods"
              classList={{ 'field-invalid': !!errors().methods }}
            >
              <legend>{s.methodsLabel}</legend>
              <For each={VISIT_METHODS}>
                {(m) => (
                  <label class="visit-choice">
                    <input
                      type="checkbox"
                      checked={d.methods.includes(m)}
                      onChange={(e) => {
                        const on = e.currentTarget.checked;
                        change((x) => {
                          x.methods = VISIT_METHODS.filter((k) => (k === m ? on : x.methods.includes(k)));
                        });
                      }}
                    />
                    {s.methods[m]}
                  </label>
                )}
              </For>
              <Show when={errors().methods}>
                <p class="field-error">{errors().methods}</p>
              </Show>
            </fieldset>
          </section>

          <Show when={d.body}>
            {(body) => (
              <section class="section">
                <h2>{s.checklist}</h2>
                <p class="muted visit-progress" aria-live="polite">
                  {s.progress(answered(), itemCount())}
                  <Show when={check()?.total.max}>
                    {' · '}
                    {s.totalScore(check()?.total.score ?? 0, check()?.total.max ?? 0)}
                  </Show>
                </p>
                <ChecklistForm
                  body={body() as VisitDraft['body'] & object}
                  answers={d.answers}
                  errors={errors()}
                  findingKeys={findingKeys()}
                  photos={photos()}
                  photoScope={scope}
                  disabled={locked()}
                  onAnswer={answer}
                  onPhoto={(p: StoredPhoto, url: string) =>
                    setPhotos({
                      ...photos(),
                      [p.id]: { url, originalBytes: p.originalBytes, bytes: p.bytes.byteLength },
                    })
                  }
                />
                <section class="card visit-findings" aria-label={s.findings}>
                  <h3>
                    {check()?.findings.length
                      ? s.findingsDrafted(check()?.findings.length ?? 0)
                      : s.noFindings}
                  </h3>
                  <ul>
                    <For each={check()?.findings ?? []}>
                      {(f) => (
                        <li>
                          {f.label}
                          <Show when={f.hazardLevel}>
                            {(h) => <> （{s.hazard(s.hazardLevels[h()] ?? h())}）</>}
                          </Show>
                          <Show when={f.note}>：{f.note}</Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              </section>
            )}
          </Show>

          <section class="section card">
            <h2>{s.summaryTitle}</h2>
            <TextAreaField
              id="visit-summary"
              label={s.summary}
              hint={s.summaryHint}
              optional
              rows={4}
              maxLength={4000}
              value={d.summary}
              onValue={(v) => set('summary', v)}
            />
            <TextAreaField
              id="visit-feedback"
              label={s.feedback}
              hint={s.feedbackHint}
              optional
              rows={4}
              maxLength={4000}
              value={d.feedback}
              onValue={(v) => set('feedback', v)}
            />
            <TextField
              id="visit-feedbackSignedBy"
              label={s.feedbackSignedBy}
              hint={s.feedbackSignedByHint}
              optional
              maxLength={50}
              value={d.feedbackSignedBy}
              onValue={(v) => set('feedbackSignedBy', v)}
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
