import { A, useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { texts } from '../../texts';
import { plansTexts as s } from '../../texts/plans';
import { Button } from '../../ui/Button';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { checklistsApi } from '../checklists/api';
import { useTenant } from '../shell/context';
import { UnitPicker } from '../units/UnitPicker';
import { zonesApi } from '../zones/api';
import { type NewPlan, PLAN_KINDS, type PlanKind, plansApi, VISIT_KINDS, type VisitKind } from './api';
import { beijingToday, monthOf, termOf } from './dates';
import {
  chosenUnits,
  emptyPlanDraft,
  PLAN_FIELDS,
  type PlanDraft,
  type PlanField,
  planDraft,
  withUnits,
} from './draft';
import { plansHref, useModule } from './permissions';
import './plans.css';

/** What a visit of each plan kind usually is: 挂牌督导 for a zone's monthly round, and so on. */
const USUAL_VISIT: Record<PlanKind, VisitKind> = {
  zone_monthly: 'listed',
  semester_all: 'routine',
  campaign: 'special',
};

function localErrors(d: PlanDraft, zoneWord: string, unitWord: string): Partial<Record<PlanField, string>> {
  const errors: Partial<Record<PlanField, string>> = {};
  if (!d.name.trim()) errors.name = texts.common.required(s.name);
  if (!d.visitKind) errors.visitKind = texts.common.choose(s.visitKind);
  if (d.kind === 'zone_monthly' && !d.zoneId) errors.zoneId = s.chooseZone(zoneWord);
  if (d.kind === 'campaign' && chosenUnits(d).length === 0) errors.unitIds = s.chooseUnits(unitWord);
  if (!d.startsOn) errors.startsOn = texts.common.required(s.startsOn);
  if (!d.endsOn) errors.endsOn = texts.common.required(s.endsOn);
  else if (d.startsOn && d.endsOn < d.startsOn) errors.endsOn = s.endBeforeStart;
  return errors;
}

function toNewPlan(d: PlanDraft): NewPlan {
  const kind = d.kind as PlanKind;
  return {
    kind,
    name: d.name.trim(),
    visitKind: d.visitKind as VisitKind,
    templateId: d.templateId || null,
    zoneId: kind === 'zone_monthly' ? d.zoneId || null : null,
    unitIds: kind === 'campaign' ? chosenUnits(d).map((u) => u.id) : [],
    startsOn: d.startsOn,
    endsOn: d.endsOn,
    theme: d.theme.trim() || null,
    note: d.note.trim() || null,
  };
}

/** /t/:tenant/:module/plans/new: a plan of visits over a period; its draft survives a reload. */
export default function PlanFormPage() {
  const { slug, config, notify } = useTenant();
  const module = useModule();
  const navigate = useNavigate();
  const zoneWord = () => config().vocabulary.zone;
  const unitWord = () => config().vocabulary.unit;
  const today = beijingToday();
  const thisMonth = monthOf(today);
  const initial: PlanDraft = {
    ...emptyPlanDraft(),
    kind: 'zone_monthly',
    visitKind: USUAL_VISIT.zone_monthly,
    startsOn: today,
    endsOn: thisMonth.last,
  };
  const form = createDraftForm({
    slot: planDraft(slug(), module(), null),
    initial,
    fields: PLAN_FIELDS,
    idPrefix: 'plan',
  });
  const { errors, field } = form;
  const d = form.draft;
  const kind = () => d().kind as PlanKind;
  const units = () => chosenUnits(d());

  // Zones are tens at most, templates of a module a few dozen: both fit one select.
  const zones = createLoad(
    () => slug(),
    (x) => zonesApi.list(x),
  );
  const templates = createLoad(
    () => ({ slug: slug(), module: module() }),
    (x) => checklistsApi.list(x.slug, x.module, { status: 'active', pageSize: 100 }),
  );

  const setKind = (value: string) => {
    const next = value as PlanKind;
    const before = kind();
    form.setDraft({
      ...d(),
      kind: next,
      // The usual visit kind follows the plan kind until someone picks another.
      visitKind: d().visitKind === USUAL_VISIT[before] ? USUAL_VISIT[next] : d().visitKind,
    });
    errors.clearField('kind');
    errors.clearField('zoneId');
    errors.clearField('unitIds');
  };
  const setPeriod = (period: { first: string; last: string }) => {
    form.setDraft({ ...d(), startsOn: period.first < today ? today : period.first, endsOn: period.last });
    errors.clearField('startsOn');
    errors.clearField('endsOn');
  };
  const addUnit = (unit: { id: string; name: string }) => {
    if (!unit.id || units().some((u) => u.id === unit.id)) return;
    form.setDraft(withUnits(d(), [...units(), unit]));
    errors.clearField('unitIds');
    // The picker is for adding: back to its empty choice, ready for the next unit.
    const select = document.getElementById('plan-unitIds') as HTMLSelectElement | null;
    if (select) select.value = '';
  };
  const removeUnit = (id: string) =>
    form.setDraft(
      withUnits(
        d(),
        units().filter((u) => u.id !== id),
      ),
    );

  const submit = form.onSubmit(
    (x) => localErrors(x, zoneWord(), unitWord()),
    async (x) => {
      const { plan } = await plansApi.create(slug(), module(), toNewPlan(x));
      form.clear();
      const href = plansHref(slug(), module(), `/${plan.id}`);
      navigate(href);
      notify(s.created(plan.name, plan.counts.total), href);
    },
  );

  return (
    <Page title={s.newTitle(texts.modules[module()])}>
      <p>
        <A href={plansHref(slug(), module())}>{s.backToList}</A>
      </p>
      <form class="form" onSubmit={submit} novalidate>
        <DraftNotice
          show={form.restored}
          message={s.draftRestored}
          discardLabel={s.discardDraft}
          onDiscard={form.discard}
        />
        <SelectField
          {...field('kind', s.kind, { hint: s.kindHints(zoneWord(), unitWord())[kind()] })}
          onValue={setKind}
          options={PLAN_KINDS.map((k) => ({ value: k, label: s.kinds(zoneWord(), unitWord())[k] }))}
        />
        <TextField
          {...field('name', s.name)}
          placeholder={s.namePlaceholder}
          maxLength={60}
          autocomplete="off"
        />
        <Show when={kind() === 'zone_monthly'}>
          <SelectField
            {...field('zoneId', s.zone(zoneWord()))}
            placeholder={s.chooseZone(zoneWord())}
            options={(zones.data()?.items ?? []).map((z) => ({
              value: z.id,
              label: s.zoneOption(z.name, z.unitCount, unitWord()),
            }))}
          />
          <Show when={zones.error()}>
            {(e) => <ErrorBanner message={e().message} onRetry={zones.reload} />}
          </Show>
        </Show>
        <Show when={kind() === 'campaign'}>
          <fieldset class="field plan-fieldset" classList={{ 'field-invalid': !!errors.field('unitIds') }}>
            <legend>{s.units(unitWord())}</legend>
            <Show when={units().length} fallback={<p class="muted">{s.noUnitsYet(unitWord())}</p>}>
              <p class="muted">{s.unitsPicked(units().length, unitWord())}</p>
              <ul class="plan-units" aria-label={s.units(unitWord())}>
                <For each={units()}>
                  {(u) => (
                    <li>
                      <span>{u.name}</span>
                      <Button
                        variant="link"
                        aria-label={s.removeUnit(u.name)}
                        onClick={() => removeUnit(u.id)}
                      >
                        {s.remove}
                      </Button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <UnitPicker
              id="plan-unitIds"
              slug={slug()}
              unitWord={unitWord()}
              label={s.addUnit(unitWord())}
              emptyLabel={s.pickUnit(unitWord())}
              unitId=""
              unitName=""
              error={errors.field('unitIds')}
              onChange={addUnit}
            />
          </fieldset>
        </Show>
        <SelectField
          {...field('visitKind', s.visitKind)}
          options={VISIT_KINDS.map((k) => ({ value: k, label: s.visitKinds[k] }))}
        />
        <SelectField
          {...field('templateId', s.template, { optional: true })}
          placeholder={s.noTemplate}
          options={(templates.data()?.items ?? []).map((t) => ({ value: t.id, label: t.name }))}
        />
        <fieldset class="plan-quick plan-fieldset">
          <legend>{s.quickPeriod}</legend>
          <Button onClick={() => setPeriod(thisMonth)}>{s.thisMonth}</Button>
          <Button onClick={() => setPeriod(monthOf(today, 1))}>{s.nextMonth}</Button>
          <Button onClick={() => setPeriod(termOf(today))}>{s.thisTerm}</Button>
        </fieldset>
        <TextField {...field('startsOn', s.startsOn)} type="date" />
        <TextField
          {...field('endsOn', s.endsOn, { hint: s.dateHint })}
          type="date"
          min={d().startsOn || undefined}
        />
        <TextField
          {...field('theme', s.theme, { optional: true, hint: s.themeHint })}
          maxLength={60}
          autocomplete="off"
        />
        <TextAreaField {...field('note', s.note, { optional: true })} rows={3} maxLength={300} />
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
