import { createSignal, Match, Show, Switch } from 'solid-js';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { provinceTexts } from '../../texts/province';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';

interface ConfirmActionProps {
  label: string;
  question: string;
  danger?: boolean;
  /** Shown with a progress bar while `run` works (approving takes seconds). */
  busyText?: string;
  run: () => Promise<void>;
}

/** A button that asks once more in place before it acts: a slip of the thumb must not stop a county. */
export function ConfirmAction(props: ConfirmActionProps) {
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
        <Match when={stage() === 'confirm'}>
          <div class="confirm-box">
            <p>{props.question}</p>
            <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
            <div class="actions">
              <Button
                variant={props.danger ? 'danger' : 'primary'}
                onClick={go}
                ref={(el: HTMLButtonElement) => setTimeout(() => el.focus())}
              >
                {provinceTexts.confirm}
                {props.label}
              </Button>
              <Button onClick={() => setStage('idle')}>{texts.common.cancel}</Button>
            </div>
          </div>
        </Match>
        <Match when={stage() === 'busy'}>
          <div class="progress-box" role="status">
            <progress aria-label={props.busyText ?? provinceTexts.working} />
            <p>{props.busyText ?? provinceTexts.working}</p>
          </div>
        </Match>
      </Switch>
    </div>
  );
}
