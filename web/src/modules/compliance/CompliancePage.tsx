import { useSearchParams } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import { toApiError } from '../../api';
import { complianceTexts as s } from '../../texts/compliance';
import { Button } from '../../ui/Button';
import { CardsOrTable } from '../../ui/CardsOrTable';
import { ConfirmButton } from '../../ui/ConfirmButton';
import { ErrorBanner } from '../../ui/ErrorBanner';
import { Loaded } from '../../ui/Loaded';
import { createLoad } from '../../ui/load';
import { Notice } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { SelectField } from '../../ui/SelectField';
import { one } from '../../ui/searchParams';
import { reportingSemester, semesterOptions } from '../../ui/semesters';
import { useTenant } from '../shell/context';
import { COMPLIANCE_STATUSES, type ComplianceQuery, type ComplianceReport, complianceApi } from './api';
import { Bars } from './Bars';
import { StatusChip } from './StatusChip';
import './compliance.css';

/** Who may remind those behind (the server checks again: a unit head only their unit). */
const REMINDERS = ['admin', 'director', 'unit_manager'];

function SemesterBar(props: { report: ComplianceReport }) {
  const sem = () => props.report.semester;
  return (
    <section class="section card quota-progress" aria-label={s.semester}>
      <p class="card-title">{s.semesterProgress(sem().label, sem().from, sem().to)}</p>
      <div
        class="quota-bar"
        role="img"
        aria-label={s.elapsed(sem().percentElapsed, sem().elapsedDays, sem().totalDays, sem().week)}
      >
        <span class="quota-bar-fill" style={{ width: `${sem().percentElapsed}%` }} />
      </div>
      <p class="card-meta">
        {sem().elapsedDays === 0
          ? s.notStarted
          : sem().elapsedDays >= sem().totalDays
            ? s.over
            : s.elapsed(sem().percentElapsed, sem().elapsedDays, sem().totalDays, sem().week)}
      </p>
      <p>{s.overall(props.report.totals)}</p>
    </section>
  );
}

/**
 * /t/:tenant/teaching/compliance (听课任务): each person's lessons against their quota this
 * semester (or another), by unit and by quota role with bars, the people with their status, a
 * reminder to those behind and the spreadsheets. Filters live in the address, so a link keeps them.
 */
export default function CompliancePage() {
  const { slug, config, session } = useTenant();
  const [search, setSearch] = useSearchParams();
  const q = createMemo<ComplianceQuery>(() => ({
    semester: one(search.semester),
    unitId: one(search.unitId),
    quotaRole: one(search.quotaRole),
    status: one(search.status),
  }));
  const report = createLoad(
    () => q(),
    (query) => complianceApi.report(slug(), query),
  );
  const filter = (next: Record<string, string | undefined>) => setSearch(next, { replace: true });
  // The picker offers the current semester and the three before it.
  const current = createMemo(() => reportingSemester(config().semesters));
  const unitWord = () => config().vocabulary.unit;
  const [message, setMessage] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal<'' | 'sheet' | 'ledger'>('');
  const run = async (which: 'sheet' | 'ledger', job: () => Promise<void>) => {
    setBusy(which);
    setError(null);
    try {
      await job();
    } catch (err) {
      setError(toApiError(err).message);
    } finally {
      setBusy('');
    }
  };
  const canRemind = () => REMINDERS.indexOf(session().user.role) >= 0;
  /** Those behind among the people listed (a status filter other than 未达进度 lists none of them). */
  const behindIds = (r: ComplianceReport) =>
    r.people.filter((p) => p.status === 'behind').map((p) => p.userId);

  return (
    <Page title={s.title} intro={s.intro}>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          id="compliance-semester"
          label={s.semester}
          value={q().semester ?? current()}
          options={semesterOptions(current())}
          onValue={(v) => filter({ semester: v && v !== current() ? v : undefined })}
        />
      </form>
      <Show when={message()}>{(m) => <Notice>{m()}</Notice>}</Show>
      <Show when={error()}>{(m) => <ErrorBanner message={m()} />}</Show>
      <Loaded load={report}>
        {(r) => (
          <>
            <SemesterBar report={r()} />
            <div class="actions">
              <Show when={canRemind() && r().semester.current && behindIds(r()).length > 0}>
                <ConfirmButton
                  label={s.remind}
                  question={s.remindQuestion(behindIds(r()).length)}
                  run={async () => {
                    setMessage(null);
                    const result = await complianceApi.remind(slug(), {
                      semester: r().semester.key,
                      userIds: behindIds(r()),
                    });
                    setMessage(s.reminded(result.told, result.skipped));
                  }}
                />
              </Show>
              <Button
                busy={busy() === 'sheet'}
                title={s.downloadHint}
                onClick={() =>
                  run('sheet', () => complianceApi.download(slug(), { ...q(), semester: r().semester.key }))
                }
              >
                {s.download}
              </Button>
              <Button
                busy={busy() === 'ledger'}
                onClick={() =>
                  run('ledger', () =>
                    complianceApi.downloadLedger(slug(), { semester: r().semester.key, unitId: q().unitId }),
                  )
                }
              >
                {s.downloadLedger}
              </Button>
            </div>
            <Bars
              title={s.byUnit}
              elapsed={r().semester.percentElapsed}
              rows={r().byUnit.map((u) => ({ ...u, key: u.unitId ?? '', label: u.unitName ?? s.noUnit }))}
            />
            <Bars
              title={s.byRole}
              elapsed={r().semester.percentElapsed}
              rows={r().byRole.map((g) => ({ ...g, key: g.key, label: g.label }))}
            />
            <section class="section" aria-label={s.people}>
              <h2>{s.people}</h2>
              <form class="filters" onSubmit={(e) => e.preventDefault()}>
                <SelectField
                  id="compliance-unit"
                  label={unitWord()}
                  placeholder={s.allUnits(unitWord())}
                  value={q().unitId ?? ''}
                  options={r()
                    .byUnit.filter((u) => u.unitId)
                    .map((u) => ({ value: u.unitId as string, label: u.unitName ?? '' }))}
                  onValue={(v) => filter({ unitId: v || undefined })}
                />
                <SelectField
                  id="compliance-role"
                  label={s.quotaRole}
                  placeholder={s.allQuotaRoles}
                  value={q().quotaRole ?? ''}
                  options={r().quotaRoles.map((g) => ({ value: g.key, label: g.label }))}
                  onValue={(v) => filter({ quotaRole: v || undefined })}
                />
                <SelectField
                  id="compliance-status"
                  label={s.status}
                  placeholder={s.allStatuses}
                  value={q().status ?? ''}
                  options={COMPLIANCE_STATUSES.map((v) => ({ value: v, label: s.statuses[v] ?? v }))}
                  onValue={(v) => filter({ status: v || undefined })}
                />
              </form>
              <p class="muted">{s.count(r().people.length)}</p>
              <CardsOrTable
                count={r().people.length}
                empty={s.empty}
                cards={
                  <ul class="cards">
                    <For each={r().people}>
                      {(p) => (
                        <li class="card" classList={{ 'quota-row-behind': p.status === 'behind' }}>
                          <h3 class="card-title">
                            {p.name} <StatusChip status={p.status} />
                          </h3>
                          <p class="card-meta">
                            {p.unitName ?? s.noUnit} · {p.quotaLabel}
                          </p>
                          <p class="card-meta">{s.rowLine(p.done, p.required, p.expected)}</p>
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
                          <th scope="col">{s.unit}</th>
                          <th scope="col">{s.name}</th>
                          <th scope="col">{s.quotaRole}</th>
                          <th scope="col">{s.required}</th>
                          <th scope="col">{s.done}</th>
                          <th scope="col">{s.expected}</th>
                          <th scope="col">{s.status}</th>
                        </tr>
                      </thead>
                      <tbody>
                        <For each={r().people}>
                          {(p) => (
                            <tr classList={{ 'quota-row-behind': p.status === 'behind' }}>
                              <td>{p.unitName ?? s.noUnit}</td>
                              <td>{p.name}</td>
                              <td>{p.quotaLabel}</td>
                              <td>{p.required}</td>
                              <td>{p.done}</td>
                              <td>{p.expected}</td>
                              <td>
                                <StatusChip status={p.status} />
                              </td>
                            </tr>
                          )}
                        </For>
                      </tbody>
                    </table>
                  </div>
                }
              />
            </section>
          </>
        )}
      </Loaded>
    </Page>
  );
}
