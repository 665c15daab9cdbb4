// The anonymous survey page's own entry (web/survey.html, which the Worker serves for /s/…). It
// renders one page without the router: /s/:tenant/:token is read here.
import './polyfills';
import './ui/styles.css';
import { render } from 'solid-js/web';
import RespondPage from './modules/surveys/RespondPage';

const root = document.getElementById('app');
const [, prefix, tenant, token] = window.location.pathname.split('/');
if (root) {
  root.textContent = '';
  render(
    () => (
      <RespondPage
        tenant={prefix === 's' ? decodeURIComponent(tenant ?? '') : ''}
        token={decodeURIComponent(token ?? '')}
      />
    ),
    root,
  );
}
