import { createSignal, Show } from 'solid-js';
import { texts } from '../../texts';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createFormErrors } from '../../ui/formErrors';
import { TextField } from '../../ui/TextField';

export interface Credentials {
  username: string;
  password: string;
}

const FIELDS = ['username', 'password'] as const;

/** Username and password; what was typed stays on screen whatever the answer. */
export function LoginForm(props: { onSubmit: (c: Credentials) => Promise<void> }) {
  const [username, setUsername] = createSignal('');
  const [password, setPassword] = createSignal('');
  const errors = createFormErrors(FIELDS, 'login');

  const submit = async (e: Event) => {
    e.preventDefault();
    if (errors.busy()) return;
    const missing: Partial<Record<(typeof FIELDS)[number], string>> = {};
    if (!username().trim()) missing.username = texts.common.required(texts.auth.username);
    if (!password()) missing.password = texts.common.required(texts.auth.password);
    if (missing.username || missing.password) return errors.setLocal(missing);
    await errors.run(async () => {
      await props.onSubmit({ username: username().trim(), password: password() });
    });
  };

  return (
    <form class="form" onSubmit={submit} novalidate>
      <Show when={errors.banner()}>{(b) => <ErrorBanner message={b().message} details={b().details} />}</Show>
      <TextField
        id="login-username"
        label={texts.auth.username}
        value={username()}
        onValue={(v) => {
          setUsername(v);
          errors.clearField('username');
        }}
        error={errors.field('username')}
        autocomplete="username"
        autocapitalize="none"
        autocorrect="off"
        spellcheck={false}
        required
      />
      <TextField
        id="login-password"
        label={texts.auth.password}
        type="password"
        value={password()}
        onValue={(v) => {
          setPassword(v);
          errors.clearField('password');
        }}
        error={errors.field('password')}
        autocomplete="current-password"
        required
      />
      <Button type="submit" variant="primary" class="btn-block" busy={errors.busy()}>
        {texts.auth.submit}
      </Button>
      <Show when={errors.busy()}>
        <p class="loading loading-inline" role="status">
          {texts.auth.submitting}
        </p>
      </Show>
    </form>
  );
}
