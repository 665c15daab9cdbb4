import { complianceTexts as s } from '../../texts/compliance';
import type { ComplianceStatus } from './api';

const TONE: Record<ComplianceStatus, string> = {
  done: 'badge badge-ok',
  on_track: 'badge',
  behind: 'badge badge-warn',
};

export function StatusChip(props: { status: ComplianceStatus }) {
  return <span class={TONE[props.status]}>{s.statuses[props.status]}</span>;
}
