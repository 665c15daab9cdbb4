import { createSignal, type JSX, Show } from 'solid-js';
import { accountsTexts } from '../../texts/accounts';
import { Button } from '../../ui/Button';

const s = accountsTexts;

interface OneTimePasswordProps {
  displayName: string;
  username: string;
  password: string;
  /** Extra links or buttons under the box (close, view the account, create another). */
  children?: JSX.Element;
}

/** Copies with the async clipboard where allowed, else through a selected text field (older WebViews). */
async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

/** The one moment a one-time password is visible: large, copyable, with the warning that it will not come back. */
export function OneTimePassword(props: OneTimePasswordProps) {
  const [copied, setCopied] = createSignal<'idle' | 'ok' | 'failed'>('idle');
  return (
    <section class="banner banner-info" aria-labelledby="otp-title">
      <h2 id="otp-title">{s.passwordTitle}</h2>
      <p>{s.passwordFor(props.displayName, props.username)}</p>
      <p
        data-testid="one-time-password"
        translate="no"
        style={{
          'font-family': 'ui-monospace, Menlo, Consolas, monospace',
          'font-size': '1.5rem',
          'letter-spacing': '0.08em',
          'user-select': 'all',
          'word-break': 'break-all',
        }}
      >
        {props.password}
      </p>
      <p class="warn-text" role="note">
        {s.passwordWarning}
      </p>
      <div class="actions">
        <Button
          variant="primary"
          onClick={async () => setCopied((await copyText(props.password)) ? 'ok' : 'failed')}
        >
          {s.copy}
        </Button>
        {props.children}
      </div>
      <p role="status" class="muted">
        <Show when={copied() === 'ok'}>{s.copied}</Show>
        <Show when={copied() === 'failed'}>{s.copyFailed}</Show>
      </p>
    </section>
  );
}
