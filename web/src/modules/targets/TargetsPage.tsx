import { useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { targetsTexts as s } from '../../texts/targets';
import { Button } from '../../ui/Button';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { one } from '../../ui/searchParams';
import { useTenant } from '../shell/context';
import { UnitPicker } from '../units/UnitPicker';
import { type Target, type TargetList, type TargetStatus, targetsApi } from './api';
import { progressDraft, targetDraft } from './draft';
import { ProgressForm, TargetFieldsForm } from './TargetForms';

const TONE: Record<TargetStatus, string> = {
  planned: 'badge',
  met: 'badge badge-ok',
  partly: 'badge badge-warn',
  missed: 'badge badge-danger',
};

/** A school year starts in September (Beijing): before it, the current one began last year. */
function thisSchoolYear(): number {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return now.getUTCMonth() >= 8 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
}

/**
 * /t/:tenant/targets: a unit's development-plan targets of one school year (发展规划年度目标). The
 * unit manager keeps their own unit's: adds and edits them inline, writes the year-end progress and
 * the adjustment for next year, and carries them on; the office picks a unit; others read.
 */
export default function TargetsPage() {
  const { slug, session, config, notify } = useTenant();
  const [search, setSearch] = useSearchParams();
  const isManager = () => session().user.role === 'unit_manager';
  const unitWord = () => config().vocabulary.unit;
  const year = () => Number(one(search.year)) || thisSchoolYear();
  const asked = createMemo(() => {
    const unitId = one(search.unitId);
    if (!unitId && !isManager()) return false;
    return { slug: slug(), unitId: unitId || undefined, year: year() };
  });
  const list = createLoad(asked, (q) => targetsApi.list(q.slug, { unitId: q.unitId, year: q.year }));
  const years = createMemo(() => {
    const now = thisSchoolYear();
    const set = [now + 1, now, now - 1, now - 2, now - 3, now - 4];
    if (set.indexOf(year()) < 0) set.push(year());
    return set.sort((a, b) => b - a);
  });
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const open = (key: 'edit' | 'review', id?: string) =>
    setSearch({ edit: undefined, review: undefined, [key]: id }, { replace: true });

  const act = async (run: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await run();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  const move = (d: TargetList, index: number, by: number) =>
    act(async () => {
      const ids = d.items.map((t) => t.id);
      const [moved] = ids.splice(index, 1);
      ids.splice(index + by, 0, moved as string);
      await targetsApi.reorder(slug(), { unitId: d.unit.id, schoolYear: d.schoolYear, ids });
      list.reload();
    });

  return (
    <Page title={s.title}>
      <p class="muted">{s.intro}</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <Show when={!isManager()}>
          <UnitPicker
            id="targets-unit"
            slug={slug()}
            unitWord={unitWord()}
            label={s.unit(unitWord())}
            emptyLabel={s.chooseUnit(unitWord())}
            unitId={one(search.unitId)}
            unitName={one(search.unitName)}
            onChange={(u) =>
              setSearch({ unitId: u.id || undefined, unitName: u.id ? u.name : undefined }, { replace: true })
            }
          />
        </Show>
        <SelectField
          id="targets-year"
          label={s.year}
          value={String(year())}
          options={years().map((y) => ({ value: String(y), label: s.yearLabel(y) }))}
          onValue={(v) => setSearch({ year: v, edit: undefined, review: undefined }, { replace: true })}
        />
      </form>
      <Show when={asked()} fallback={<p class="muted">{s.chooseUnit(unitWord())}</p>}>
        <Loaded load={list}>
          {(d) => (
            <>
              <h2>
                {d().unit.name} · {d().yearLabel}
              </h2>
              <p class="muted" id="targets-summary">
                {s.summary(d().summary)}
              </p>
              <Show when={!d().canEdit}>
                <p class="muted">{s.readOnly}</p>
              </Show>
              <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
              <Show
                when={d().items.length > 0}
                fallback={<p class="muted">{d().canEdit ? s.empty : s.emptyReadOnly}</p>}
              >
                <ol class="cards targets-list">
                  <For each={d().items}>
                    {(t, i) => (
                      <TargetCard
                        target={t}
                        list={d()}
                        index={i()}
                        busy={busy()}
                        editing={one(search.edit) === t.id}
                        reviewing={one(search.review) === t.id}
                        onOpen={(key) => open(key, t.id)}
                        onClose={() => open('edit')}
                        onMove={(by) => move(d(), i(), by)}
                        onChanged={(message) => {
                          open('edit');
                          if (message) notify(message);
                          list.reload();
                        }}
                      />
                    )}
                  </For>
                </ol>
              </Show>
              <Show when={d().canEdit}>
                <section class="section card" aria-labelledby="targets-add">
                  <h2 id="targets-add">{s.addTitle}</h2>
                  {/* Keyed: another unit or year is another draft, so the form is made anew. */}
                  <Show when={`${d().unit.id}/${d().schoolYear}`} keyed>
                    {(_key) => (
                      <TargetFieldsForm
                        idPrefix="target-new"
                        slot={targetDraft(slug(), d().unit.id, String(d().schoolYear))}
                        initial={{ title: '', measure: '', indicatorKey: '' }}
                        indicators={d().indicators}
                        submitLabel={s.add}
                        busyLabel={s.adding}
                        send={async (fields) => {
                          const { target } = await targetsApi.create(slug(), {
                            ...fields,
                            unitId: d().unit.id,
                            schoolYear: d().schoolYear,
                          });
                          notify(s.added(target.title));
                          list.reload();
                        }}
                      />
                    )}
                  </Show>
                </section>
              </Show>
              <p class="actions">
                <Show when={d().canEdit && d().items.length > 0}>
                  <ConfirmButton
                    label={s.carry}
                    question={s.carryQuestion(d().yearLabel, s.yearLabel(d().schoolYear + 1))}
                    run={async () => {
                      const r = await targetsApi.carry(slug(), {
                        unitId: d().unit.id,
                        schoolYear: d().schoolYear,
                      });
                      notify(s.carried(r.created, r.skipped, s.yearLabel(r.schoolYear)));
                      setSearch({ year: String(r.schoolYear) }, { replace: true });
                    }}
                  />
                </Show>
                <Button
                  busy={busy()}
                  onClick={() =>
                    act(() => targetsApi.download(slug(), { unitId: d().unit.id, year: d().schoolYear }))
                  }
                >
                  {s.download}
                </Button>
              </p>
            </>
          )}
        </Loaded>
      </Show>
    </Page>
  );
}

interface CardProps {
  target: Target;
  list: TargetList;
  index: number;
  busy: boolean;
  editing: boolean;
  reviewing: boolean;
  onOpen: (key: 'edit' | 'review') => void;
  onClose: () => void;
  onMove: (by: number) => void;
  onChanged: (message?: string) => void;
}

function TargetCard(props: CardProps) {
  const { slug } = useTenant();
  const t = () => props.target;
  const indicator = () => props.list.indicators.find((i) => i.key === t().indicatorKey);
  return (
    <li class="card" data-target={t().title}>
      <h3 class="card-title">
        {props.index + 1}. {t().title} <span class={TONE[t().status]}>{s.statuses[t().status]}</span>
      </h3>
      <Show when={t().measure}>
        <p>
          {s.measure}：{t().measure}
        </p>
      </Show>
      <Show when={t().indicatorKey}>
        <p class="card-meta">
          {s.indicator}：{indicator() ? `${indicator()?.key} ${indicator()?.name}` : t().indicatorKey}
        </p>
      </Show>
      <Show when={t().progress}>
        <p>
          {s.progress}：{t().progress}
        </p>
      </Show>
      <Show when={t().adjustment}>
        <p>
          {s.adjustment}：{t().adjustment}
        </p>
      </Show>
      <Show when={props.list.canEdit && !props.editing && !props.reviewing}>
        <p class="actions">
          <Button onClick={() => props.onOpen('review')}>{s.review}</Button>
          <Button onClick={() => props.onOpen('edit')}>{s.edit}</Button>
          <Show when={props.index > 0}>
            <Button
              variant="link"
              busy={props.busy}
              aria-label={s.moveUp(t().title)}
              onClick={() => props.onMove(-1)}
            >
              {s.up}
            </Button>
          </Show>
          <Show when={props.index < props.list.items.length - 1}>
            <Button
              variant="link"
              busy={props.busy}
              aria-label={s.moveDown(t().title)}
              onClick={() => props.onMove(1)}
            >
              {s.down}
            </Button>
          </Show>
          <ConfirmButton
            label={s.remove}
            danger
            question={s.removeQuestion(t().title)}
            run={async () => {
              await targetsApi.remove(slug(), t().id);
              props.onChanged(s.removed(t().title));
            }}
          />
        </p>
      </Show>
      <Show when={props.list.canEdit && props.editing}>
        <TargetFieldsForm
          idPrefix={`target-${t().id}`}
          slot={targetDraft(slug(), t().id)}
          initial={{ title: t().title, measure: t().measure ?? '', indicatorKey: t().indicatorKey ?? '' }}
          indicators={props.list.indicators}
          submitLabel={s.save}
          busyLabel={s.saving}
          send={async (fields) => {
            await targetsApi.update(slug(), t().id, fields);
            props.onChanged(s.saved);
          }}
          onCancel={props.onClose}
        />
      </Show>
      <Show when={props.list.canEdit && props.reviewing}>
        <ProgressForm
          idPrefix={`progress-${t().id}`}
          slot={progressDraft(slug(), t().id)}
          initial={{ status: t().status, progress: t().progress ?? '', adjustment: t().adjustment ?? '' }}
          send={async (progress) => {
            await targetsApi.progress(slug(), t().id, progress);
            props.onChanged(s.saved);
          }}
          onCancel={props.onClose}
        />
      </Show>
    </li>
  );
}
