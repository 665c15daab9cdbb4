import { For } from 'solid-js';
import { surveysTexts as s } from '../../texts/surveys';
import { QrCode } from '../board/QrCode';

/** Slips per A4 page: two columns of five, each big enough for a phone to scan from a desk. */
export const SLIPS_PER_PAGE = 10;

/**
 * The slips of one class batch, to cut apart: each a QR code and its short URL. Printed from the
 * browser (print CSS in surveys.css hides the rest of the page and breaks after every ten).
 */
export function SlipSheet(props: { title: string; label: string; urls: string[] }) {
  return (
    <section class="slips" aria-label={s.slipsTitle(props.label, props.urls.length)}>
      <h2 class="slips-title">{s.slipsTitle(props.label, props.urls.length)}</h2>
      <ol class="slips-grid">
        <For each={props.urls}>
          {(url, i) => (
            <li class="slip" classList={{ 'slip-break': (i() + 1) % SLIPS_PER_PAGE === 0 }}>
              <div class="slip-qr">
                <QrCode text={url} label={`${props.label} ${s.slipNo(i() + 1)}`} />
              </div>
              <div class="slip-text">
                <p class="slip-title">{props.title}</p>
                <p class="slip-meta">
                  {props.label} · {s.slipNo(i() + 1)}
                </p>
                <p class="slip-hint">{s.slipHint}</p>
                <p class="slip-url">{url}</p>
              </div>
            </li>
          )}
        </For>
      </ol>
    </section>
  );
}
