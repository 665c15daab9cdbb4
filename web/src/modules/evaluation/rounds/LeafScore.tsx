import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { toApiError } from '../../../api';
import { roundsTexts as s } from '../../../texts/rounds';
import type { RoundUnitWorkbench, WorkbenchIndicator } from './api';
import { type PendingEntry, parseScore, type pendingStore } from './selfPending';

const SAVE_AFTER_MS = 800;

interface LeafScoreProps {
  leaf: WorkbenchIndicator;
  /** The latest answer for this leaf (its saved score), read after each save. */
  live: () => WorkbenchIndicator | undefined;
  pending: ReturnType<typeof pendingStore>;
  save: (entry: { key: string; score: number | null; note: string | null }) => Promise<RoundUnitWorkbench>;
}

/** What is wrong with a typed score before it is sent, or null (the server checks the same). */
function scoreProblem(text: string, max: number): string | null {
  const n = parseScore(text);
  if (n === null) return null;
  if (!Number.isFinite(n)) return '请填写数字';
  if (n < 0) return '得分不能是负数';
  if (n > max) return `得分不能超过 ${max} 分`;
  if (!Number.isInteger(n * 2)) return '得分只能是整数或 .5（如 3.5）';
  return null;
}

/**
 * The unit's score and note on one leaf, saved as they are typed (after a pause, or on leaving the
 * field). Until the server has them they wait in the device's pending store, so a reload or a dropped
 * connection loses nothing; the workbench sends them again when it opens.
 */
export function LeafScore(props: LeafScoreProps) {
  const key = props.leaf.key;
  const waiting = props.pending.read()[key];
  const saved = props.leaf.self;
  const [score, setScore] = createSignal(waiting?.score ?? (saved ? String(saved.score) : ''));
  const [note, setNote] = createSignal(waiting?.note ?? saved?.note ?? '');
  const [state, setState] = createSignal<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [error, setError] = createSignal<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));

  const send = async () => {
    clearTimeout(timer);
    const entry: PendingEntry = { score: score(), note: note() };
    const problem = scoreProblem(entry.score, props.leaf.points);
    if (problem) {
      setError(problem);
      setState('failed');
      return;
    }
    const live = props.live()?.self ?? null;
    const value = parseScore(entry.score);
    const text = entry.note.trim() || null;
    if (value === (live?.score ?? null) && text === (live?.note ?? null)) {
      props.pending.done(key, entry);
      return;
    }
    // A note without a score cannot be stored: it waits for the score.
    if (value === null && text !== null && live === null) return;
    setState('saving');
    setError(null);
    try {
      await props.save({ key, score: value, note: text });
      props.pending.done(key, entry);
      setState('saved');
    } catch (err) {
      setError(toApiError(err).message);
      setState('failed');
    }
  };
  const typed = () => {
    props.pending.put(key, { score: score(), note: note() });
    setState('idle');
    clearTimeout(timer);
    timer = setTimeout(send, SAVE_AFTER_MS);
  };
  onMount(() => {
    if (waiting) void send();
  });

  const id = `self-${key}`;
  return (
    <div class="round-leaf-scores">
      <div class="field" classList={{ 'field-invalid': !!error() }}>
        <label for={`${id}-score`}>{s.selfScore(props.leaf.points)}</label>
        <input
          id={`${id}-score`}
          type="text"
          inputmode="decimal"
          autocomplete="off"
          value={score()}
          onInput={(e) => {
            setScore(e.currentTarget.value);
            typed();
          }}
          onBlur={() => void send()}
          aria-invalid={error() ? 'true' : undefined}
          aria-describedby={`${id}-state`}
        />
      </div>
      <div class="field">
        <label for={`${id}-note`}>{s.selfNote}</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={1000}
          value={note()}
          onInput={(e) => {
            setNote(e.currentTarget.value);
            typed();
          }}
          onBlur={() => void send()}
        />
      </div>
      <p class="round-save-state" id={`${id}-state`} role="status">
        <Show when={state() === 'saving'}>{s.saving}</Show>
        <Show when={state() === 'saved'}>{s.saved}</Show>
        <Show when={error()}>{(m) => <span class="field-error">{`${s.saveFailed}：${m()}`}</span>}</Show>
      </p>
    </div>
  );
}
