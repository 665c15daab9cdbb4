import { A, useNavigate, useParams } from '@solidjs/router';
import { Show } from 'solid-js';
import { texts } from '../../texts';
import { unitsTexts } from '../../texts/units';
import { Button } from '../../ui/Button';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { type UnitDetail, type UnitForm, type UnitListItem, unitsApi, type ZoneSummary } from './api';
import { draftOf, emptyDraft, UNIT_FIELDS, type UnitDraft, type UnitField, unitDraft } from './draft';

const s = unitsTexts;

/** /units/new and /units/:id/edit: one form; an edit loads the record first. */
export default function UnitFormPage() {
  const params = useParams();
  const id = () => params.id ?? null;
  const { slug, config } = useTenant();
  const record = createLoad(
    () => id() ?? false,
    (i) => unitsApi.get(slug(), i),
  );
  // Choices for the selects; a failure shows with a retry, the form waits for them.
  const choices = createLoad(
    () => slug(),
    async (sl) => {
      const [groups, zones] = await Promise.all([unitsApi.groups(sl), unitsApi.zones(sl)]);
      return { groups: groups.items, zones: zones.items };
    },
  );
  const unit = () => config().vocabulary.unit;
  const title = () => {
    const r = record.data()?.unit;
    return id() ? (r ? s.editTitle(r.name) : s.edit) : s.newTitle(unit());
  };
  // The record (when editing) and the choices, as one load: the form waits for both.
  const both = {
    data: () => {
      const c = choices.data();
      if (!c) return null;
      if (!id()) return { ...c, record: null };
      const r = record.data();
      return r ? { ...c, record: r.unit } : null;
    },
    error: () => (id() ? record.error() : null) ?? choices.error(),
    reload: () => {
      if (id()) record.reload();
      choices.reload();
    },
  };
  return (
    <Page title={title()}>
      <p>
        <A href={id() ? `/t/${slug()}/units/${id()}` : `/t/${slug()}/units`}>
          {id() ? texts.common.cancel : s.backToList(unit())}
        </A>
      </p>
      <Loaded load={both}>
        {(d) => <UnitFormView record={d().record} groups={d().groups} zones={d().zones} />}
      </Loaded>
    </Page>
  );
}

function toCount(text: string): number | null {
  const t = text.trim();
  return t === '' ? null : Number(t);
}

function toForm(d: UnitDraft): UnitForm {
  return {
    name: d.name,
    kind: d.kind,
    code: d.code,
    parentId: d.parentId || null,
    zoneId: d.zoneId || null,
    address: d.address,
    headName: d.headName,
    phone: d.phone,
    enrolment: toCount(d.enrolment),
    staffCount: toCount(d.staffCount),
  };
}

function localErrors(d: UnitDraft): Partial<Record<UnitField, string>> {
  const errors: Partial<Record<UnitField, string>> = {};
  if (!d.name.trim()) errors.name = texts.common.required(s.name);
  if (!d.kind) errors.kind = texts.common.choose(s.kind);
  for (const [field, label] of [
    ['enrolment', s.enrolment],
    ['staffCount', s.staffCount],
  ] as const) {
    const t = d[field].trim();
    if (t !== '' && !/^\d{1,6}$/.test(t)) errors[field] = s.countInvalid(label);
  }
  return errors;
}

interface FormProps {
  record: UnitDetail | null;
  groups: UnitListItem[];
  zones: ZoneSummary[];
}

function UnitFormView(props: FormProps) {
  const { slug, config, notify } = useTenant();
  const navigate = useNavigate();
  const vocab = () => config().vocabulary;
  const id = props.record?.id ?? null;
  const form = createDraftForm({
    slot: unitDraft(slug(), id),
    initial: props.record ? draftOf(props.record) : emptyDraft(),
    fields: UNIT_FIELDS,
    idPrefix: 'unit',
  });
  const { errors, field } = form;

  // The unit's current parent stays choosable even if it is archived; a unit is never its own parent.
  const parentOptions = () => {
    const list = props.groups.filter((g) => g.id !== id).map((g) => ({ value: g.id, label: g.name }));
    const current = props.record?.parent;
    if (current && !list.some((o) => o.value === current.id))
      list.unshift({ value: current.id, label: current.name });
    return list;
  };
  const zoneOptions = () =>
    props.zones.map((z) => ({ value: z.id, label: s.zoneOption(z.name, z.unitCount, z.limit) }));

  const submit = form.onSubmit(localErrors, async (d) => {
    const values = toForm(d);
    const { unit } = id ? await unitsApi.update(slug(), id, values) : await unitsApi.create(slug(), values);
    form.clear();
    const href = `/t/${slug()}/units/${unit.id}`;
    navigate(href);
    notify(id ? s.saved : s.created(unit.name), href);
  });

  return (
    <form class="form" onSubmit={submit} novalidate>
      <DraftNotice
        show={form.restored}
        message={s.draftRestored}
        discardLabel={s.discardDraft}
        onDiscard={form.discard}
      />
      <TextField {...field('name', s.name)} maxLength={60} autocomplete="off" />
      <SelectField
        {...field('kind', s.kind)}
        placeholder={s.kindPlaceholder}
        options={config().unitKinds.map((k) => ({ value: k.key, label: k.label }))}
      />
      <TextField
        {...field('code', s.code, { optional: true, hint: s.codeHint })}
        maxLength={30}
        autocomplete="off"
        autocapitalize="none"
      />
      <SelectField
        {...field('parentId', s.parent(vocab().unitGroup), { optional: true })}
        placeholder={s.noParent}
        options={parentOptions()}
      />
      <SelectField
        {...field('zoneId', s.zone(vocab().zone), { optional: true })}
        placeholder={s.noZone(vocab().zone)}
        options={zoneOptions()}
      />
      <TextField {...field('address', s.address, { optional: true })} maxLength={120} autocomplete="off" />
      <TextField {...field('headName', s.headName, { optional: true })} maxLength={30} autocomplete="off" />
      <TextField
        {...field('phone', s.phone, { optional: true, hint: s.phoneHint })}
        type="tel"
        maxLength={20}
        autocomplete="off"
      />
      <TextField
        {...field('enrolment', s.enrolment, { optional: true })}
        inputmode="numeric"
        maxLength={6}
        autocomplete="off"
      />
      <TextField
        {...field('staffCount', s.staffCount, { optional: true })}
        inputmode="numeric"
        maxLength={5}
        autocomplete="off"
      />
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <Button type="submit" variant="primary" class="btn-block" busy={errors.busy()}>
        {errors.busy() ? s.saving : s.save}
      </Button>
    </form>
  );
}
