import { type RouteSectionProps, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createSignal, Match, onCleanup, Show, Suspense, Switch } from 'solid-js';
import { api, setUnauthorizedHandler, type TenantConfig, type TenantSession, toApiError } from '../../api';
import { texts } from '../../texts';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { TopBar } from '../../ui/TopBar';
import { loginPath } from '../auth/next';
import { takeTenantSession } from '../auth/session';
import { TenantContext } from './context';
import { MainNav } from './MainNav';
import { entryFor, isAllowed } from './menu';

/** Layout of everything under /t/:tenant/: loads who is signed in and the tenant's config, then the page. */
export default function Shell(props: RouteSectionProps) {
  const params = useParams<{ tenant: string }>();
  const navigate = useNavigate();
  const location = useLocation();
  const slug = () => params.tenant;

  // Registered before the first request below, so an expired session on any page leads back to login.
  onCleanup(
    setUnauthorizedHandler(() => {
      navigate(loginPath(slug(), location.pathname + location.search), { replace: true });
    }),
  );

  const session = createLoad(slug, (s) => {
    const fromLogin = takeTenantSession(s);
    return fromLogin ? Promise.resolve(fromLogin) : api.tenant.me(s);
  });
  const config = createLoad(slug, (s) => api.tenant.config(s).then((r) => r.config));

  // A 401 is already on its way to the login page; showing 请先登录 for a moment would only confuse.
  const failure = () => {
    const e = session.error() ?? config.error();
    return e && e.status !== 401 ? e : null;
  };
  const ready = () => !!session.data() && !!config.data();
  const ctx = {
    slug,
    session: () => session.data() as TenantSession,
    config: () => config.data() as TenantConfig,
  };

  const allowed = () => {
    const entry = entryFor(location.pathname.slice(`/t/${slug()}`.length));
    return !entry || isAllowed(entry, ctx.session().user.role, ctx.config());
  };

  const [loggingOut, setLoggingOut] = createSignal(false);
  const [logoutError, setLogoutError] = createSignal<string | null>(null);
  const logout = async () => {
    setLoggingOut(true);
    setLogoutError(null);
    try {
      await api.tenant.logout(slug());
    } catch (err) {
      // 401: the session had already ended, which is what the user wanted; anything else may leave it alive.
      const e = toApiError(err);
      if (e.status !== 401) {
        setLogoutError(e.message);
        setLoggingOut(false);
        return;
      }
    }
    navigate(loginPath(slug()), { replace: true });
  };

  return (
    <Switch fallback={<Loading />}>
      <Match when={failure()}>
        {(e) => (
          <main class="screen">
            <ErrorBanner
              message={e().message}
              onRetry={() => {
                session.reload();
                config.reload();
              }}
            />
          </main>
        )}
      </Match>
      <Match when={ready()}>
        <TenantContext.Provider value={ctx}>
          <div class="shell">
            <TopBar
              title={ctx.session().tenant.name}
              userName={ctx.session().user.displayName}
              roleLabel={texts.roles[ctx.session().user.role]}
              onLogout={logout}
              loggingOut={loggingOut()}
            />
            <Show when={logoutError()}>{(m) => <ErrorBanner message={m()} />}</Show>
            <div class="shell-body">
              <MainNav slug={slug()} role={ctx.session().user.role} config={ctx.config()} />
              <main class="shell-main">
                <Show
                  when={allowed()}
                  fallback={
                    <Page title={texts.common.forbiddenTitle}>
                      <p>{texts.common.forbidden}</p>
                    </Page>
                  }
                >
                  <Suspense fallback={<Loading />}>{props.children}</Suspense>
                </Show>
              </main>
            </div>
          </div>
        </TenantContext.Provider>
      </Match>
    </Switch>
  );
}
