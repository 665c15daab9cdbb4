import './board.css';
import { A, useParams } from '@solidjs/router';
import { createEffect, For, Show } from 'solid-js';
import { boardTexts } from '../../texts/board';
import { Button } from '../../ui/Button';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { setTitle } from '../../ui/title';
import { useTenant } from '../shell/context';
import { boardApi } from './api';
import { PersonPhoto } from './People';
import { QrCode } from './QrCode';

/**
 * The A4 board poster for the school gate (责任督学挂牌督导公示牌), printed from the browser. It shows
 * what the public board page shows, with a QR code to that page. Print CSS hides the app around it.
 */
export default function PosterPage() {
  const params = useParams<{ id: string }>();
  const { slug } = useTenant();
  const board = createLoad(
    () => `${slug()}/${params.id}`,
    () => boardApi.board(slug(), params.id),
  );
  const boardUrl = () => `${window.location.origin}/t/${slug()}/board/${params.id}`;
  createEffect(() => {
    const b = board.data();
    setTitle(b ? boardTexts.posterFor(b.unit.name) : boardTexts.posterTitle);
  });

  return (
    <div class="page">
      <div class="poster-tools actions">
        <Button variant="primary" onClick={() => window.print()}>
          {boardTexts.print}
        </Button>
        <A class="btn btn-secondary" href={`/t/${slug()}/board/${params.id}`}>
          {boardTexts.heading}
        </A>
      </div>
      <Loaded load={board}>
        {(b) => (
          <article class="poster">
            <h1>{boardTexts.posterTitle}</h1>
            <p class="poster-unit">{b().unit.name}</p>
            <Show when={b().inspectors.length} fallback={<p>{boardTexts.noInspectors}</p>}>
              <ul class="poster-people">
                <For each={b().inspectors}>
                  {(p) => (
                    <li class="poster-person">
                      <PersonPhoto person={p} class="poster-photo" />
                      <div>
                        <h3>{p.name}</h3>
                        <p>{p.typeLabel}</p>
                        <Show when={p.phone}>
                          <p>
                            {boardTexts.phone}：{p.phone}
                          </p>
                        </Show>
                        <Show when={p.email}>
                          <p>
                            {boardTexts.email}：{p.email}
                          </p>
                        </Show>
                      </div>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <h2>{boardTexts.duties}</h2>
            <ol class="poster-duties">
              <For each={b().duties}>{(d) => <li>{d}</li>}</For>
            </ol>
            <p>{boardTexts.supervisedBy(b().office.name)}</p>
            <div class="poster-qr">
              <QrCode text={boardUrl()} label={boardTexts.qrCaption} />
              <p>{boardTexts.qrCaption}</p>
              <p class="poster-url">{boardUrl()}</p>
            </div>
          </article>
        )}
      </Loaded>
    </div>
  );
}
