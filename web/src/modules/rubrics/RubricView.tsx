import { For } from 'solid-js';
import { rubricsTexts as s } from '../../texts/rubrics';
import type { RubricBody } from './api';

/** The lines of the four grades a rubric's bands give, from 优秀 down; 0.5 is the smallest score step. */
export function bandLines(bands: { excellent: number; good: number; pass: number }, total: number): string[] {
  return [
    s.bandLine('优秀', bands.excellent, total),
    s.bandLine('良好', bands.good, bands.excellent - 0.5),
    s.bandLine('合格', bands.pass, bands.good - 0.5),
    s.failLine(bands.pass),
  ];
}

/** One version of a rubric as read: its sections with their items' full marks, and the grade bands. */
export function RubricView(props: { body: RubricBody; total: number }) {
  return (
    <>
      <For each={props.body.sections}>
        {(section) => (
          <section class="rubric-section">
            <h3>
              {section.title}{' '}
              <span class="muted">{s.sectionSum(section.items.reduce((n, i) => n + i.max, 0))}</span>
            </h3>
            <ul class="cards">
              <For each={section.items}>
                {(item) => (
                  <li class="card">
                    <p class="card-title">
                      {item.label} <span class="badge">{s.fullMarks(item.max)}</span>
                    </p>
                    {item.hint ? <p class="card-meta">{item.hint}</p> : null}
                  </li>
                )}
              </For>
            </ul>
          </section>
        )}
      </For>
      <h3>{s.bands}</h3>
      <p>
        <strong>{s.total(props.total)}</strong>
      </p>
      <ul>
        <For each={bandLines(props.body.bands, props.total)}>{(line) => <li>{line}</li>}</For>
      </ul>
    </>
  );
}
