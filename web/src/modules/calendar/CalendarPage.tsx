import { A, useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { ModuleKey } from '../../api';
import { texts } from '../../texts';
import { calendarTexts as s } from '../../texts/calendar';
import { Button } from '../../ui/Button';
import { Loaded } from '../../ui/Loaded';
import { LoadStatus } from '../../ui/LoadStatus';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { one } from '../../ui/searchParams';
import type { StateCounts } from '../plans/api';
import { beijingToday } from '../plans/dates';
import { StateBadge, startable } from '../plans/ItemState';
import { canManagePlans, canRecordVisits, newVisitHref, plansHref, visitHref } from '../plans/permissions';
import { useTenant } from '../shell/context';
import { type Calendar, type CalendarItem, type CalendarMonth, calendarApi } from './api';
import { themesDraft } from './draft';
import { ThemeEditor } from './ThemeEditor';
import '../plans/plans.css';
import './calendar.css';

function yearParam(value: string | string[] | undefined, fallback: number): number {
  const n = Number(one(value));
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : fallback;
}

function monthParam(value: string | string[] | undefined): number | null {
  const n = Number(one(value));
  return Number.isInteger(n) && n >= 1 && n <= 12 ? n : null;
}

/** The modules with plan items this month, with their counts. */
function moduleCounts(data: Calendar, month: CalendarMonth): { module: ModuleKey; counts: StateCounts }[] {
  const out: { module: ModuleKey; counts: StateCounts }[] = [];
  for (const module of data.modules) {
    const counts = month.counts[module];
    if (counts?.total) out.push({ module, counts });
  }
  return out;
}

/**
 * /t/:tenant/calendar: 一月一主题 for a year (?year=), each month's plan items per module counted
 * as done, late, due and upcoming; a month opened (?month=) lists its items with a link to start
 * the visit. Directors and admins edit the year's themes here.
 */
export default function CalendarPage() {
  const { slug, session, notify } = useTenant();
  const [search, setSearch] = useSearchParams();
  const today = beijingToday();
  const thisYear = Number(today.slice(0, 4));
  const thisMonth = Number(today.slice(5, 7));
  const year = () => yearParam(search.year, thisYear);
  const month = () => monthParam(search.month);
  const q = createMemo(() => ({ year: year(), month: month() }));
  const calendar = createLoad(q, (x) => calendarApi.get(slug(), x.year, x.month));
  const role = () => session().user.role;
  const manage = () => canManagePlans(role());
  const record = () => canRecordVisits(role());

  // An unsaved edit of this year's themes opens the editor again after a reload.
  const hasDraft = () => manage() && themesDraft(slug(), String(year())).load() !== null;
  const [editing, setEditing] = createSignal<number | null>(hasDraft() ? year() : null);

  const goYear = (y: number) => {
    setEditing(themesDraft(slug(), String(y)).load() !== null && manage() ? y : null);
    setSearch({ year: y === thisYear ? undefined : String(y), month: undefined });
  };
  const toggleMonth = (m: number) =>
    setSearch({ month: month() === m ? undefined : String(m) }, { replace: true });

  const itemAction = (module: ModuleKey, item: CalendarItem) => (
    <Show
      when={item.visitId}
      fallback={
        <Show when={record() && startable(item.state)}>
          <A class="btn btn-secondary" href={newVisitHref(slug(), module, item.unitId, item)}>
            {s.startVisit}
          </A>
        </Show>
      }
    >
      {(visitId) => <A href={visitHref(slug(), module, visitId())}>{s.viewVisit}</A>}
    </Show>
  );

  const monthItems = (data: Calendar) => (
    <Show when={data.items}>
      {(items) => (
        <div class="month-items">
          <h3>{s.monthItems(items().month)}</h3>
          <Show when={items().truncated}>
            <p class="muted">{s.truncated(3000)}</p>
          </Show>
          <Show
            when={items().groups.some((g) => g.items.length)}
            fallback={<p class="muted">{s.monthEmpty}</p>}
          >
            <For each={items().groups.filter((g) => g.items.length)}>
              {(group) => (
                <section class="month-group" aria-label={texts.modules[group.module]}>
                  <h4>
                    {texts.modules[group.module]}
                    <span class="muted">{s.itemCount(group.items.length)}</span>
                  </h4>
                  <ul class="month-item-list" aria-label={s.groupItems(texts.modules[group.module])}>
                    <For each={group.items}>
                      {(item) => (
                        <li classList={{ 'month-item-late': item.state === 'late' }}>
                          <p class="month-item-unit">
                            <strong>{item.unitName}</strong> <StateBadge state={item.state} />
                          </p>
                          <p class="card-meta">
                            {s.dueBy(item.dueOn)} ·{' '}
                            <A href={plansHref(slug(), group.module, `/${item.planId}`)}>{item.planName}</A>
                          </p>
                          <p class="card-meta">{itemAction(group.module, item)}</p>
                        </li>
                      )}
                    </For>
                  </ul>
                </section>
              )}
            </For>
          </Show>
        </div>
      )}
    </Show>
  );

  return (
    <Page title={s.title} intro={s.intro}>
      <nav class="year-nav" aria-label={s.yearNav}>
        <Button onClick={() => goYear(year() - 1)}>{s.prevYear}</Button>
        <strong>{s.year(year())}</strong>
        <Button onClick={() => goYear(year() + 1)}>{s.nextYear}</Button>
      </nav>
      <Show when={year() !== thisYear}>
        <p>
          <Button variant="link" onClick={() => goYear(thisYear)}>
            {s.thisYear}
          </Button>
        </p>
      </Show>
      <Loaded load={calendar}>
        {(data) => (
          <>
            <LoadStatus load={{ ...calendar, error: () => null }} />
            <p class="muted">
              {data().themeSource === 'office' ? s.sourceOffice : s.sourcePreset}
              <Show when={data().plans}> {s.byDueMonth}</Show>
            </p>
            <Show when={manage() && editing() !== data().year}>
              <p class="actions">
                <Button onClick={() => setEditing(data().year)}>{s.editThemes}</Button>
              </p>
            </Show>
            <Show when={manage() && editing() === data().year ? data() : null} keyed>
              {(d) => (
                <ThemeEditor
                  slug={slug()}
                  year={d.year}
                  months={d.months}
                  ownThemes={d.themeSource === 'office'}
                  onClose={() => setEditing(null)}
                  onSaved={(saved, message) => {
                    setEditing(null);
                    calendar.mutate({
                      ...d,
                      themeSource: saved.source,
                      months: d.months.map((m) => ({
                        ...m,
                        theme: saved.themes.find((t) => t.month === m.month)?.theme ?? null,
                      })),
                    });
                    notify(message);
                    window.scrollTo(0, 0);
                  }}
                />
              )}
            </Show>
            <ol class="months">
              <For each={data().months}>
                {(m) => {
                  const current = () => data().year === thisYear && m.month === thisMonth;
                  const open = () => month() === m.month;
                  const counts = () => moduleCounts(data(), m);
                  return (
                    <li
                      class="month"
                      classList={{
                        'month-current': current(),
                        'month-empty': !m.theme,
                        'month-selected': open(),
                      }}
                      aria-current={current() ? 'date' : undefined}
                    >
                      <h2 class="month-name">
                        {s.month(m.month)}
                        {current() ? <span class="badge badge-primary">{s.current}</span> : null}
                      </h2>
                      <p>{m.theme ?? s.noTheme}</p>
                      <Show when={data().plans}>
                        <Show when={counts().length} fallback={<p class="muted">{s.noPlanItems}</p>}>
                          <ul class="month-counts" aria-label={s.countsOf(m.month)}>
                            <For each={counts()}>
                              {(c) => (
                                <li>
                                  {texts.modules[c.module]}：{s.done(c.counts.done, c.counts.total)}
                                  <Show when={c.counts.late}>
                                    <span class="badge badge-danger">{s.late(c.counts.late)}</span>
                                  </Show>
                                  <Show when={c.counts.due}>
                                    <span class="badge badge-warn">{s.due(c.counts.due)}</span>
                                  </Show>
                                  <Show when={c.counts.upcoming}>
                                    <span class="badge">{s.upcoming(c.counts.upcoming)}</span>
                                  </Show>
                                </li>
                              )}
                            </For>
                          </ul>
                        </Show>
                        <Show when={counts().length || open()}>
                          <Button
                            class="month-open"
                            aria-expanded={open() ? 'true' : 'false'}
                            onClick={() => toggleMonth(m.month)}
                          >
                            {open() ? s.closeMonth : s.showMonth(m.month)}
                          </Button>
                        </Show>
                        <Show when={open() && data().items?.month === m.month}>{monthItems(data())}</Show>
                      </Show>
                    </li>
                  );
                }}
              </For>
            </ol>
          </>
        )}
      </Loaded>
    </Page>
  );
}
