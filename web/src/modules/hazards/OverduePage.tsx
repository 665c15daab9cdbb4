import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { texts } from '../../texts';
import { hazardsTexts as s } from '../../texts/hazards';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { Section } from '../../ui/Section';
import { useTenant } from '../shell/context';
import { hazardsApi } from './api';
import './hazards.css';

/** /t/:tenant/overdue: findings past their deadline and not reported, per zone and per unit. */
export default function OverduePage() {
  const { slug, config } = useTenant();
  const lists = createLoad(
    () => slug(),
    (x) => hazardsApi.overdue(x),
  );
  const unitWord = () => config().vocabulary.unit;
  const zoneWord = () => config().vocabulary.zone;

  return (
    <Page title={s.overdueTitle}>
      <p class="muted">{s.overdueIntro}</p>
      <Loaded load={lists}>
        {(d) => (
          <>
            <p aria-live="polite">
              <strong>{s.overdueTotal(d().total)}</strong>
            </p>
            <Show when={d().truncated}>
              <p class="muted">{s.truncated}</p>
            </Show>
            <Show when={d().total > 0} fallback={<p class="muted">{s.overdueEmpty}</p>}>
              <Section title={s.byZone(zoneWord())}>
                <ul class="overdue-groups">
                  <For each={d().zones}>
                    {(z) => (
                      <li class="card">
                        <h3 class="card-title">{z.zoneName ?? s.noZone(zoneWord())}</h3>
                        <p class="card-meta">
                          {s.count(z.count)} · {s.unitsCount(unitWord(), z.units)}
                          <Show when={z.escalated > 0}> · {s.escalated(z.escalated)}</Show>
                        </p>
                      </li>
                    )}
                  </For>
                </ul>
              </Section>
              <Section title={s.byUnit(unitWord())}>
                <ul class="overdue-groups">
                  <For each={d().units}>
                    {(u) => (
                      <li class="card hazard-overdue">
                        <h3 class="card-title">{u.unitName}</h3>
                        <p class="card-meta">
                          {s.count(u.count)} · {s.maxOverdue(u.maxOverdueDays)}
                          {u.zoneName ? ` · ${u.zoneName}` : ''}
                        </p>
                        <ul>
                          <For each={u.findings}>
                            {(f) => (
                              <li>
                                <A href={`/t/${slug()}/${f.module}/findings/${f.id}`}>
                                  {texts.modules[f.module]} · {f.category}：{f.description}
                                </A>{' '}
                                <span class="badge badge-danger">{s.overdueDays(f.overdueDays)}</span>
                                <Show when={f.escalation >= 2}>
                                  {' '}
                                  <span class="badge">{s.toDirector}</span>
                                </Show>
                              </li>
                            )}
                          </For>
                        </ul>
                      </li>
                    )}
                  </For>
                </ul>
              </Section>
            </Show>
          </>
        )}
      </Loaded>
    </Page>
  );
}
