import { texts } from '../texts';
import { Button } from './Button';

interface ConfirmDialogProps {
  /** The action's name (archive, delete), which also names the dialog for screen readers. */
  label: string;
  question: string;
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** An in-place question before an action that is hard to undo: the action runs only on a second press. */
export function ConfirmDialog(props: ConfirmDialogProps) {
  return (
    <div class="confirm-box" role="alertdialog" aria-label={props.label}>
      <p>{props.question}</p>
      <p class="actions">
        <Button variant="danger" busy={props.busy} onClick={() => props.onConfirm()}>
          {props.confirmLabel}
        </Button>
        <Button onClick={() => props.onCancel()}>{texts.common.cancel}</Button>
      </p>
    </div>
  );
}
