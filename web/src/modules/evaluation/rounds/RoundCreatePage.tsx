import { A, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { roundsTexts as s } from '../../../texts/rounds';
import { Button } from '../../../ui/Button';
import { DraftNotice } from '../../../ui/DraftNotice';
import { beijingToday } from '../../../ui/dates';
import { createDraftForm } from '../../../ui/draftForm';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { createLoad } from '../../../ui/load';
import { Page } from '../../../ui/Page';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { useTenant } from '../../shell/context';
import { UnitPicker } from '../../units/UnitPicker';
import { evaluationApi } from '../api';
import { type NewRound, roundsApi, roundsHref } from './api';
import {
  type ChosenReviewer,
  type ChosenUnit,
  chosenReviewers,
  chosenUnits,
  emptyRoundDraft,
  ROUND_FIELDS,
  type RoundDraft,
  type RoundField,
  roundDraft,
} from './draft';
import './rounds.css';

const DATE_FIELDS = ['startsOn', 'endsOn', 'selfDeadline', 'reviewDeadline', 'replyDeadline'] as const;

function localErrors(d: RoundDraft): Partial<Record<RoundField, string>> {
  const errors: Partial<Record<RoundField, string>> = {};
  if (!d.name.trim()) errors.name = s.required(s.name);
  if (!d.schemeId) errors.schemeId = s.chooseScheme;
  if (!/^\d{4}$/.test(d.schoolYear.trim())) errors.schoolYear = s.schoolYearHint;
  const labels: Record<(typeof DATE_FIELDS)[number], string> = {
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    selfDeadline: s.selfDeadlineField,
    reviewDeadline: s.reviewDeadlineField,
    replyDeadline: s.replyDeadlineField,
  };
  for (const f of DATE_FIELDS) if (!d[f]) errors[f] = s.required(labels[f]);
  if (chosenUnits(d).length === 0) errors.unitIds = s.chooseUnits;
  const team = chosenReviewers(d);
  if (team.length === 0) errors.reviewers = s.chooseTeam;
  else if (team.filter((r) => r.lead).length !== 1) errors.reviewers = s.chooseLead;
  return errors;
}

function toNewRound(d: RoundDraft): NewRound {
  return {
    name: d.name.trim(),
    schemeId: d.schemeId,
    ...(d.schemeVersion ? { schemeVersion: Number(d.schemeVersion) } : {}),
    schoolYear: Number(d.schoolYear),
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    selfDeadline: d.selfDeadline,
    reviewDeadline: d.reviewDeadline,
    replyDeadline: d.replyDeadline,
    unitIds: chosenUnits(d).map((u) => u.id),
    reviewers: chosenReviewers(d),
  };
}

/** /t/:tenant/evaluation/rounds/new: a round with its scheme, units, team and deadlines; the draft survives a reload. */
export default function RoundCreatePage() {
  const { slug, config, notify } = useTenant();
  const navigate = useNavigate();
  const today = beijingToday();
  const year = Number(today.slice(0, 4));
  const form = createDraftForm({
    slot: roundDraft(slug(), null),
    initial: {
      ...emptyRoundDraft(),
      schoolYear: String(Number(today.slice(5, 7)) >= 9 ? year : year - 1),
      startsOn: today,
    },
    fields: ROUND_FIELDS,
    idPrefix: 'round',
  });
  const { errors, field } = form;
  const d = form.draft;
  const units = () => chosenUnits(d());
  const team = () => chosenReviewers(d());

  const schemes = createLoad(
    () => slug(),
    (x) => evaluationApi.list(x),
  );
  const people = createLoad(
    () => slug(),
    (x) => roundsApi.reviewerOptions(x),
  );
  const scheme = () => schemes.data()?.items.find((x) => x.id === d().schemeId);

  const setUnits = (list: ChosenUnit[]) => {
    form.setDraft({ ...d(), unitIds: list.length ? JSON.stringify(list) : '' });
    errors.clearField('unitIds');
  };
  const addUnit = (unit: { id: string; name: string }) => {
    if (!unit.id || units().some((u) => u.id === unit.id)) return;
    setUnits([...units(), unit]);
    const select = document.getElementById('round-unitIds') as HTMLSelectElement | null;
    if (select) select.value = '';
  };
  const setTeam = (list: ChosenReviewer[]) => {
    form.setDraft({ ...d(), reviewers: list.length ? JSON.stringify(list) : '' });
    errors.clearField('reviewers');
  };
  const toggleMember = (userId: string, on: boolean) =>
    setTeam(
      on ? [...team(), { userId, lead: team().length === 0 }] : team().filter((r) => r.userId !== userId),
    );
  const makeLead = (userId: string) =>
    setTeam(
      (team().some((r) => r.userId === userId) ? team() : [...team(), { userId, lead: false }]).map((r) => ({
        ...r,
        lead: r.userId === userId,
      })),
    );

  const submit = form.onSubmit(localErrors, async (x) => {
    const { round } = await roundsApi.create(slug(), toNewRound(x));
    form.clear();
    const href = roundsHref(slug(), `/${round.id}`);
    navigate(href);
    notify(s.created(round.name), href);
  });

  return (
    <Page title={s.formTitle}>
      <p>
        <A href={roundsHref(slug())}>{s.backToList}</A>
      </p>
      <form class="form" onSubmit={submit} novalidate>
        <DraftNotice
          show={form.restored}
          message={s.draftRestored}
          discardLabel={s.discardDraft}
          onDiscard={form.discard}
        />
        <TextField
          {...field('name', s.name)}
          placeholder={s.namePlaceholder}
          maxLength={60}
          autocomplete="off"
        />
        <SelectField
          {...field('schemeId', s.scheme)}
          placeholder={s.chooseScheme}
          onValue={(v) => {
            form.setDraft({ ...d(), schemeId: v, schemeVersion: '' });
            errors.clearField('schemeId');
          }}
          options={(schemes.data()?.items ?? [])
            .filter((x) => x.status === 'active')
            .map((x) => ({ value: x.id, label: x.name }))}
        />
        <Show when={scheme()}>
          {(sc) => (
            <SelectField
              {...field('schemeVersion', s.schemeVersion, { optional: true })}
              placeholder={s.latestVersion(sc().latestVersion)}
              options={Array.from(
                { length: sc().latestVersion - 1 },
                (_, i) => sc().latestVersion - 1 - i,
              ).map((v) => ({ value: String(v), label: s.version(v) }))}
            />
          )}
        </Show>
        <TextField
          {...field('schoolYear', s.schoolYearField, { hint: s.schoolYearHint })}
          inputmode="numeric"
          maxLength={4}
        />
        <TextField {...field('startsOn', s.startsOn)} type="date" />
        <TextField {...field('endsOn', s.endsOn)} type="date" min={d().startsOn || undefined} />
        <TextField {...field('selfDeadline', s.selfDeadlineField, { hint: s.datesHint })} type="date" />
        <TextField {...field('reviewDeadline', s.reviewDeadlineField)} type="date" />
        <TextField {...field('replyDeadline', s.replyDeadlineField)} type="date" />

        <fieldset class="field" classList={{ 'field-invalid': !!errors.field('unitIds') }}>
          <legend>{s.unitsField}</legend>
          <p class="muted">{s.unitsHint}</p>
          <Show when={units().length} fallback={<p class="muted">{s.noUnits}</p>}>
            <p class="muted">{s.unitsPicked(units().length)}</p>
            <ul class="round-units-picked" aria-label={s.unitsField}>
              <For each={units()}>
                {(u) => (
                  <li>
                    <span>{u.name}</span>
                    <Button
                      variant="link"
                      aria-label={s.removeUnit(u.name)}
                      onClick={() => setUnits(units().filter((x) => x.id !== u.id))}
                    >
                      {s.remove}
                    </Button>
                  </li>
                )}
              </For>
            </ul>
          </Show>
          <UnitPicker
            id="round-unitIds"
            slug={slug()}
            unitWord={config().vocabulary.unit}
            label={s.addUnit}
            emptyLabel={s.pickUnit}
            unitId=""
            unitName=""
            error={errors.field('unitIds')}
            onChange={addUnit}
          />
        </fieldset>

        <fieldset
          class="field"
          id="round-reviewers"
          classList={{ 'field-invalid': !!errors.field('reviewers') }}
        >
          <legend>{s.team}</legend>
          <p class="muted">{s.teamHint}</p>
          <Show when={people.error()}>
            {(e) => <ErrorBanner message={e().message} onRetry={people.reload} />}
          </Show>
          <ul class="round-team">
            <For each={people.data()?.items ?? []}>
              {(p) => {
                const seat = () => team().find((r) => r.userId === p.id);
                return (
                  <li>
                    <label>
                      <input
                        type="checkbox"
                        checked={!!seat()}
                        aria-label={s.member(p.displayName)}
                        onChange={(e) => toggleMember(p.id, e.currentTarget.checked)}
                      />
                      {p.displayName}
                    </label>
                    <label>
                      <input
                        type="radio"
                        name="round-lead"
                        checked={seat()?.lead === true}
                        aria-label={s.leadOf(p.displayName)}
                        onChange={() => makeLead(p.id)}
                      />
                      {s.lead}
                    </label>
                  </li>
                );
              }}
            </For>
          </ul>
          <Show when={errors.field('reviewers')}>{(m) => <p class="field-error">{m()}</p>}</Show>
        </fieldset>

        <Show when={errors.banner()}>
          {(b) => <ErrorBanner message={b().message} details={b().details} />}
        </Show>
        <Button type="submit" variant="primary" class="btn-block" busy={errors.busy()}>
          {errors.busy() ? s.creating : s.create}
        </Button>
      </form>
    </Page>
  );
}
