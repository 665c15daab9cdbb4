import { A, useParams } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { texts } from '../../texts';
import { visitsTexts as s } from '../../texts/visits';
import { Button } from '../../ui/Button';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import type { ChecklistItem } from '../checklists/api';
import { useTenant } from '../shell/context';
import { type AnswerValue, type VisitDetail, visitsApi } from './api';
import { useModule, visitsHref } from './permissions';
import './visits.css';

function valueText(item: ChecklistItem, a: AnswerValue | undefined): string {
  const v = a?.value;
  if (v === undefined || v === null || v === '') return item.type === 'photo' ? '' : s.notAnswered;
  if (typeof v === 'boolean') return v ? s.yes : s.no;
  if (item.type === 'score') return `${v} / ${item.max}`;
  if (item.type === 'number' && item.unit) return `${v} ${item.unit}`;
  return String(v);
}

/**
 * /t/:tenant/:module/visits/:id: one visit as the 督导记录 — on screen and, through the print style,
 * on an A4 sheet; the same record as Word from the server.
 */
export default function VisitDetailPage() {
  const { slug, session, config } = useTenant();
  const module = useModule();
  const params = useParams();
  const visit = createLoad(
    () => ({ module: module(), id: params.id as string }),
    ({ module: m, id }) => visitsApi.get(slug(), m, id).then((r) => r.visit),
  );
  const findingHref = (id: string) => `/t/${slug()}/${module()}/findings/${encodeURIComponent(id)}`;

  return (
    <Page title={s.detailTitle}>
      <p class="actions no-print">
        <A href={visitsHref(slug(), module())}>{s.backToList}</A>
      </p>
      <Loaded load={visit}>
        {(v) => (
          <Record
            v={v()}
            slug={slug()}
            office={session().tenant.name}
            unitWord={config().vocabulary.unit}
            findingHref={findingHref}
          />
        )}
      </Loaded>
    </Page>
  );
}

function Record(props: {
  v: VisitDetail;
  slug: string;
  office: string;
  unitWord: string;
  findingHref: (id: string) => string;
}) {
  const v = () => props.v;
  const body = () => v().template?.body ?? v().body;
  const photoUrl = (id: string) => visitsApi.evidenceUrl(props.slug, v().module, id);
  const team = () => v().team ?? [];
  const findingOf = (key: string) => v().findings.filter((f) => f.itemKey === key);
  return (
    <article class="visit-record">
      <div class="actions no-print">
        <Button variant="primary" onClick={() => window.print()}>
          {s.print}
        </Button>
        <a class="btn btn-secondary" href={visitsApi.docxUrl(props.slug, v().module, v().id)} download="">
          {s.docx}
        </a>
      </div>
      <h2 class="visit-record-title">{s.recordTitle(props.office)}</h2>
      <dl class="info-list">
        <div class="info-row">
          <dt>{s.unit(props.unitWord)}</dt>
          <dd>{v().unitName}</dd>
        </div>
        <div class="info-row">
          <dt>{s.module}</dt>
          <dd>{texts.modules[v().module]}</dd>
        </div>
        <div class="info-row">
          <dt>{s.kind}</dt>
          <dd>{s.kinds[v().kind] ?? v().kind}</dd>
        </div>
        <div class="info-row">
          <dt>{s.visitedOn}</dt>
          <dd>{v().visitedOn}</dd>
        </div>
        <div class="info-row">
          <dt>{s.theme}</dt>
          <dd>{v().theme || texts.common.none}</dd>
        </div>
        <div class="info-row">
          <dt>{s.team}</dt>
          <dd>
            <For each={team()}>
              {(m, i) => (
                <>
                  {i() > 0 ? '、' : ''}
                  {m.name}
                  {m.lead ? `（${s.lead}）` : ''}
                </>
              )}
            </For>
          </dd>
        </div>
        <div class="info-row">
          <dt>{s.methodsLabel}</dt>
          <dd>{(v().methods ?? []).map((m) => s.methods[m] ?? m).join('、') || texts.common.none}</dd>
        </div>
        <Show when={v().template}>
          {(t) => (
            <div class="info-row">
              <dt>{s.template}</dt>
              <dd>{s.templateKept(t().name, t().version)}</dd>
            </div>
          )}
        </Show>
        <Show when={v().maxScore}>
          <div class="info-row">
            <dt>{s.score}</dt>
            <dd>{s.scoreOf(v().score ?? 0, v().maxScore ?? 0)}</dd>
          </div>
        </Show>
      </dl>

      <section class="section">
        <h3>{s.answers}</h3>
        <Show when={body()}>
          {(b) => (
            <For each={b().sections}>
              {(sec) => (
                <div class="visit-record-section">
                  <h4>{sec.title}</h4>
                  <ol class="visit-answers">
                    <For each={sec.items}>
                      {(item) => {
                        const a = () => v().answers?.[item.key];
                        return (
                          <li classList={{ 'visit-item-finding': findingOf(item.key).length > 0 }}>
                            <p class="visit-item-label">{item.label}</p>
                            <Show when={valueText(item, a())}>
                              <p>{valueText(item, a())}</p>
                            </Show>
                            <Show when={a()?.note}>
                              <p class="visit-text">
                                {s.note}：{a()?.note}
                              </p>
                            </Show>
                            <Show when={a()?.photos?.length}>
                              <ul class="visit-photos" aria-label={`${item.label} ${s.photos}`}>
                                <For each={a()?.photos ?? []}>
                                  {(id, i) => (
                                    <li>
                                      <img src={photoUrl(id)} alt={s.photoAlt(i() + 1)} loading="lazy" />
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </Show>
                          </li>
                        );
                      }}
                    </For>
                  </ol>
                </div>
              )}
            </For>
          )}
        </Show>
      </section>

      <section class="section">
        <h3>{s.findings}</h3>
        <Show when={v().findings.length} fallback={<p class="muted">{s.findingsNone}</p>}>
          <ol>
            <For each={v().findings}>
              {(f) => (
                <li>
                  <A href={props.findingHref(f.id)}>{f.description}</A>
                  <span class="muted">
                    {' '}
                    （{f.category} · {s.hazardLevels[f.severity] ?? f.severity} · {f.deadline}）
                  </span>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </section>

      <section class="section">
        <h3>{s.summary}</h3>
        <p class="visit-text">{v().summary || texts.common.none}</p>
        <h3>{s.feedback}</h3>
        <p class="visit-text">{v().feedback || texts.common.none}</p>
        <p>
          {s.feedbackSignedBy}：{v().feedbackSignedBy || texts.common.none}
        </p>
      </section>
      <div class="visit-signatures">
        <p>{s.signatures}</p>
        <p>{s.unitSignature}</p>
      </div>
    </article>
  );
}
