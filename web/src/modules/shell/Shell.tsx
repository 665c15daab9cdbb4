import { type RouteSectionProps, useLocation, useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, Match, on, onCleanup, Show, Suspense, Switch } from 'solid-js';
import {
  api,
  setUnauthorizedHandler,
  type TenantConfig,
  type TenantSession,
  type TenantUser,
} from '../../api';
import { texts } from '../../texts';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { TopBar } from '../../ui/TopBar';
import { createLogout } from '../auth/logout';
import { loginPath } from '../auth/next';
import { takeTenantSession } from '../auth/session';
import { UnreadBadge } from '../notifications/UnreadBadge';
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

  // A notice belongs to one page (its path); navigating anywhere else retires it.
  const [notice, setNotice] = createSignal<{ message: string; path: string } | null>(null);
  createEffect(
    on(
      () => location.pathname,
      (path) => {
        if (notice()?.path !== path) setNotice(null);
      },
      { defer: true },
    ),
  );

  const ctx = {
    slug,
    session: () => session.data() as TenantSession,
    config: () => config.data() as TenantConfig,
    setUser: (user: TenantUser) => session.mutate({ ...ctx.session(), user }),
    notify: (message: string, href = location.pathname) =>
      setNotice({ message, path: href.split(/[?#]/)[0] ?? href }),
  };

  /** The path below /t/:tenant/ without slashes at either end: '' (home), 'units', 'password'… */
  const subpath = () => location.pathname.slice(`/t/${slug()}`.length).replace(/^\/+|\/+$/g, '');
  const allowed = () => {
    const entry = entryFor(subpath());
    return !entry || isAllowed(entry, ctx.session().user.role, ctx.config());
  };

  // A first or reset password: nothing but the password page (and logging out) until it is changed.
  const forced = () => ready() && ctx.session().user.mustChangePassword;
  const passwordPath = () => `/t/${slug()}/password`;
  const detour = () => forced() && subpath() !== 'password';
  createEffect(() => {
    if (!detour()) return;
    // Remembers where the user was going, like the login page's ?next=, unless that was just home.
    const here = location.pathname + location.search;
    const next = subpath() ? `?next=${encodeURIComponent(here)}` : '';
    navigate(passwordPath() + next, { replace: true });
  });

  const { loggingOut, logoutError, logout } = createLogout(
    () => api.tenant.logout(slug()),
    () => navigate(loginPath(slug()), { replace: true }),
  );

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
              passwordHref={forced() ? undefined : passwordPath()}
              onLogout={logout}
              loggingOut={loggingOut()}
            >
              <Show when={!forced()}>
                <UnreadBadge slug={slug()} />
              </Show>
            </TopBar>
            <Show when={logoutError()}>{(m) => <ErrorBanner message={m()} />}</Show>
            <div class="shell-body">
              <Show when={!forced()}>
                <MainNav slug={slug()} role={ctx.session().user.role} config={ctx.config()} />
              </Show>
              <main class="shell-main">
                <Show when={notice()?.path === location.pathname && notice()}>
                  {(n) => (
                    <div class="shell-notice">
                      <Notice>{n().message}</Notice>
                    </div>
                  )}
                </Show>
                {/* On the way to the password page, the page asked for never mounts (nor loads its data). */}
                <Show when={!detour()} fallback={<Loading />}>
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
                </Show>
              </main>
            </div>
          </div>
        </TenantContext.Provider>
      </Match>
    </Switch>
  );
}
