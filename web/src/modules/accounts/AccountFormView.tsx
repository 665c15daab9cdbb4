import { Show } from 'solid-js';
import { texts } from '../../texts';
import { accountsTexts } from '../../texts/accounts';
import { Button } from '../../ui/Button';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { UnitPicker } from '../units/UnitPicker';
import { type Account, type AccountForm, ROLES, UNIT_ROLES } from './api';
import {
  ACCOUNT_FIELDS,
  type AccountDraft,
  type AccountField,
  accountDraft,
  draftOf,
  emptyDraft,
} from './draft';

const s = accountsTexts;

interface AccountFormViewProps {
  slug: string;
  /** The account being edited; null for a new one. */
  record: Account | null;
  /** This is the signed-in admin's own account: the role is not theirs to drop. */
  self?: boolean;
  submit: (form: AccountForm) => Promise<void>;
}

function localErrors(d: AccountDraft, isNew: boolean): Partial<Record<AccountField, string>> {
  const errors: Partial<Record<AccountField, string>> = {};
  if (isNew && !d.username.trim()) errors.username = texts.common.required(s.username);
  if (!d.displayName.trim()) errors.displayName = texts.common.required(s.displayName);
  if (!d.role) errors.role = texts.common.choose(s.role);
  else if (UNIT_ROLES.indexOf(d.role as never) >= 0 && !d.unitId) errors.unitId = s.unitHint;
  return errors;
}

/** New account or edit: one form, the typed text kept in this tab until sent. */
export function AccountFormView(props: AccountFormViewProps) {
  const { config } = useTenant();
  const id = props.record?.id ?? null;
  const form = createDraftForm({
    slot: accountDraft(props.slug, id),
    initial: props.record ? draftOf(props.record) : emptyDraft(),
    fields: ACCOUNT_FIELDS,
    idPrefix: 'account',
  });
  const { draft, setDraft, errors, field } = form;

  const submit = form.onSubmit(
    (d) => localErrors(d, !id),
    async (d) => {
      await props.submit({
        username: d.username.trim(),
        displayName: d.displayName.trim(),
        role: d.role,
        unitId: d.unitId,
        phone: d.phone.trim(),
        quotaRole: d.quotaRole,
      });
      form.clear();
      if (!id) setDraft(emptyDraft());
    },
  );

  return (
    <form class="form" onSubmit={submit} novalidate>
      <DraftNotice
        show={form.restored}
        message={s.draftRestored}
        discardLabel={s.discardDraft}
        onDiscard={form.discard}
      />
      <Show when={!id}>
        <TextField
          {...field('username', s.username)}
          hint={s.usernameHint}
          maxLength={32}
          autocomplete="off"
          autocapitalize="none"
          spellcheck={false}
        />
      </Show>
      <TextField {...field('displayName', s.displayName)} maxLength={30} autocomplete="off" />
      <SelectField
        {...field('role', s.role)}
        placeholder={s.rolePlaceholder}
        options={ROLES.filter((r) => !props.self || r === 'admin').map((r) => ({
          value: r,
          label: texts.roles[r],
        }))}
      />
      <UnitPicker
        id="account-unitId"
        slug={props.slug}
        unitId={draft().unitId}
        unitName={draft().unitName}
        unitWord={config().vocabulary.unit}
        label={s.unit}
        emptyLabel={s.noUnit}
        hint={s.unitHint}
        error={errors.field('unitId')}
        onChange={(unit) => {
          setDraft({ ...draft(), unitId: unit.id, unitName: unit.name });
          errors.clearField('unitId');
        }}
      />
      <TextField
        {...field('phone', s.phone)}
        optional
        hint={s.phoneHint}
        type="tel"
        maxLength={20}
        autocomplete="off"
      />
      <Show when={config().modules.teaching && config().observationQuotas.roles.length > 0}>
        <SelectField
          {...field('quotaRole', s.quotaRole)}
          optional
          hint={draft().role === 'inspector' ? s.quotaRoleInspectorHint : s.quotaRoleHint}
          placeholder={s.noQuotaRole}
          options={config().observationQuotas.roles.map((r) => ({
            value: r.key,
            label: s.quotaRoleOption(r.label, r.perSemester),
          }))}
        />
      </Show>
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <Button type="submit" variant="primary" class="btn-block" busy={errors.busy()}>
        {errors.busy() ? (id ? s.saving : s.creating) : id ? s.save : s.create}
      </Button>
    </form>
  );
}
