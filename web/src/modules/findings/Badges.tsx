import { Show } from 'solid-js';
import { findingsTexts as s } from '../../texts/findings';
import type { FindingRow, Severity } from './api';
import { beijingToday, daysBetween } from './dates';

const STATUS_CLASS: Record<string, string> = {
  open: 'badge',
  issued: 'badge badge-warn',
  reported: 'badge badge-primary',
  closed: 'badge badge-ok',
};

/** Issued and past its deadline (the server's flag when it sends one). */
export function isOverdue(row: Pick<FindingRow, 'status' | 'deadline' | 'overdue'>): boolean {
  if (row.status !== 'issued') return false;
  if (typeof row.overdue === 'boolean') return row.overdue;
  return row.deadline < beijingToday();
}

export function StatusBadge(props: { row: FindingRow }) {
  return (
    <>
      <span class={STATUS_CLASS[props.row.status] ?? 'badge'}>{s.statuses[props.row.status]}</span>
      <Show when={isOverdue(props.row)}>
        {' '}
        <span class="badge badge-danger">{s.overdue}</span>
      </Show>
    </>
  );
}

export function SeverityBadge(props: { severity: Severity }) {
  return (
    <span class={`badge finding-severity finding-severity-${props.severity}`}>
      {s.severities[props.severity]}
    </span>
  );
}

/** 剩 3 天 / 今天到期 / 逾期 2 天, for findings that still wait for the unit. */
export function deadlineNote(row: Pick<FindingRow, 'status' | 'deadline'>): string | null {
  if (row.status !== 'issued' && row.status !== 'open') return null;
  const days = daysBetween(beijingToday(), row.deadline);
  return days < 0 ? s.overdueDays(-days) : s.daysLeft(days);
}

/** The deadline with how many days are left (or how many past), highlighted when past. */
export function Deadline(props: { row: FindingRow }) {
  const note = () => deadlineNote(props.row);
  return (
    <span classList={{ 'finding-late': isOverdue(props.row) }}>
      {props.row.deadline}
      <Show when={note()}>{(n) => <> （{n()}）</>}</Show>
    </span>
  );
}
