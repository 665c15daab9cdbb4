import { A, useNavigate, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { texts } from '../../texts';
import { inspectorsTexts } from '../../texts/inspectors';
import { Button } from '../../ui/Button';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { SearchPicker } from '../../ui/SearchPicker';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { INSPECTOR_TYPES, type InspectorDetail, type InspectorForm, inspectorsApi } from './api';
import {
  accountLabel,
  draftOf,
  emptyDraft,
  INSPECTOR_FIELDS,
  type InspectorDraft,
  type InspectorField,
  inspectorDraft,
} from './draft';

const s = inspectorsTexts;

/** /inspectors/new and /inspectors/:id/edit: one form; an edit loads the record first. */
export default function InspectorFormPage() {
  const params = useParams();
  const id = () => params.id ?? null;
  const { slug, config } = useTenant();
  const record = createLoad(
    () => id() ?? false,
    (i) => inspectorsApi.get(slug(), i),
  );
  const word = () => config().vocabulary.inspector;
  const title = () => {
    const r = record.data()?.inspector;
    return id() ? (r ? s.editTitle(r.name) : s.edit) : s.newTitle(word());
  };
  return (
    <Page title={title()}>
      <p>
        <A href={id() ? `/t/${slug()}/inspectors/${id()}` : `/t/${slug()}/inspectors`}>
          {id() ? texts.common.cancel : s.backToList}
        </A>
      </p>
      <Show when={id()} fallback={<InspectorFormView record={null} />}>
        <Loaded load={record}>{(d) => <InspectorFormView record={d().inspector} />}</Loaded>
      </Show>
    </Page>
  );
}

function toForm(d: InspectorDraft): InspectorForm {
  return {
    name: d.name,
    type: d.type,
    certificateNo: d.certificateNo,
    termStart: d.termStart,
    termEnd: d.termEnd,
    trainingHours: Number(d.trainingHours.trim() || '0'),
    phone: d.phone,
    email: d.email,
    workplace: d.workplace,
    userId: d.userId || null,
  };
}

function localErrors(d: InspectorDraft): Partial<Record<InspectorField, string>> {
  const errors: Partial<Record<InspectorField, string>> = {};
  if (!d.name.trim()) errors.name = texts.common.required(s.name);
  if (!d.type) errors.type = texts.common.choose(s.type);
  const hours = Number(d.trainingHours.trim() || '0');
  if (!Number.isFinite(hours) || hours < 0 || hours > 2000) errors.trainingHours = s.trainingHoursInvalid;
  return errors;
}

function InspectorFormView(props: { record: InspectorDetail | null }) {
  const { slug, notify } = useTenant();
  const navigate = useNavigate();
  const id = props.record?.id ?? null;
  const form = createDraftForm({
    slot: inspectorDraft(slug(), id),
    initial: props.record ? draftOf(props.record) : emptyDraft(),
    fields: INSPECTOR_FIELDS,
    idPrefix: 'inspector',
  });
  const { draft, setDraft, errors, field } = form;

  const submit = form.onSubmit(localErrors, async (d) => {
    const values = toForm(d);
    const { inspector } = id
      ? await inspectorsApi.update(slug(), id, values)
      : await inspectorsApi.create(slug(), values);
    form.clear();
    const href = `/t/${slug()}/inspectors/${inspector.id}`;
    navigate(href);
    notify(id ? s.saved : s.created(inspector.name), href);
  });

  return (
    <form class="form" onSubmit={submit} novalidate>
      <DraftNotice
        show={form.restored}
        message={s.draftRestored}
        discardLabel={s.discardDraft}
        onDiscard={form.discard}
      />
      <TextField {...field('name', s.name)} maxLength={30} autocomplete="off" />
      <SelectField
        {...field('type', s.type)}
        placeholder={s.typePlaceholder}
        options={INSPECTOR_TYPES.map((t) => ({ value: t, label: s.types[t] ?? t }))}
      />
      <TextField
        {...field('certificateNo', s.certificateNo, { optional: true })}
        maxLength={40}
        autocomplete="off"
      />
      <TextField {...field('termStart', s.termStart, { optional: true, hint: s.dateHint })} type="date" />
      <TextField {...field('termEnd', s.termEnd, { optional: true, hint: s.dateHint })} type="date" />
      <TextField
        {...field('trainingHours', s.trainingHours, { optional: true })}
        inputmode="decimal"
        maxLength={7}
        autocomplete="off"
      />
      <TextField
        {...field('phone', s.phone, { optional: true, hint: s.phoneHint })}
        type="tel"
        maxLength={20}
        autocomplete="off"
      />
      <TextField
        {...field('email', s.email, { optional: true })}
        type="email"
        maxLength={100}
        autocomplete="off"
        autocapitalize="none"
      />
      <TextField {...field('workplace', s.workplace, { optional: true })} maxLength={60} autocomplete="off" />
      <SearchPicker
        id="inspector-userId"
        searchLabel={s.findAccount}
        searchPlaceholder={s.findAccountPlaceholder}
        label={s.user}
        hint={s.userHint}
        error={errors.field('userId')}
        emptyLabel={s.noUser}
        value={draft().userId}
        valueLabel={draft().userLabel}
        search={async (q) => {
          const { items } = await inspectorsApi.linkableAccounts(slug(), q);
          return items.map((a) => ({
            value: a.id,
            label:
              a.linkedInspector && a.linkedInspector.id !== id
                ? s.accountTaken(accountLabel(a), a.linkedInspector.name)
                : accountLabel(a),
          }));
        }}
        onChange={(choice) => {
          setDraft({ ...draft(), userId: choice.id, userLabel: choice.name });
          errors.clearField('userId');
        }}
      />
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <Button type="submit" variant="primary" class="btn-block" busy={errors.busy()}>
        {errors.busy() ? s.saving : s.save}
      </Button>
    </form>
  );
}
