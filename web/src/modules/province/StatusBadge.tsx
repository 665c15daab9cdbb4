import type { TenantStatus } from '../../api';
import { texts } from '../../texts';

const TONE: Record<TenantStatus, string> = {
  pending: 'badge',
  active: 'badge badge-ok',
  suspended: 'badge badge-danger',
};

export function StatusBadge(props: { status: TenantStatus }) {
  return <span class={TONE[props.status]}>{texts.tenantStatus[props.status]}</span>;
}
