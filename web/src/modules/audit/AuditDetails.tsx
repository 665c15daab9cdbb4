import { For, Show } from 'solid-js';
import type { Role } from '../../api';
import { texts } from '../../texts';
import { auditTexts } from '../../texts/audit';

const s = auditTexts;

type Entry = [string, unknown];

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const label = (key: string) => s.fields[key] ?? key;

/** A stored value as a person reads it: roles by their Chinese name, blanks as （空）. */
function show(key: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return s.emptyValue;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (
    (key === 'role' || key === 'from' || key === 'to') &&
    typeof value === 'string' &&
    value in texts.roles
  ) {
    return texts.roles[value as Role];
  }
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Lines for an audit record's details: `changes` as 字段：旧 → 新, from/to as one line, the rest as 名称：值. */
export function detailLines(action: string, details: unknown): string[] {
  if (!isObject(details)) return details === null || details === undefined ? [] : [String(details)];
  const lines: string[] = [];
  const entries: Entry[] = Object.entries(details);
  const rest = entries.filter(([k]) => k !== 'changes' && k !== 'from' && k !== 'to');
  if ('from' in details || 'to' in details) {
    const what = action.endsWith('role_change') ? label('role') : label('status');
    lines.push(s.change(what, show('from', details.from), show('to', details.to)));
  }
  const changes = details.changes;
  if (isObject(changes)) {
    for (const [field, change] of Object.entries(changes)) {
      if (isObject(change))
        lines.push(s.change(label(field), show(field, change.from), show(field, change.to)));
    }
  }
  for (const [k, v] of rest) lines.push(`${label(k)}：${show(k, v)}`);
  return lines;
}

export function AuditDetails(props: { action: string; details: unknown }) {
  return (
    <Show when={detailLines(props.action, props.details).length}>
      <ul class="audit-details">
        <For each={detailLines(props.action, props.details)}>{(line) => <li>{line}</li>}</For>
      </ul>
    </Show>
  );
}
