import './board.css';
import { useParams } from '@solidjs/router';
import { createEffect, For, Show } from 'solid-js';
import { boardTexts } from '../../texts/board';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { setTitle } from '../../ui/title';
import { boardApi } from './api';
import { ComplaintFormView } from './ComplaintForm';
import { People } from './People';

/**
 * The public board of one unit (挂牌督导公示), opened from the QR code at the gate: no sign-in, small,
 * for old phones. Everything typed is rendered as text; nothing from the server becomes HTML.
 */
export default function BoardPage() {
  const params = useParams<{ tenant: string; unitId: string }>();
  const board = createLoad(
    () => `${params.tenant}/${params.unitId}`,
    () => boardApi.board(params.tenant, params.unitId),
  );
  createEffect(() => {
    const b = board.data();
    setTitle(b ? boardTexts.docTitle(b.unit.name) : boardTexts.heading);
  });

  return (
    <main class="board">
      <Loaded load={board}>
        {(b) => (
          <>
            <p class="board-office">{boardTexts.heading}</p>
            <h1>{b().unit.name}</h1>
            <p class="muted">
              {b().unit.kindLabel}
              <Show when={b().unit.address}> · {b().unit.address}</Show>
            </p>
            <section class="section">
              <h2>{boardTexts.inspectors(b().words.inspector)}</h2>
              <People people={b().inspectors} />
            </section>
            <section class="section">
              <h2>{boardTexts.duties}</h2>
              <p>{boardTexts.dutiesIntro}</p>
              <ol class="board-duties">
                <For each={b().duties}>{(d) => <li>{d}</li>}</For>
              </ol>
              <p class="muted">{boardTexts.supervisedBy(b().office.name)}</p>
            </section>
            <section class="section">
              <h2>{boardTexts.formTitle}</h2>
              <p class="muted">{boardTexts.formIntro}</p>
              <ComplaintFormView slug={params.tenant} unitId={b().unit.id} categories={b().categories} />
            </section>
          </>
        )}
      </Loaded>
    </main>
  );
}
