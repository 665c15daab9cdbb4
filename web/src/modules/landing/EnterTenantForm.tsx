import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';
import { texts } from '../../texts';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { lastTenant } from '../auth/session';

const SLUG = /^[a-z][a-z0-9-]*$/;

/** 进入单位: the tenant code leads to that tenant's login page; the last one used is filled in. */
export function EnterTenantForm() {
  const navigate = useNavigate();
  const [slug, setSlug] = createSignal(lastTenant());
  const [error, setError] = createSignal<string | undefined>();

  const submit = (e: Event) => {
    e.preventDefault();
    const value = slug().trim().toLowerCase();
    if (!value) return setError(texts.common.required(texts.landing.slugLabel));
    if (!SLUG.test(value)) return setError(texts.landing.slugInvalid);
    navigate(`/t/${value}/login`);
  };

  return (
    <form class="form card" onSubmit={submit} novalidate>
      <h2>{texts.landing.enterTitle}</h2>
      <TextField
        id="enter-slug"
        label={texts.landing.slugLabel}
        hint={texts.landing.slugHint}
        value={slug()}
        onValue={(v) => {
          setSlug(v);
          setError(undefined);
        }}
        error={error()}
        autocomplete="off"
        autocapitalize="none"
        autocorrect="off"
        spellcheck={false}
      />
      <Button type="submit" variant="primary" class="btn-block">
        {texts.landing.enter}
      </Button>
    </form>
  );
}
