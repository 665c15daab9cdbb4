import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, onMount, Show } from 'solid-js';
import { observationsTexts as s } from '../../texts/observations';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { PagedResult } from '../../ui/PagedResult';
import { pageParam } from '../../ui/searchParams';
import { MyProgress } from '../compliance/MyProgress';
import { useTenant } from '../shell/context';
import { type ObservationRow, observationsApi } from './api';
import { observationOutbox as box } from './outbox';
import { canRecord, observationsHref } from './permissions';
import { type ObservationDraft, observationStore } from './store';
import './observations.css';

const PAGE_SIZE = 20;

/**
 * /t/:tenant/teaching/observations: what waits on this phone (待发送, drafts), then the records the
 * user may read (the server filters by role), the latest lesson first. A teacher's records about
 * them that they have not acknowledged say 待确认.
 */
export default function ObservationsPage() {
  const { slug, session } = useTenant();
  const [search] = useSearchParams();
  const [drafts, setDrafts] = createSignal<ObservationDraft[]>([]);
  const me = () => session().user.id;
  const q = createMemo(() => ({ page: pageParam(search.page), pageSize: PAGE_SIZE }));
  const list = createLoad(
    () => ({ ...q(), sent: box.sent().length }),
    ({ sent: _sent, ...rest }) => observationsApi.list(slug(), rest),
  );
  const loadDrafts = async () =>
    setDrafts((await observationStore.list(slug(), me())).filter((d) => d.state === 'draft'));
  onMount(() => {
    box.start(slug(), me());
    // The form may be opened where there is no network: fetch its page now.
    void import('./ObservationFormPage').catch(() => undefined);
    void loadDrafts();
  });
  const draftHref = (d: ObservationDraft) => observationsHref(slug(), `/draft/${d.id}`);
  const toAcknowledge = (row: ObservationRow) => row.teacherId === me() && !row.acknowledgedAt;

  return (
    <Page title={s.title}>
      <MyProgress slug={slug()} refresh={box.sent().length} />
      <Show when={canRecord(session().user.role)}>
        <p class="actions">
          <A class="btn btn-primary" href={observationsHref(slug(), '/new')}>
            {s.add}
          </A>
        </p>
      </Show>

      <Show when={box.pending().length > 0}>
        <section class="section card obs-outbox" aria-label={s.outboxTitle(box.pending().length)}>
          <h2>
            <span class="badge badge-warn">{s.outboxTitle(box.pending().length)}</span>
          </h2>
          <p class="muted">{box.isOnline() ? s.outboxHint : s.offline}</p>
          <ul class="cards">
            <For each={box.pending()}>
              {(d) => (
                <li class="card" classList={{ 'obs-failed': d.state === 'failed' }}>
                  <p class="card-title">
                    <A href={draftHref(d)}>{d.teacherName || s.untitled}</A>
                  </p>
                  <p class="card-meta">
                    {d.observedOn} · {d.course} ·{' '}
                    <span class={d.state === 'failed' ? 'badge badge-danger' : 'badge badge-warn'}>
                      {s.states[d.state]}
                    </span>
                  </p>
                  <Show when={d.error}>
                    <p class={d.state === 'failed' ? 'field-error' : 'card-meta'}>{d.error}</p>
                  </Show>
                  <Show when={d.state === 'failed'}>
                    <A class="btn btn-secondary" href={draftHref(d)}>
                      {s.edit}
                    </A>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <Show when={box.isOnline() && box.pending().some((d) => d.state === 'queued')}>
            <Button onClick={() => void box.flush()}>{s.sendNow}</Button>
          </Show>
        </section>
      </Show>

      <Show when={box.sent().length > 0}>
        <div class="banner banner-ok" role="status">
          <For each={box.sent()}>
            {(o) => (
              <p>
                {s.sentOk}：
                <A href={observationsHref(slug(), `/${o.id}`)}>{`${o.teacherName} ${o.observedOn}`}</A>
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
                    <A href={draftHref(d)}>{d.teacherName || s.untitled}</A>
                  </p>
                  <p class="card-meta">
                    {d.observedOn}
                    <Show when={d.course}> · {d.course}</Show>
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
                        await observationStore.remove(d.id);
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

      <p class="muted">{s.listHint}</p>
      <PagedResult list={list} total={s.total}>
        {(d) => (
          <Show when={d().items.length > 0} fallback={<p class="muted">{s.empty}</p>}>
            <ul class="cards obs-list">
              <For each={d().items}>
                {(row) => (
                  <li class="card">
                    <h2 class="card-title">
                      <A
                        href={observationsHref(slug(), `/${row.id}`)}
                      >{`${row.teacherName} · ${row.course}`}</A>
                    </h2>
                    <p class="card-meta">
                      {row.observedOn} {s.periodOf(row.period)} · {row.className}
                    </p>
                    <p class="card-meta">
                      {s.kinds[row.kind]} · {s.byObserver(row.observerName)}
                    </p>
                    <p class="card-meta">
                      {s.scoreLine(row.total, s.grades[row.grade])}
                      <Show when={toAcknowledge(row)}>
                        {' '}
                        <span class="badge badge-warn">{s.toAcknowledge}</span>
                      </Show>
                      <Show when={row.acknowledgedAt}>
                        {' '}
                        <span class="badge">{s.acknowledged}</span>
                      </Show>
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </PagedResult>
    </Page>
  );
}
