import { createEffect, createSignal, on, Show } from 'solid-js';
import { api, type TenantKind } from '../../api';
import { signupTexts } from '../../texts/signup';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { Notice } from '../../ui/Notice';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { clearDraft, emptyDraft, loadDraft, SIGNUP_FIELDS, type SignupField, saveDraft } from './draft';
import { toSignupForm, validateDraft } from './validate';

const KINDS: TenantKind[] = ['county', 'district', 'college'];

export function SignupFormView(props: { onSubmitted: (result: { id: string; slug: string }) => void }) {
  const s = signupTexts;
  const restored = loadDraft();
  const [draft, setDraft] = createSignal(restored ?? emptyDraft());
  const errors = createFormErrors(SIGNUP_FIELDS, 'signup');

  createEffect(on(draft, saveDraft, { defer: true }));

  const set = (field: SignupField) => (value: string) => {
    setDraft({ ...draft(), [field]: value });
    errors.clearField(field);
  };
  const text = (field: SignupField, label: string, extra: { hint?: string; optional?: boolean } = {}) => ({
    id: `signup-${field}`,
    label,
    value: draft()[field],
    onValue: set(field),
    error: errors.field(field),
    ...extra,
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (errors.busy()) return;
    const local = validateDraft(draft());
    if (Object.keys(local).length) return errors.setLocal(local);
    await errors.run(async () => {
      const form = toSignupForm(draft());
      const { application } = await api.signup.submit(form);
      clearDraft();
      props.onSubmitted({ id: application.id, slug: form.desiredSlug });
    });
  };

  return (
    <form class="form" onSubmit={submit} novalidate>
      <Show when={restored}>
        <Notice tone="info">{s.draftRestored}</Notice>
      </Show>
      <TextField
        {...text('orgName', s.orgName, { hint: s.orgNameHint })}
        maxLength={60}
        autocomplete="organization"
      />
      <SelectField
        {...text('kind', s.kind)}
        placeholder={s.kindPlaceholder}
        options={KINDS.map((k) => ({ value: k, label: s.kinds[k] }))}
      />
      <TextField
        {...text('regionCode', s.regionCode, { hint: s.regionCodeHint })}
        inputmode="numeric"
        maxLength={6}
        autocomplete="off"
      />
      <TextField {...text('province', s.province)} maxLength={20} autocomplete="address-level1" />
      <TextField {...text('city', s.city)} maxLength={20} autocomplete="address-level2" />
      <TextField {...text('contactName', s.contactName)} maxLength={20} autocomplete="name" />
      <TextField
        {...text('contactPhone', s.contactPhone)}
        type="tel"
        inputmode="numeric"
        maxLength={11}
        autocomplete="tel"
      />
      <TextField
        {...text('contactEmail', s.contactEmail, { optional: true })}
        type="email"
        maxLength={100}
        autocomplete="email"
        autocapitalize="none"
      />
      <TextField
        {...text('desiredSlug', s.desiredSlug, { hint: s.desiredSlugHint })}
        onValue={(v) => set('desiredSlug')(v.toLowerCase())}
        maxLength={30}
        autocomplete="off"
        autocapitalize="none"
        autocorrect="off"
        spellcheck={false}
      />
      <TextAreaField {...text('note', s.note, { optional: true })} maxLength={500} />
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <Button type="submit" variant="primary" class="btn-block" busy={errors.busy()}>
        {s.submit}
      </Button>
      <Show when={errors.busy()}>
        <p class="loading loading-inline" role="status">
          {s.submitting}
        </p>
      </Show>
    </form>
  );
}
