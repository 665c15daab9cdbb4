import { A, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { reviewTexts as s } from '../../../texts/evaluation-review';
import { Button } from '../../../ui/Button';
import { Loaded } from '../../../ui/Loaded';
import { createLoad } from '../../../ui/load';
import { Page } from '../../../ui/Page';
import { useTenant } from '../../shell/context';
import { reviewApi, roundHref, type UnitReport } from './review-api';
import './review.css';

const num = (n: number | null) => (n === null ? '—' : String(n));

/** /t/:tenant/evaluation/rounds/:id/units/:unitId/report: the 评估报告 as a page to print. */
export default function ReportPrintPage() {
  const params = useParams();
  const { slug } = useTenant();
  const record = createLoad(
    () => (params.id && params.unitId ? { id: params.id, unitId: params.unitId } : false),
    (p) => reviewApi.report(slug(), p.id, p.unitId),
  );
  return (
    <Page title={s.reportTitle}>
      <p class="no-print actions">
        <A href={roundHref(slug(), params.id ?? '')}>{s.backToRound}</A>
        <Button variant="primary" onClick={() => window.print()}>
          {s.print}
        </Button>
      </p>
      <Loaded load={record}>{(d) => <Report report={d().report} />}</Loaded>
    </Page>
  );
}

function Report(props: { report: UnitReport }) {
  const r = () => props.report;
  const lead = () => r().team.find((m) => m.lead)?.name ?? '—';
  const members = () =>
    r()
      .team.filter((m) => !m.lead)
      .map((m) => m.name)
      .join('、') || '—';
  const total = () =>
    r().stage === 'final' ? r().finalTotal : r().stage === 'preliminary' ? r().reviewTotal : null;
  const nameOf = (key: string) => r().rows.find((x) => x.key === key)?.name ?? '';
  const f = s.fields;
  return (
    <article class="report-sheet">
      <p class="report-stage">
        <strong>{r().round.name}</strong> {s.stageNote[r().stage]}
      </p>
      <dl class="info-list">
        <For
          each={[
            [f.unit, r().unit.name],
            [f.year, s.schoolYear(r().round.schoolYear)],
            [f.scheme, s.schemeVersion(r().scheme.name, r().scheme.version, r().points)],
            [f.lead, lead()],
            [f.members, members()],
            [f.selfTotal, num(r().selfTotal)],
            [f.total, num(total())],
          ]}
        >
          {([label, value]) => (
            <div class="info-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          )}
        </For>
      </dl>
      <h2>{s.scoresHeading}</h2>
      <div class="report-scroll">
        <table>
          <thead>
            <tr>
              <For each={s.columns}>{(c) => <th>{c}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={r().rows}>
              {(row) => (
                <tr>
                  <td style={{ 'padding-left': `${(row.level - 1) * 1.2 + 0.4}em` }}>
                    {row.leaf ? '' : <strong>{`${row.key} ${row.name}`}</strong>}
                    {row.leaf ? `${row.key} ${row.name}` : ''}
                  </td>
                  <td>{row.points}</td>
                  <td>{num(row.self)}</td>
                  <td>{num(row.review)}</td>
                  <td>{num(row.final)}</td>
                  <td>{row.reviewNote ?? ''}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <h2>{s.summaryHeading}</h2>
      <p class="review-text">{r().summary || s.notYet}</p>
      <h2>{s.replyHeading}</h2>
      <Show when={r().reply} fallback={<p>{r().noObjection ? s.noObjection : s.noReply}</p>}>
        {(reply) => (
          <>
            <p class="review-text">{s.replyLine(reply().text ?? '')}</p>
            <ul>
              <For each={reply().items}>
                {(item) => (
                  <li class="review-text">
                    {item.indicatorKey} {nameOf(item.indicatorKey)}：{item.text}
                  </li>
                )}
              </For>
            </ul>
            <p class="review-text">{s.answerLine(r().answer)}</p>
          </>
        )}
      </Show>
      <Show when={r().targets.length}>
        <h2>{s.targetsHeading(r().round.schoolYear)}</h2>
        <div class="report-scroll">
          <table>
            <thead>
              <tr>
                <For each={s.targetColumns}>{(c) => <th>{c}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={r().targets}>
                {(t) => (
                  <tr>
                    <td>{t.title}</td>
                    <td>{t.measure ?? ''}</td>
                    <td>{t.statusLabel}</td>
                    <td>{t.progress ?? ''}</td>
                    <td>{t.adjustment ?? ''}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
      <p class="report-signature">{r().office}</p>
    </article>
  );
}
