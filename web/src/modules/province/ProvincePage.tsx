import { useNavigate } from '@solidjs/router';
import { Match, onCleanup, Show, Switch } from 'solid-js';
import { api, setUnauthorizedHandler } from '../../api';
import { texts } from '../../texts';
import { provinceTexts } from '../../texts/province';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loading } from '../../ui/Loading';
import { createLoad } from '../../ui/load';
import { TopBar } from '../../ui/TopBar';
import { setTitle } from '../../ui/title';
import { createLogout } from '../auth/logout';
import { takePlatformAccount } from '../auth/session';
import { ProvinceContent } from './ProvinceContent';

export default function ProvincePage() {
  const navigate = useNavigate();
  onCleanup(setUnauthorizedHandler(() => navigate('/province/login', { replace: true })));
  setTitle(provinceTexts.title);

  const me = createLoad(
    () => true,
    () => {
      const fromLogin = takePlatformAccount();
      return fromLogin ? Promise.resolve(fromLogin) : api.province.me().then((r) => r.account);
    },
  );

  const { loggingOut, logoutError, logout } = createLogout(
    () => api.province.logout(),
    () => navigate('/province/login', { replace: true }),
  );

  return (
    <Switch fallback={<Loading />}>
      <Match when={me.error()?.status !== 401 && me.error()}>
        {(e) => (
          <main class="screen">
            <ErrorBanner message={e().message} onRetry={me.reload} />
          </main>
        )}
      </Match>
      <Match when={me.data()}>
        {(account) => (
          <div class="shell">
            <TopBar
              title={provinceTexts.topbar}
              userName={account().displayName}
              roleLabel={texts.platformRoles[account().role]}
              onLogout={logout}
              loggingOut={loggingOut()}
            />
            <Show when={logoutError()}>{(m) => <ErrorBanner message={m()} />}</Show>
            <main class="wide-main">
              <ProvinceContent operator={account().role === 'operator'} />
            </main>
          </div>
        )}
      </Match>
    </Switch>
  );
}
