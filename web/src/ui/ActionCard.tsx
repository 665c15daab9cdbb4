import type { JSX } from 'solid-js';

interface ActionCardProps {
  /** The name (or a link to it). */
  title: JSX.Element;
  /** One line of facts under the name. */
  meta: JSX.Element;
  /** The button that acts on this row (add, remove, undo). */
  action?: JSX.Element;
  /** Centre the button against a two-line name. */
  center?: boolean;
}

/** A row of a list being edited: what it is on the left, what one can do with it on the right. */
export function ActionCard(props: ActionCardProps) {
  return (
    <li
      class="card"
      style={{
        display: 'flex',
        'justify-content': 'space-between',
        ...(props.center ? { 'align-items': 'center' } : {}),
        gap: '8px',
      }}
    >
      <span>
        {props.title}
        <span class="card-meta" style={{ display: 'block' }}>
          {props.meta}
        </span>
      </span>
      {props.action}
    </li>
  );
}
