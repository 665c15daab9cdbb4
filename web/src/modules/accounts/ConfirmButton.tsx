import { createSignal, Match, Show, Switch } from 'solid-js';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { accountsTexts } from '../../texts/accounts';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';

interface ConfirmButtonProps {
  label: string;
  question: string;
  danger?: boolean;
  run: () => Promise<void>;
}

/** A button that asks once more in place before it acts (disable, reset): a slip of the thumb does nothing. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const s = accountsTexts;
  const [stage, setStage] = createSignal<'idle' | 'confirm' | 'busy'>('idle');
  const [error, setError] = createSignal<string | null>(null);
  const go = async () => {
    setStage('busy');
    setError(null);
    try {
      await props.run();
      setStage('idle');
    } catch (err) {
      setError(toApiError(err).message);
      setStage('confirm');
    }
  };
  return (
    <div class="confirm-action">
      <Switch>
        <Match when={stage() === 'idle'}>
          <Button variant={props.danger ? 'danger' : 'secondary'} onClick={() => setStage('confirm')}>
            {props.label}
          </Button>
        </Match>
        <Match when={stage() !== 'idle'}>
          <div class="confirm-box">
            <p>{props.question}</p>
            <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
            <div class="actions">
              <Button
                variant={props.danger ? 'danger' : 'primary'}
                busy={stage() === 'busy'}
                onClick={go}
                ref={(el: HTMLButtonElement) => setTimeout(() => el.focus())}
              >
                {stage() === 'busy' ? s.working : `${s.confirm}${props.label}`}
              </Button>
              <Button disabled={stage() === 'busy'} onClick={() => setStage('idle')}>
                {texts.common.cancel}
              </Button>
            </div>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
