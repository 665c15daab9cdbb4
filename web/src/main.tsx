import './polyfills';
import './ui/styles.css';
import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import { ProvinceLogin } from './modules/auth/ProvinceLogin';
import { TenantLogin } from './modules/auth/TenantLogin';
import { Root } from './ui/Root';

// Only the two login pages are in the entry chunk; everything else loads when first visited,
// so a phone on a slow network can sign in after a few tens of KB.
const Landing = lazy(() => import('./modules/landing/Landing'));
const SignupPage = lazy(() => import('./modules/signup/SignupPage'));
const ProvincePage = lazy(() => import('./modules/province/ProvincePage'));
const Shell = lazy(() => import('./modules/shell/Shell'));
const Home = lazy(() => import('./modules/home/Home'));
const UnitsPage = lazy(() => import('./modules/units/UnitsPage'));
const CalendarPage = lazy(() => import('./modules/calendar/CalendarPage'));
const SettingsPage = lazy(() => import('./modules/settings/SettingsPage'));
const PasswordPage = lazy(() => import('./modules/auth/PasswordPage'));
const TenantNotFound = lazy(() => import('./modules/shell/TenantNotFound'));
const NotFound = lazy(() => import('./ui/NotFound'));

const root = document.getElementById('app');
if (root) {
  // index.html shows 正在加载… until now.
  root.textContent = '';
  render(
    () => (
      <Router root={Root}>
        <Route path="/" component={Landing} />
        <Route path="/signup" component={SignupPage} />
        <Route path="/province/login" component={ProvinceLogin} />
        <Route path="/province" component={ProvincePage} />
        <Route path="/t/:tenant/login" component={TenantLogin} />
        <Route path="/t/:tenant" component={Shell}>
          <Route path="/" component={Home} />
          <Route path="/units" component={UnitsPage} />
          <Route path="/calendar" component={CalendarPage} />
          <Route path="/settings" component={SettingsPage} />
          <Route path="/password" component={PasswordPage} />
          <Route path="*" component={TenantNotFound} />
        </Route>
        <Route path="*" component={NotFound} />
      </Router>
    ),
    root,
  );
}
