import { Show } from 'solid-js';
import { Button } from './Button';
import { Notice } from './Notice';

interface DraftNoticeProps {
  /** The form opened on a draft from an earlier visit. */
  show: boolean;
  message: string;
  /** Without it the notice only informs (a new form has nothing to go back to). */
  discardLabel?: string;
  onDiscard?: () => void;
}

/** Says that unsent text was restored, so nobody mistakes it for what is saved; offers to drop it. */
export function DraftNotice(props: DraftNoticeProps) {
  return (
    <Show when={props.show}>
      <Notice tone="info">
        {props.message}
        <Show when={props.discardLabel}>
          {(label) => (
            <>
              {' '}
              <Button variant="link" onClick={() => props.onDiscard?.()}>
                {label()}
              </Button>
            </>
          )}
        </Show>
      </Notice>
    </Show>
  );
}
