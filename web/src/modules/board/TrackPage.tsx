import './board.css';
import { useNavigate, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { boardTexts } from '../../texts/board';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { formatTime } from '../../ui/format';
import { InfoList } from '../../ui/InfoList';
import { createLoad } from '../../ui/load';
import { TextField } from '../../ui/TextField';
import { setTitle } from '../../ui/title';
import { boardApi } from './api';

const CODE = /^[2-9A-HJ-NP-Z]{10}$/;
const clean = (s: string) => s.toUpperCase().replace(/[\s-]/g, '');

/** Public: the sender enters their tracking code and sees the status, the steps and the reply. */
export default function TrackPage() {
  const params = useParams<{ tenant: string; code?: string }>();
  const navigate = useNavigate();
  const [code, setCode] = createSignal(params.code ?? '');
  const [invalid, setInvalid] = createSignal('');
  createEffect(() => setTitle(boardTexts.trackTitle));
  createEffect(
    on(
      () => params.code,
      (c) => c !== undefined && setCode(c),
      { defer: true },
    ),
  );

  const result = createLoad(
    () => (params.code && CODE.test(clean(params.code)) ? clean(params.code) : false),
    (c) => boardApi.track(params.tenant, c),
  );

  const submit = (e: Event) => {
    e.preventDefault();
    const c = clean(code());
    if (!CODE.test(c)) {
      setInvalid(boardTexts.trackCodeInvalid);
      return;
    }
    setInvalid('');
    if (c === params.code) result.reload();
    else navigate(`/t/${params.tenant}/track/${c}`, { replace: true });
  };

  return (
    <main class="board">
      <h1>{boardTexts.trackTitle}</h1>
      <form class="form" onSubmit={submit} noValidate>
        <TextField
          id="track-code"
          label={boardTexts.trackCode}
          hint={boardTexts.trackCodeHint}
          autocomplete="off"
          autocapitalize="characters"
          maxLength={14}
          value={code()}
          onValue={(v) => {
            setCode(v);
            setInvalid('');
          }}
          error={invalid() || undefined}
        />
        <div class="actions">
          <Button type="submit" variant="primary" busy={!!params.code && result.loading()}>
            {boardTexts.trackSubmit}
          </Button>
        </div>
      </form>
      <Show when={params.code ? result.error() : null}>{(e) => <ErrorBanner message={e().message} />}</Show>
      <Show when={params.code && !result.error() ? result.data() : undefined}>
        {(r) => (
          <section class="section card">
            <InfoList
              items={[
                { label: boardTexts.trackStatus, value: <strong>{r().statusLabel}</strong> },
                { label: boardTexts.trackUnit, value: r().unitName },
                { label: boardTexts.trackTopic, value: r().topic },
                { label: boardTexts.trackCreated, value: formatTime(r().createdAt) },
                ...(r().closedAt
                  ? [{ label: boardTexts.closedAt, value: formatTime(r().closedAt as string) }]
                  : []),
              ]}
            />
            <h2>{boardTexts.reply}</h2>
            <p class="board-reply">{r().publicReply ?? boardTexts.noReply}</p>
            <h2>{boardTexts.timeline}</h2>
            <ol class="board-timeline">
              <For each={r().timeline}>
                {(step) => (
                  <li>
                    <time>{formatTime(step.at)}</time>
                    {step.label}
                  </li>
                )}
              </For>
            </ol>
          </section>
        )}
      </Show>
    </main>
  );
}
