import { Show } from 'solid-js';
import { api, type TenantKind } from '../../api';
import { signupTexts } from '../../texts/signup';
import { Button } from '../../ui/Button';
import { DraftNotice } from '../../ui/DraftNotice';
import { createDraftForm } from '../../ui/draftForm';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { SelectField } from '../../ui/SelectField';
import { TextAreaField } from '../../ui/TextAreaField';
import { TextField } from '../../ui/TextField';
import { emptyDraft, SIGNUP_FIELDS, signupDraft } from './draft';
import { toSignupForm, validateDraft } from './validate';

const KINDS: TenantKind[] = ['county', 'district', 'college'];

export function SignupFormView(props: { onSubmitted: (result: { id: string; slug: string }) => void }) {
  const s = signupTexts;
  const form = createDraftForm({
    slot: signupDraft(),
    initial: emptyDraft(),
    fields: SIGNUP_FIELDS,
    idPrefix: 'signup',
  });
  const { errors, field, set } = form;

  const submit = form.onSubmit(validateDraft, async (d) => {
    const values = toSignupForm(d);
    const { application } = await api.signup.submit(values);
    form.clear();
    props.onSubmitted({ id: application.id, slug: values.desiredSlug });
  });

  return (
    <form class="form" onSubmit={submit} novalidate>
      <DraftNotice show={form.restored} message={s.draftRestored} />
      <TextField
        {...field('orgName', s.orgName, { hint: s.orgNameHint })}
        maxLength={60}
        autocomplete="organization"
      />
      <SelectField
        {...field('kind', s.kind)}
        placeholder={s.kindPlaceholder}
        options={KINDS.map((k) => ({ value: k, label: s.kinds[k] }))}
      />
      <TextField
        {...field('regionCode', s.regionCode, { hint: s.regionCodeHint })}
        inputmode="numeric"
        maxLength={6}
        autocomplete="off"
      />
      <TextField {...field('province', s.province)} maxLength={20} autocomplete="address-level1" />
      <TextField {...field('city', s.city)} maxLength={20} autocomplete="address-level2" />
      <TextField {...field('contactName', s.contactName)} maxLength={20} autocomplete="name" />
      <TextField
        {...field('contactPhone', s.contactPhone)}
        type="tel"
        inputmode="numeric"
        maxLength={11}
        autocomplete="tel"
      />
      <TextField
        {...field('contactEmail', s.contactEmail, { optional: true })}
        type="email"
        maxLength={100}
        autocomplete="email"
        autocapitalize="none"
      />
      <TextField
        {...field('desiredSlug', s.desiredSlug, { hint: s.desiredSlugHint })}
        onValue={(v) => set('desiredSlug')(v.toLowerCase())}
        maxLength={30}
        autocomplete="off"
        autocapitalize="none"
        autocorrect="off"
        spellcheck={false}
      />
      <TextAreaField {...field('note', s.note, { optional: true })} maxLength={500} />
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
