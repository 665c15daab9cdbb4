import { createSignal, Show } from 'solid-js';
import { api, type TenantUser } from '../../api';
import { texts } from '../../texts';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { TextField } from '../../ui/TextField';

// The first two are the API's field names, so a 422's issues land under the right field.
const FIELDS = ['currentPassword', 'newPassword', 'confirmPassword'] as const;
type PasswordField = (typeof FIELDS)[number];

const EMPTY: Record<PasswordField, string> = { currentPassword: '', newPassword: '', confirmPassword: '' };

function validate(v: Record<PasswordField, string>): Partial<Record<PasswordField, string>> {
  const p = texts.password;
  const errors: Partial<Record<PasswordField, string>> = {};
  if (!v.currentPassword) errors.currentPassword = texts.common.required(p.current);
  if (!v.newPassword) errors.newPassword = texts.common.required(p.new);
  if (!v.confirmPassword) errors.confirmPassword = texts.common.required(p.confirm);
  else if (v.newPassword && v.confirmPassword !== v.newPassword) errors.confirmPassword = p.mismatch;
  return errors;
}

interface PasswordFormProps {
  slug: string;
  /** For password managers, which file the new password under this account. */
  username: string;
  onSaved: (user: TenantUser) => void;
}

/** Current password, new password twice; the rules of a new password are checked by the server. */
export function PasswordForm(props: PasswordFormProps) {
  const p = texts.password;
  const [values, setValues] = createSignal(EMPTY);
  const errors = createFormErrors(FIELDS, 'password');

  const field = (name: PasswordField, label: string) => ({
    id: `password-${name}`,
    label,
    type: 'password',
    value: values()[name],
    onValue: (value: string) => {
      setValues({ ...values(), [name]: value });
      errors.clearField(name);
    },
    error: errors.field(name),
  });

  const submit = async (e: Event) => {
    e.preventDefault();
    if (errors.busy()) return;
    const local = validate(values());
    if (Object.keys(local).length) return errors.setLocal(local);
    await errors.run(async () => {
      const { currentPassword, newPassword } = values();
      const { user } = await api.tenant.changePassword(props.slug, { currentPassword, newPassword });
      setValues(EMPTY);
      props.onSaved(user);
    });
  };

  return (
    <form class="form form-narrow" onSubmit={submit} novalidate>
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <input type="text" name="username" value={props.username} autocomplete="username" readOnly hidden />
      <TextField {...field('currentPassword', p.current)} autocomplete="current-password" required />
      <TextField {...field('newPassword', p.new)} hint={p.newHint} autocomplete="new-password" required />
      <TextField {...field('confirmPassword', p.confirm)} autocomplete="new-password" required />
      <Button type="submit" variant="primary" class="btn-block" busy={errors.busy()}>
        {p.submit}
      </Button>
      <Show when={errors.busy()}>
        <p class="loading loading-inline" role="status">
          {p.submitting}
        </p>
      </Show>
    </form>
  );
}
