import { useSearchParams } from '@solidjs/router';
import { batch, createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { toApiError } from '../../api';
import { texts } from '../../texts';
import { auditTexts } from '../../texts/audit';
import { Button } from '../../ui/Button';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { FilterForm } from '../../ui/FilterForm';
import { formatTime } from '../../ui/format';
import { LoadStatus } from '../../ui/LoadStatus';
import { createLoad } from '../../ui/load';
import { createMediaQuery, WIDE } from '../../ui/media';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { createSearchBox } from '../../ui/searchBox';
import { one } from '../../ui/searchParams';
import { TextField } from '../../ui/TextField';
import { useTenant } from '../shell/context';
import { AuditDetails } from './AuditDetails';
import { type AuditQuery, type AuditRow, auditApi } from './api';

const PAGE_SIZE = 30;
const s = auditTexts;

/** /audit: who did what and when, newest first; older records are appended on demand. */
export default function AuditPage() {
  const { slug } = useTenant();
  const [search, setSearch] = useSearchParams();
  const wide = createMediaQuery(WIDE);
  const query = createMemo<AuditQuery>(() => ({
    q: one(search.q),
    entityType: one(search.entityType),
    action: one(search.action),
    from: one(search.from),
    to: one(search.to),
    pageSize: PAGE_SIZE,
  }));
  const first = createLoad(query, (q) => auditApi.list(slug(), q));
  // Older pages fetched with the cursor; reset whenever the filters change.
  const [older, setOlder] = createSignal<AuditRow[]>([]);
  const [cursor, setCursor] = createSignal<number | null>(null);
  const [moreBusy, setMoreBusy] = createSignal(false);
  const [moreError, setMoreError] = createSignal<string | null>(null);
  createEffect(
    on(first.data, (d) => {
      batch(() => {
        setOlder([]);
        setCursor(d?.nextBefore ?? null);
        setMoreError(null);
      });
    }),
  );
  const rows = () => [...(first.data()?.items ?? []), ...older()];
  const loadMore = async () => {
    const before = cursor();
    if (before === null || moreBusy()) return;
    setMoreBusy(true);
    setMoreError(null);
    try {
      const page = await auditApi.list(slug(), { ...query(), before });
      batch(() => {
        setOlder([...older(), ...page.items]);
        setCursor(page.nextBefore);
      });
    } catch (err) {
      setMoreError(toApiError(err).message);
    } finally {
      setMoreBusy(false);
    }
  };

  const change = (next: Record<string, string | undefined>) => setSearch(next, { replace: true });
  const box = createSearchBox(
    () => query().q ?? '',
    (q) => change({ q }),
  );
  const hasFilters = () =>
    Boolean(query().q || query().entityType || query().action || query().from || query().to);

  return (
    <Page title={s.title} intro={s.intro}>
      <FilterForm box={box} searchId="audit-q" searchLabel={s.person} searchPlaceholder={s.personPlaceholder}>
        <SelectField
          id="audit-entityType"
          label={s.entityType}
          placeholder={s.allEntityTypes}
          value={query().entityType ?? ''}
          options={(first.data()?.entityTypes ?? []).map((e) => ({ value: e.key, label: e.label }))}
          onValue={(v) => change({ entityType: v || undefined })}
        />
        <SelectField
          id="audit-action"
          label={s.action}
          placeholder={s.allActions}
          value={query().action ?? ''}
          options={(first.data()?.actions ?? []).map((a) => ({ value: a.key, label: a.label }))}
          onValue={(v) => change({ action: v || undefined })}
        />
        <TextField
          id="audit-from"
          type="date"
          label={s.from}
          hint={s.dateHint}
          value={query().from ?? ''}
          onValue={(v) => change({ from: v || undefined })}
        />
        <TextField
          id="audit-to"
          type="date"
          label={s.to}
          value={query().to ?? ''}
          onValue={(v) => change({ to: v || undefined })}
        />
        <Show when={hasFilters()}>
          <Button
            variant="link"
            onClick={() => {
              box.setText('');
              setSearch(
                { q: undefined, entityType: undefined, action: undefined, from: undefined, to: undefined },
                { replace: true },
              );
            }}
          >
            {s.clear}
          </Button>
        </Show>
      </FilterForm>
      <LoadStatus load={first} />
      <Show when={first.data()}>
        <Show when={rows().length} fallback={<p class="empty">{s.empty}</p>}>
          <Show when={wide()} fallback={<AuditCards rows={rows()} />}>
            <AuditTable rows={rows()} />
          </Show>
          <p class="muted" aria-live="polite">
            {s.count(rows().length)}
          </p>
          <Show when={moreError()}>{(m) => <ErrorBanner message={m()} onRetry={loadMore} />}</Show>
          <Show when={cursor() !== null} fallback={<p class="muted">{s.end}</p>}>
            <Button class="btn-block" busy={moreBusy()} onClick={loadMore}>
              {moreBusy() ? s.loadingMore : s.more}
            </Button>
          </Show>
        </Show>
      </Show>
    </Page>
  );
}

const actor = (r: AuditRow) => r.actorName ?? s.unknownActor;

function AuditCards(props: { rows: AuditRow[] }) {
  return (
    <ul class="cards">
      <For each={props.rows}>
        {(r) => (
          <li class="card">
            <h2 class="card-title">
              {actor(r)} · {r.actionLabel}
            </h2>
            <p class="card-meta">
              {formatTime(r.at)} · {r.entityTypeLabel}
              <Show when={r.ip}>
                {' '}
                · {s.ip} {r.ip}
              </Show>
            </p>
            <AuditDetails action={r.action} details={r.details} />
          </li>
        )}
      </For>
    </ul>
  );
}

function AuditTable(props: { rows: AuditRow[] }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <thead>
          <tr>
            <th scope="col">{s.at}</th>
            <th scope="col">{s.person}</th>
            <th scope="col">{s.what}</th>
            <th scope="col">{s.target}</th>
            <th scope="col">{s.detailsLabel}</th>
            <th scope="col">{s.ip}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(r) => (
              <tr>
                <td>{formatTime(r.at)}</td>
                <th scope="row">{actor(r)}</th>
                <td>{r.actionLabel}</td>
                <td>{r.entityTypeLabel}</td>
                <td>
                  <AuditDetails action={r.action} details={r.details} />
                </td>
                <td>{r.ip ?? texts.common.none}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
