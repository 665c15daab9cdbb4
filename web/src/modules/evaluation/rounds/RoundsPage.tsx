import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { evaluationTexts } from '../../../texts/evaluation';
import { roundsTexts as s } from '../../../texts/rounds';
import { Loaded } from '../../../ui/Loaded';
import { createLoad } from '../../../ui/load';
import { Page } from '../../../ui/Page';
import { useTenant } from '../../shell/context';
import { canManageSchemes } from '../permissions';
import { ROUND_UNIT_STATUSES, type RoundListItem, roundsApi, roundsHref } from './api';
import './rounds.css';

function Counts(props: { round: RoundListItem }) {
  return (
    <p class="card-meta">
      {s.units(props.round.unitCount)}
      <For each={ROUND_UNIT_STATUSES.filter((st) => props.round.statusCounts[st] > 0)}>
        {(st) => <> · {s.statusCount(s.statuses[st] ?? st, props.round.statusCounts[st])}</>}
      </For>
    </p>
  );
}

/** /t/:tenant/evaluation/rounds: the rounds the account may see; a unit manager goes straight to theirs. */
export default function RoundsPage() {
  const { slug, session } = useTenant();
  const isUnit = () => session().user.role === 'unit_manager';
  const list = createLoad(
    () => slug(),
    (tenant) => roundsApi.list(tenant),
  );
  return (
    <Page title={s.title} intro={isUnit() ? s.introUnit : s.intro}>
      <Show when={canManageSchemes(session().user.role)}>
        <p>
          <A class="btn btn-primary" href={roundsHref(slug(), '/new')}>
            {s.newRound}
          </A>
        </p>
      </Show>
      <Loaded load={list}>
        {(d) => (
          <Show
            when={d().rounds.length > 0}
            fallback={<p class="empty">{isUnit() ? s.emptyUnit : s.empty}</p>}
          >
            <ul class="cards">
              <For each={d().rounds}>
                {(round) => (
                  <li class="card">
                    <h2 class="card-title">
                      <A href={roundsHref(slug(), `/${round.id}`)}>{round.name}</A>{' '}
                      <span class={round.status === 'open' ? 'badge badge-primary' : 'badge'}>
                        {round.status === 'open' ? s.open : s.closed}
                      </span>
                    </h2>
                    <p class="card-meta">
                      {evaluationTexts.kinds[round.scheme.kind]} · {round.scheme.name} ·{' '}
                      {s.schoolYear(round.schoolYear)}
                    </p>
                    <p class="card-meta">
                      {s.period(round.startsOn, round.endsOn)} · {s.selfDeadline} {round.selfDeadline}
                    </p>
                    <Show when={!isUnit()}>
                      <Counts round={round} />
                    </Show>
                    <Show when={round.reviewer}>
                      {(seat) => <p class="card-meta">{seat().lead ? s.youLead : s.youReview}</p>}
                    </Show>
                    <For each={round.myUnits}>
                      {(u) => (
                        <p class="round-my-unit">
                          <span>
                            {u.name} · {s.statuses[u.status]}
                          </span>
                          <A
                            class="btn btn-primary"
                            href={roundsHref(slug(), `/${round.id}/units/${u.unitId}`)}
                          >
                            {s.openUnit}
                          </A>
                        </p>
                      )}
                    </For>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Loaded>
    </Page>
  );
}
