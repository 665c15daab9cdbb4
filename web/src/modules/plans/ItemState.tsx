import { Show } from 'solid-js';
import { plansTexts as s } from '../../texts/plans';
import type { ItemState, StateCounts } from './api';

const STATE_CLASS: Record<ItemState, string> = {
  done: 'badge badge-ok',
  late: 'badge badge-danger',
  due: 'badge badge-warn',
  upcoming: 'badge',
};

/**
 * Whether a visit can be started for an item now: it is open (due) or overdue (late: the unit still
 * needs the visit). An upcoming item's window has not begun, so a visit today would not count for it.
 */
export function startable(state: ItemState): boolean {
  return state === 'due' || state === 'late';
}

/** An item's state today: 已完成, 逾期, 待督导 or 未开始. */
export function StateBadge(props: { state: ItemState }) {
  return <span class={STATE_CLASS[props.state]}>{s.states[props.state]}</span>;
}

/** Done of total with a bar, and the late and due items that need someone. */
export function Progress(props: { counts: StateCounts }) {
  const pct = () => (props.counts.total ? Math.round((props.counts.done / props.counts.total) * 100) : 0);
  return (
    <span class="plan-progress">
      <span class="plan-progress-text">{s.doneOf(props.counts.done, props.counts.total)}</span>
      <span class="plan-bar" aria-hidden="true">
        <span class="plan-bar-done" style={{ width: `${pct()}%` }} />
      </span>
      <Show when={props.counts.late}>
        <span class="badge badge-danger">{s.lateCount(props.counts.late)}</span>
      </Show>
      <Show when={props.counts.due}>
        <span class="badge badge-warn">{s.dueCount(props.counts.due)}</span>
      </Show>
    </span>
  );
}
