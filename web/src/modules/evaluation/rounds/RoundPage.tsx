import { A, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { roundsTexts as s } from '../../../texts/rounds';
import { CardsOrTable } from '../../../ui/CardsOrTable';
import { InfoList } from '../../../ui/InfoList';
import { Loaded } from '../../../ui/Loaded';
import { createLoad } from '../../../ui/load';
import { Page } from '../../../ui/Page';
import { Section } from '../../../ui/Section';
import { useTenant } from '../../shell/context';
import { type RoundOverview, type RoundOverviewUnit, roundsApi, roundsHref } from './api';
import './rounds.css';
import { RoundResultsLink } from './ReviewLinks';

const score = (n: number | null) => (n === null ? s.notShown : String(n));

function UnitCards(props: { data: RoundOverview; href: (u: RoundOverviewUnit) => string }) {
  return (
    <ul class="cards">
      <For each={props.data.units}>
        {(u) => (
          <li class="card">
            <h3 class="card-title">
              <A href={props.href(u)}>{u.name}</A> <span class="badge">{s.statuses[u.status]}</span>
            </h3>
            <p class="card-meta">
              {s.selfTotal} {score(u.selfTotal)} · {s.scoredOf(u.selfScored, props.data.scheme.leafCount)}
            </p>
            <Show when={u.reviewTotal !== null || u.reviewScored !== null}>
              <p class="card-meta">
                {s.reviewTotal} {score(u.reviewTotal)} ·{' '}
                {s.scoredOf(u.reviewScored ?? 0, props.data.scheme.leafCount)}
              </p>
            </Show>
            <Show when={u.finalTotal !== null}>
              <p class="card-meta">
                {s.finalTotal} {score(u.finalTotal)}
              </p>
            </Show>
            <p class="card-meta">{s.evidenceCount(u.evidenceCount)}</p>
          </li>
        )}
      </For>
    </ul>
  );
}

function UnitTable(props: { data: RoundOverview; href: (u: RoundOverviewUnit) => string }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th>{s.unit}</th>
            <th>{s.status}</th>
            <th>{s.selfTotal}</th>
            <th>{s.reviewTotal}</th>
            <th>{s.finalTotal}</th>
            <th>{s.evidenceColumn}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.data.units}>
            {(u) => (
              <tr>
                <td>
                  <A href={props.href(u)}>{u.name}</A>
                </td>
                <td>{s.statuses[u.status]}</td>
                <td>
                  {score(u.selfTotal)}（{s.scoredOf(u.selfScored, props.data.scheme.leafCount)}）
                </td>
                <td>{score(u.reviewTotal)}</td>
                <td>{score(u.finalTotal)}</td>
                <td>{u.evidenceCount}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** /t/:tenant/evaluation/rounds/:id: the round's deadlines, team and every unit it may see. */
export default function RoundPage() {
  const params = useParams();
  const { slug } = useTenant();
  const record = createLoad(
    () => (params.id ? { slug: slug(), id: params.id } : false),
    (x) => roundsApi.get(x.slug, x.id),
  );
  return (
    <Page title={record.data()?.round.name ?? s.title}>
      <p>
        <A href={roundsHref(slug())}>{s.backToList}</A>
      </p>
      <Loaded load={record}>
        {(d) => {
          const href = (u: RoundOverviewUnit) => roundsHref(slug(), `/${d().round.id}/units/${u.unitId}`);
          return (
            <>
              <p class="card-meta">
                {s.schemeLine(
                  d().scheme.name,
                  d().scheme.version,
                  d().scheme.totalPoints,
                  d().scheme.leafCount,
                )}
              </p>
              <InfoList
                items={[
                  { label: s.schoolYearField, value: s.schoolYear(d().round.schoolYear) },
                  { label: s.startsOn, value: d().round.startsOn },
                  { label: s.endsOn, value: d().round.endsOn },
                  { label: s.selfDeadline, value: d().round.selfDeadline },
                  { label: s.reviewDeadline, value: d().round.reviewDeadline },
                  { label: s.replyDeadline, value: d().round.replyDeadline },
                ]}
              />
              <RoundResultsLink roundId={d().round.id} as={d().access.as} />
              <Section title={s.overviewUnits}>
                <CardsOrTable
                  count={d().units.length}
                  empty={s.emptyUnit}
                  cards={<UnitCards data={d()} href={href} />}
                  table={<UnitTable data={d()} href={href} />}
                />
              </Section>
              <Section title={s.teamTitle}>
                <ul class="round-team">
                  <For each={d().team}>
                    {(m) => (
                      <li>
                        <span>{m.displayName}</span>
                        <Show when={m.lead}>
                          <span class="badge badge-primary">{s.lead}</span>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Section>
            </>
          );
        }}
      </Loaded>
    </Page>
  );
}
