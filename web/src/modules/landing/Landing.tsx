import { A } from '@solidjs/router';
import { texts } from '../../texts';
import { Screen } from '../../ui/Screen';
import { EnterTenantForm } from './EnterTenantForm';

export default function Landing() {
  return (
    <Screen title={texts.appName} docTitle={texts.appName}>
      <p class="page-intro">{texts.tagline}</p>
      <EnterTenantForm />
      <ul class="link-list">
        <li>
          <A href="/signup">{texts.landing.signup}</A>
        </li>
        <li>
          <A href="/province/login">{texts.landing.provinceLogin}</A>
        </li>
      </ul>
    </Screen>
  );
}
