import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { texts } from '../../texts';
import { visitsTexts as s } from '../../texts/visits';
import { Button } from '../../ui/Button';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { clearPhotos } from '../../ui/photoStore';
import { SelectField } from '../../ui/SelectField';
import { one, pageParam } from '../../ui/searchParams';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { UnitPicker } from '../units/UnitPicker';
import { VISIT_KINDS, type VisitQuery, type VisitRow, visitsApi } from './api';
import { flush, isOnline, outbox, sentVisits, startOutbox } from './outbox';
import { canRecord, useModule, visitsHref } from './permissions';
import { deleteDraft, listDrafts, type VisitDraft, visitPhotoScope } from './store';
import './visits.css';

const PAGE_SIZE = 20;

/** The team as one line: the lead first. */
function teamLine(row: VisitRow): string {
  if (row.team?.length) return row.team.map((m) => m.name).join('、');
  return row.leadName ?? '';
}

/**
 * /t/:tenant/:module/visits: what waits on this phone (待发送, drafts), then the module's visits on
 * the server with filters and a pager.
 */
export default function VisitsPage() {
  const { slug, session, config } = useTenant();
  const module = useModule();
  const [search, setSearch] = useSearchParams();
  const [drafts, setDrafts] = createSignal<VisitDraft[]>([]);
  const q = createMemo<VisitQuery>(() => ({
    kind: one(search.kind),
    unitId: one(search.unitId),
    from: one(search.from),
    to: one(search.to),
    page: pageParam(search.page),
    pageSize: PAGE_SIZE,
  }));
  const list = createLoad(
    () => ({ module: module(), ...q(), sent: sentVisits().length }),
    ({ module: m, sent: _sent, ...rest }) => visitsApi.list(slug(), m, rest),
  );
  const filter = (next: Record<string, string | undefined>) =>
    setSearch({ ...next, page: undefined }, { replace: true });
  const unitWord = () => config().vocabulary.unit;
  const loadDrafts = async () =>
    setDrafts((await listDrafts(slug(), session().user.id, module())).filter((d) => d.state === 'draft'));
  onMount(() => {
    startOutbox(slug(), session().user.id);
    // A visit started here may be filled in where there is no network: fetch its page now.
    void import('./VisitFormPage').catch(() => undefined);
    void loadDrafts();
  });
  const waiting = () => outbox().filter((d) => d.module === module());
  const sentHere = () => sentVisits().filter((v) => v.module === module());
  const draftHref = (d: VisitDraft) => visitsHref(slug(), module(), `/draft/${d.id}`);
  const href = (row: VisitRow) => visitsHref(slug(), module(), `/${row.id}`);

  return (
    <Page title={s.title(texts.modules[module()])}>
      <Show when={canRecord(session().user.role)}>
        <p class="actions">
          <A class="btn btn-primary" href={visitsHref(slug(), module(), '/new')}>
            {s.add}
          </A>
        </p>
      </Show>

      <Show when={waiting().length > 0}>
        <section class="section card visit-outbox" aria-label={s.outboxTitle(waiting().length)}>
          <h2>
            <span class="badge badge-warn">{s.outboxTitle(waiting().length)}</span>
          </h2>
          <p class="muted">{isOnline() ? s.outboxHint : s.offline}</p>
          <ul class="cards">
            <For each={waiting()}>
              {(d) => (
                <li class="card" classList={{ 'visit-failed': d.state === 'failed' }}>
                  <p class="card-title">
                    <A href={draftHref(d)}>{d.unitName || s.untitled}</A>
                  </p>
                  <p class="card-meta">
                    {d.visitedOn} · {s.kinds[d.kind]} ·{' '}
                    <span class={d.state === 'failed' ? 'badge badge-danger' : 'badge badge-warn'}>
                      {s.states[d.state]}
                    </span>
                  </p>
                  <Show when={d.error}>
                    <p class={d.state === 'failed' ? 'field-error' : 'card-meta'}>{d.error}</p>
                  </Show>
                  <For each={d.state === 'failed' ? d.errorDetails : []}>
                    {(m) => <p class="field-error">{m}</p>}
                  </For>
                  <Show when={d.state === 'failed'}>
                    <A class="btn btn-secondary" href={draftHref(d)}>
                      {s.edit}
                    </A>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <Show when={isOnline() && waiting().some((d) => d.state === 'queued')}>
            <Button onClick={() => void flush()}>{s.sendNow}</Button>
          </Show>
        </section>
      </Show>

      <Show when={sentHere().length > 0}>
        <div class="banner banner-ok" role="status">
          <For each={sentHere()}>
            {(v) => (
              <p>
                {s.sentOk}：
                <A href={visitsHref(slug(), module(), `/${v.id}`)}>{`${v.unitName} ${v.visitedOn}`}</A>
              </p>
            )}
          </For>
        </div>
      </Show>

      <Show when={drafts().length > 0}>
        <section class="section" aria-label={s.drafts}>
          <h2>{s.drafts}</h2>
          <p class="muted">{s.draftsHint}</p>
          <ul class="cards">
            <For each={drafts()}>
              {(d) => (
                <li class="card">
                  <p class="card-title">
                    <A href={draftHref(d)}>{d.unitName || s.untitled}</A>
                  </p>
                  <p class="card-meta">
                    {d.visitedOn} · {s.kinds[d.kind]}
                    <Show when={d.templateName}> · {d.templateName}</Show>
                  </p>
                  <div class="actions">
                    <A class="btn btn-secondary" href={draftHref(d)}>
                      {s.continueDraft}
                    </A>
                    <ConfirmButton
                      label={s.discardDraft}
                      question={s.discardQuestion}
                      danger
                      run={async () => {
                        await deleteDraft(d.id);
                        await clearPhotos(visitPhotoScope(d.id));
                        await loadDrafts();
                      }}
                    />
                  </div>
                </li>
              )}
            </For>
          </ul>
        </section>
      </Show>

      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="visits-kind"
          label={s.kind}
          placeholder={s.allKinds}
          value={q().kind ?? ''}
          options={VISIT_KINDS.map((k) => ({ value: k, label: s.kinds[k] }))}
          onValue={(v) => filter({ kind: v || undefined })}
        />
        <UnitPicker
          id="visits-unit"
          slug={slug()}
          unitWord={unitWord()}
          label={unitWord()}
          emptyLabel={s.allUnits(unitWord())}
          unitId={q().unitId ?? ''}
          unitName={one(search.unitName)}
          onChange={(u) => filter({ unitId: u.id || undefined, unitName: u.id ? u.name : undefined })}
        />
        <TextField
          id="visits-from"
          type="date"
          label={s.from}
          value={q().from ?? ''}
          onValue={(v) => filter({ from: v || undefined })}
        />
        <TextField
          id="visits-to"
          type="date"
          label={s.to}
          value={q().to ?? ''}
          onValue={(v) => filter({ to: v || undefined })}
        />
      </form>
      <PagedResult list={list} total={s.total}>
        {(d) => (
          <CardsOrTable
            count={d().items.length}
            empty={s.empty}
            cards={
              <ul class="cards">
                <For each={d().items}>
                  {(row) => (
                    <li class="card">
                      <h2 class="card-title">
                        <A href={href(row)}>{row.unitName}</A>
                      </h2>
                      <p class="card-meta">
                        {row.visitedOn} · {s.kinds[row.kind] ?? row.kind}
                      </p>
                      <Show when={row.theme}>
                        <p class="card-meta">{row.theme}</p>
                      </Show>
                      <p class="card-meta">
                        {teamLine(row)}
                        <Show when={row.maxScore}>
                          {' · '}
                          {s.score} {s.scoreOf(row.score ?? 0, row.maxScore ?? 0)}
                        </Show>
                        <Show when={row.findingCount}> · {s.findingCount(row.findingCount ?? 0)}</Show>
                      </p>
                    </li>
                  )}
                </For>
              </ul>
            }
            table={
              <div class="table-wrap">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{unitWord()}</th>
                      <th scope="col">{s.visitedOn}</th>
                      <th scope="col">{s.kind}</th>
                      <th scope="col">{s.theme}</th>
                      <th scope="col">{s.team}</th>
                      <th scope="col">{s.score}</th>
                      <th scope="col">{s.findings}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().items}>
                      {(row) => (
                        <tr>
                          <th scope="row">
                            <A href={href(row)}>{row.unitName}</A>
                          </th>
                          <td>{row.visitedOn}</td>
                          <td>{s.kinds[row.kind] ?? row.kind}</td>
                          <td>{row.theme ?? texts.common.none}</td>
                          <td>{teamLine(row) || texts.common.none}</td>
                          <td>
                            {row.maxScore ? s.scoreOf(row.score ?? 0, row.maxScore) : texts.common.none}
                          </td>
                          <td>{row.findingCount ?? texts.common.none}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            }
          />
        )}
      </PagedResult>
    </Page>
  );
}
