import { useNavigate, useSearchParams } from '@solidjs/router';
import { Show } from 'solid-js';
import type { TenantUser } from '../../api';
import { texts } from '../../texts';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { useTenant } from '../shell/context';
import { afterLoginPath } from './next';
import { PasswordForm } from './PasswordForm';

/**
 * /t/:tenant/password: the signed-in user changes their own password. With a first or reset password
 * the shell sends every page here; once changed, the user goes on to where they were going (?next=).
 */
export default function PasswordPage() {
  const { slug, session, setUser, notify } = useTenant();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const forced = () => session().user.mustChangePassword;

  const saved = (user: TenantUser) => {
    const wasForced = forced();
    setUser(user);
    if (!wasForced) return notify(texts.password.done);
    const target = afterLoginPath(slug(), search.next);
    notify(texts.password.done, target);
    navigate(target, { replace: true });
  };

  return (
    <Page title={texts.password.title}>
      <Show when={forced()}>
        <Notice tone="info">{texts.password.forced}</Notice>
      </Show>
      <PasswordForm slug={slug()} username={session().user.username} onSaved={saved} />
    </Page>
  );
}
