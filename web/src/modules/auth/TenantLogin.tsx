import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { Match, Show, Switch } from 'solid-js';
import { api } from '../../api';
import { texts } from '../../texts';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { createLoad } from '../../ui/load';
import { Screen } from '../../ui/Screen';
import { LoginForm } from './LoginForm';
import { afterLoginPath } from './next';
import { rememberTenantSession } from './session';

export function TenantLogin() {
  const params = useParams<{ tenant: string }>();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const info = createLoad(() => params.tenant, api.tenant.info);

  const notFound = () => info.error()?.status === 404;
  const suspended = () => info.error()?.code === 'TENANT_SUSPENDED';
  const officeName = () => info.data()?.tenant.name ?? params.tenant;

  const login = async (credentials: { username: string; password: string }) => {
    const session = await api.tenant.login(params.tenant, credentials);
    rememberTenantSession(session);
    navigate(afterLoginPath(params.tenant, search.next), { replace: true });
  };

  return (
    <Screen title={officeName()} docTitle={`${texts.auth.tenantLoginTitle} - ${officeName()}`}>
      <Switch
        fallback={
          <>
            <h2 class="screen-subtitle">{texts.auth.tenantLoginTitle}</h2>
            {/* Other failures of the info call (network) must not keep anyone from trying to log in. */}
            <Show when={info.error()}>
              {(e) => <ErrorBanner message={e().message} onRetry={info.reload} />}
            </Show>
            <LoginForm onSubmit={login} />
          </>
        }
      >
        <Match when={notFound()}>
          <ErrorBanner message={texts.auth.tenantNotFound} />
        </Match>
        <Match when={suspended()}>
          <ErrorBanner message={info.error()?.message ?? ''} />
        </Match>
      </Switch>
      <p class="screen-links">
        <A href="/">{texts.auth.otherTenant}</A>
      </p>
    </Screen>
  );
}
