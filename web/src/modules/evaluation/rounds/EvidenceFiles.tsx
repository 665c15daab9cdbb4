import { createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../../api';
import { roundsTexts as s } from '../../../texts/rounds';
import { Button } from '../../../ui/Button';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { type EvidenceView, roundsApi } from './api';

interface EvidenceFilesProps {
  slug: string;
  roundId: string;
  unitId: string;
  /** The leaf's key, or null for the round as a whole. */
  indicatorKey: string | null;
  files: EvidenceView[];
  canUpload: boolean;
  userId: string;
  onUploaded: (file: EvidenceView) => void;
  onRemoved: (id: string) => void;
}

/** An indicator's evidence: download links, upload with progress, delete of one's own while filling in. */
export function EvidenceFiles(props: EvidenceFilesProps) {
  const [progress, setProgress] = createSignal<{ name: string; percent: number } | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const inputId = () => `evidence-${props.indicatorKey ?? 'round'}`;

  const upload = async (input: HTMLInputElement) => {
    const list = Array.from(input.files ?? []);
    input.value = '';
    setError(null);
    setDone(null);
    for (const file of list) {
      setProgress({ name: file.name, percent: 0 });
      try {
        const { evidence } = await roundsApi.upload(
          props.slug,
          props.roundId,
          props.unitId,
          file,
          props.indicatorKey,
          (f) => setProgress({ name: file.name, percent: Math.round(f * 100) }),
        );
        props.onUploaded(evidence);
        setDone(s.uploaded(file.name));
      } catch (err) {
        setError(toApiError(err).message);
        break;
      } finally {
        setProgress(null);
      }
    }
  };

  const remove = async (file: EvidenceView) => {
    if (!window.confirm(s.confirmDelete(file.fileName))) return;
    setError(null);
    try {
      await roundsApi.removeEvidence(props.slug, props.roundId, props.unitId, file.id);
      props.onRemoved(file.id);
    } catch (err) {
      setError(toApiError(err).message);
    }
  };

  return (
    <div class="round-evidence">
      <Show when={props.files.length} fallback={<p class="muted">{s.noEvidence}</p>}>
        <ul class="round-files" aria-label={s.evidence}>
          <For each={props.files}>
            {(file) => (
              <li>
                <a
                  href={roundsApi.evidenceHref(props.slug, props.roundId, props.unitId, file.id)}
                  target="_blank"
                  rel="noopener"
                >
                  {file.fileName}
                </a>
                <span class="muted">
                  {s.size(file.size)} · {file.uploaderName ?? ''}
                </span>
                <Show when={props.canUpload && file.uploadedBy === props.userId}>
                  <Button
                    variant="link"
                    aria-label={s.deleteFile(file.fileName)}
                    onClick={() => remove(file)}
                  >
                    {s.delete}
                  </Button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.canUpload}>
        <label for={inputId()} class="field-hint">
          {props.indicatorKey ? s.uploadFor(props.indicatorKey) : s.uploadGeneral}
        </label>
        <input
          id={inputId()}
          class="round-file-input"
          type="file"
          multiple
          accept=".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.jpg,.jpeg,.png,.webp,.mp4"
          disabled={progress() !== null}
          onChange={(e) => upload(e.currentTarget)}
        />
      </Show>
      <Show when={progress()}>
        {(p) => (
          <div class="progress-box" role="status">
            <progress max={100} value={p().percent} aria-label={s.uploading(p().name, p().percent)} />
            <p>{s.uploading(p().name, p().percent)}</p>
          </div>
        )}
      </Show>
      <Show when={done()}>
        {(m) => (
          <p class="muted" role="status">
            {m()}
          </p>
        )}
      </Show>
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
    </div>
  );
}
