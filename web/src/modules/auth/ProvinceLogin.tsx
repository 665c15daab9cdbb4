import { A, useNavigate } from '@solidjs/router';
import { api } from '../../api';
import { texts } from '../../texts';
import { Screen } from '../../ui/Screen';
import { LoginForm } from './LoginForm';
import { rememberPlatformAccount } from './session';

export function ProvinceLogin() {
  const navigate = useNavigate();

  const login = async (credentials: { username: string; password: string }) => {
    const { account } = await api.province.login(credentials);
    rememberPlatformAccount(account);
    navigate('/province', { replace: true });
  };

  return (
    <Screen title={texts.auth.provinceLoginTitle}>
      <LoginForm onSubmit={login} />
      <p class="screen-links">
        <A href="/">{texts.common.backHome}</A>
      </p>
    </Screen>
  );
}
