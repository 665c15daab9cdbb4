import { createSignal, Match, Show, Switch } from 'solid-js';
import { toApiError } from '../api';
import { texts } from '../texts';
import { Button } from './Button';
import { ErrorBanner } from './ErrorBanner';

interface ConfirmButtonProps {
  label: string;
  question: string;
  danger?: boolean;
  /**
   * For steps that take seconds (approving an application): while `run` works, a progress bar with
   * this text replaces the question. Without it the confirm button itself shows that it is busy.
   */
  progress?: string;
  run: () => Promise<void>;
}

/** A button that asks once more in place before it acts: a slip of the thumb does nothing. */
export function ConfirmButton(props: ConfirmButtonProps) {
  const t = texts.confirmStep;
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
        <Match when={stage() === 'busy' && props.progress}>
          {(text) => (
            <div class="progress-box" role="status">
              <progress aria-label={text()} />
              <p>{text()}</p>
            </div>
          )}
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
                {stage() === 'busy' ? t.working : `${t.confirm}${props.label}`}
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
