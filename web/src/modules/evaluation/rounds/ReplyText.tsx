import { For } from 'solid-js';

/** A unit's 申辩 as the team and the unit both read it: the general text, then each claim by indicator. */
export function ReplyText(props: {
  reply: string | null;
  items: { indicatorKey: string; text: string }[];
  nameOf: (key: string) => string;
}) {
  return (
    <>
      <p class="review-text">{props.reply}</p>
      <ul>
        <For each={props.items}>
          {(item) => (
            <li class="review-text">
              {item.indicatorKey} {props.nameOf(item.indicatorKey)}：{item.text}
            </li>
          )}
        </For>
      </ul>
    </>
  );
}
