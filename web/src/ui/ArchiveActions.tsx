import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { Button } from './Button';
import { ConfirmDialog } from './ConfirmDialog';

interface ArchiveActionsProps {
  editHref: string;
  editLabel: string;
  /** Active records can be archived (after a question); archived ones restored at once. */
  active: boolean;
  archiveLabel: string;
  restoreLabel: string;
  question: string;
  confirmLabel: string;
  busy: boolean;
  /** The question is open; the page closes it when the archive is done (or, if it chooses, refused). */
  confirming: boolean;
  setConfirming: (open: boolean) => void;
  onArchive: () => void;
  onRestore: () => void;
}

/** A record's managing buttons on its detail page: edit, and archive or restore. */
export function ArchiveActions(props: ArchiveActionsProps) {
  return (
    <>
      <p class="actions">
        <A class="btn btn-secondary" href={props.editHref}>
          {props.editLabel}
        </A>
        <Show
          when={props.active}
          fallback={
            <Button busy={props.busy} onClick={() => props.onRestore()}>
              {props.restoreLabel}
            </Button>
          }
        >
          <Button variant="danger" onClick={() => props.setConfirming(true)} disabled={props.confirming}>
            {props.archiveLabel}
          </Button>
        </Show>
      </p>
      <Show when={props.confirming}>
        <ConfirmDialog
          label={props.archiveLabel}
          question={props.question}
          confirmLabel={props.confirmLabel}
          busy={props.busy}
          onConfirm={() => props.onArchive()}
          onCancel={() => props.setConfirming(false)}
        />
      </Show>
    </>
  );
}
