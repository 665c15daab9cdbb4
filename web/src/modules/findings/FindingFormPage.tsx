import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { texts } from '../../texts';
import { findingsTexts as s } from '../../texts/findings';
import { Button } from '../../ui/Button';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { one } from '../../ui/searchParams';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { UnitPicker } from '../units/UnitPicker';
import { type FindingForm, findingsApi, SEVERITIES, type Severity } from './api';
import { addDays, beijingToday } from './dates';
import {
  emptyFindingDraft,
  FINDING_FIELDS,
  type FindingDraft,
  type FindingField,
  findingDraft,
} from './draft';
import { findingsHref, useModule } from './permissions';
import './findings.css';

function localErrors(d: FindingDraft, unitWord: string): Partial<Record<FindingField, string>> {
  const errors: Partial<Record<FindingField, string>> = {};
  if (!d.unitId) errors.unitId = s.chooseUnit(unitWord);
  if (!d.category.trim()) errors.category = texts.common.required(s.category);
  if (!d.severity) errors.severity = texts.common.choose(s.severity);
  if (!d.description.trim()) errors.description = texts.common.required(s.description);
  if (!d.deadline) errors.deadline = texts.common.required(s.deadline);
  else if (d.deadline < beijingToday()) errors.deadline = s.deadlinePast;
  return errors;
}

function toForm(d: FindingDraft): FindingForm {
  const form: FindingForm = {
    unitId: d.unitId,
    category: d.category.trim(),
    severity: d.severity as Severity,
    description: d.description.trim(),
    deadline: d.deadline,
  };
  if (d.requirement.trim()) form.requirement = d.requirement.trim();
  if (d.responsiblePerson.trim()) form.responsiblePerson = d.responsiblePerson.trim();
  if (d.visitId.trim()) form.visitId = d.visitId.trim();
  return form;
}

/**
 * /t/:tenant/:module/findings/new: a finding not drafted from a checklist. ?unitId, ?unitName and
 * ?visitId fill the form when it is opened from a unit or a visit.
 */
export default function FindingFormPage() {
  const { slug, config, notify } = useTenant();
  const module = useModule();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const unitWord = () => config().vocabulary.unit;
  const days = () => config().visits.defaultDeadlineDays;
  const initial: FindingDraft = {
    ...emptyFindingDraft(),
    unitId: one(search.unitId),
    unitName: one(search.unitName),
    visitId: one(search.visitId),
    severity: 'general',
    deadline: addDays(beijingToday(), days()),
  };
  const form = createDraftForm({
    slot: findingDraft(slug(), module(), null),
    initial,
    fields: FINDING_FIELDS,
    idPrefix: 'finding',
  });
  const { errors, field } = form;

  const submit = form.onSubmit(
    (d) => localErrors(d, unitWord()),
    async (d) => {
      const { finding } = await findingsApi.create(slug(), module(), toForm(d));
      form.clear();
      const href = findingsHref(slug(), module(), `/${finding.id}`);
      navigate(href);
      notify(s.created, href);
    },
  );

  return (
    <Page title={s.newTitle(texts.modules[module()])}>
      <p>
        <A href={findingsHref(slug(), module())}>{s.backToList}</A>
      </p>
      <form class="form" onSubmit={submit} novalidate>
        <DraftNotice
          show={form.restored}
          message={s.draftRestored}
          discardLabel={s.discardDraft}
          onDiscard={form.discard}
        />
        <UnitPicker
          id="finding-unitId"
          slug={slug()}
          unitWord={unitWord()}
          label={s.unitLabel(unitWord())}
          emptyLabel={s.chooseUnit(unitWord())}
          unitId={form.draft().unitId}
          unitName={form.draft().unitName}
          error={errors.field('unitId')}
          onChange={(u) => {
            form.setDraft({ ...form.draft(), unitId: u.id, unitName: u.id ? u.name : '' });
            errors.clearField('unitId');
          }}
        />
        <TextField
          {...field('category', s.category)}
          placeholder={s.categoryPlaceholder}
          maxLength={60}
          autocomplete="off"
        />
        <SelectField
          {...field('severity', s.severity)}
          options={SEVERITIES.map((v) => ({ value: v, label: s.severities[v] }))}
        />
        <TextAreaField {...field('description', s.description)} rows={4} maxLength={2000} />
        <TextAreaField
          {...field('requirement', s.requirement, { optional: true })}
          rows={3}
          maxLength={2000}
        />
        <TextField
          {...field('responsiblePerson', s.responsiblePerson, { optional: true })}
          maxLength={40}
          autocomplete="off"
        />
        <TextField
          {...field('deadline', s.deadline, { hint: s.deadlineHint(days()) })}
          type="date"
          min={beijingToday()}
        />
        <TextField
          {...field('visitId', s.visit, { optional: true, hint: s.visitHint })}
          maxLength={40}
          autocomplete="off"
          autocapitalize="none"
        />
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
