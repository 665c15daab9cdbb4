import { A, useParams } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../../api';
import { reviewTexts as s } from '../../../texts/evaluation-review';
import { Button } from '../../../ui/Button';
import { CardsOrTable } from '../../../ui/CardsOrTable';
import { ErrorBanner } from '../../../ui/ErrorBanner';
import { Loaded } from '../../../ui/Loaded';
import { createLoad } from '../../../ui/load';
import { Page } from '../../../ui/Page';
import { Section } from '../../../ui/Section';
import { RatioBars } from '../../dashboard/charts';
import { useTenant } from '../../shell/context';
import { type LostPointsRow, type Ranking, reviewApi, roundHref, unitHref } from './review-api';
import '../../dashboard/dashboard.css';
import './review.css';

/** A download button that shows its own progress and error. */
function DownloadButton(props: { label: string; run: () => Promise<void> }) {
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  return (
    <>
      <Button
        busy={busy()}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            await props.run();
          } catch (err) {
            setError(toApiError(err).message);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy() ? s.downloading : props.label}
      </Button>
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
    </>
  );
}

/** /t/:tenant/evaluation/rounds/:id/results: the ranking and where points are lost most. */
export default function ResultsPage() {
  const params = useParams();
  const { slug } = useTenant();
  const ranking = createLoad(
    () => params.id ?? false,
    (id) => reviewApi.ranking(slug(), id),
  );
  const lost = createLoad(
    () => params.id ?? false,
    (id) => reviewApi.lostPoints(slug(), id),
  );
  return (
    <Page title={s.resultsTitle}>
      <p>
        <A href={roundHref(slug(), params.id ?? '')}>{s.backToRound}</A>
      </p>
      <Loaded load={ranking}>{(r) => <RankingSection ranking={r()} />}</Loaded>
      <Loaded load={lost} inline>
        {(l) => (
          <Section title={s.lostPoints}>
            <Show when={l().units > 0} fallback={<p class="empty">{s.noLost}</p>}>
              <p>{s.lostIntro(l().units)}</p>
              <div class="actions">
                <DownloadButton
                  label={s.lostXlsx}
                  run={() => reviewApi.lostPointsXlsx(slug(), params.id ?? '')}
                />
              </div>
              <h3>{s.firstLevel}</h3>
              <LostList rows={l().firstLevel} />
              <h3>{s.secondLevel}</h3>
              <LostList rows={l().secondLevel} />
            </Show>
          </Section>
        )}
      </Loaded>
    </Page>
  );
}

function RankingSection(props: { ranking: Ranking }) {
  const { slug } = useTenant();
  const r = () => props.ranking;
  const ranked = () => r().items.filter((i) => i.total !== null);
  const href = (unitId: string) => unitHref(slug(), r().round.id, unitId, 'review');
  return (
    <Section title={s.ranking}>
      <p>{s.rankingIntro(r().final, r().preliminary, r().units)}</p>
      <div class="actions">
        <DownloadButton label={s.rankingXlsx} run={() => reviewApi.rankingXlsx(slug(), r().round.id)} />
      </div>
      <Show when={ranked().length}>
        <RatioBars
          rows={ranked().map((i) => ({
            label: `${i.rank}. ${i.unitName}`,
            value: i.total ?? 0,
            total: r().scheme.points,
          }))}
        />
      </Show>
      <CardsOrTable
        count={r().items.length}
        empty={s.noRanking}
        cards={
          <ul class="cards">
            <For each={r().items}>
              {(i) => (
                <li class="card">
                  <h3 class="card-title">
                    {i.rank ?? '—'}. <A href={href(i.unitId)}>{i.unitName}</A>{' '}
                    <span class="badge">{s.basis[i.basis]}</span>
                  </h3>
                  <p class="card-meta">
                    {s.review} {s.score(i.total)} · {s.self} {s.score(i.selfTotal)} · {s.difference}{' '}
                    {i.difference ?? '—'}
                  </p>
                </li>
              )}
            </For>
          </ul>
        }
        table={
          <table class="table">
            <thead>
              <tr>
                <th>{s.rank}</th>
                <th>{s.unit}</th>
                <th>{s.self}</th>
                <th>{s.review}</th>
                <th>{s.difference}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              <For each={r().items}>
                {(i) => (
                  <tr>
                    <td>{i.rank ?? '—'}</td>
                    <td>
                      <A href={href(i.unitId)}>{i.unitName}</A>
                    </td>
                    <td>{i.selfTotal ?? '—'}</td>
                    <td>{i.total ?? '—'}</td>
                    <td>{i.difference ?? '—'}</td>
                    <td>{s.basis[i.basis]}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        }
      />
    </Section>
  );
}

/** Indicators most lost first, each a bar of the share of its points lost. */
function LostList(props: { rows: LostPointsRow[] }) {
  return (
    <>
      <RatioBars
        rows={props.rows.map((row) => ({
          label: `${row.key} ${row.name}`,
          value: row.lostSum,
          total: row.points * row.units,
        }))}
      />
      <ul class="cards">
        <For each={props.rows}>
          {(row) => (
            <li class="card" data-indicator={row.key}>
              <h3 class="card-title">
                {row.parentKey ? `${row.parentKey} / ` : ''}
                {row.key} {row.name} <span class="badge">{s.points(row.points)}</span>
              </h3>
              <p class="card-meta">{s.lostLine(row.lostSum, row.lostMean, row.unitsLosing, row.units)}</p>
            </li>
          )}
        </For>
      </ul>
    </>
  );
}
