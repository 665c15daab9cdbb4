import { Show } from 'solid-js';
import type { TenantOverview } from '../../api';
import { provinceTexts } from '../../texts/province';
import { formatTime } from '../../ui/format';

/** Marks a tenant whose database did not answer, and how old the figures shown for it are. */
export function TenantReach(props: { tenant: TenantOverview; showReason: boolean }) {
  return (
    <Show when={!props.tenant.reachable && props.tenant.status !== 'pending'}>
      <span class="reach">
        <span class="badge badge-warn">{provinceTexts.unreachable}</span>
        <Show when={props.tenant.snapshotAt}>
          {(at) => <span class="reach-note">{provinceTexts.snapshot(formatTime(at()))}</span>}
        </Show>
        <Show when={props.showReason && props.tenant.error}>
          {(e) => <span class="reach-note">{provinceTexts.reason(e())}</span>}
        </Show>
      </span>
    </Show>
  );
}
