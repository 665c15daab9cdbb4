import { texts } from '../texts';

export function Loading(props: { inline?: boolean }) {
  return (
    <p class={props.inline ? 'loading loading-inline' : 'loading'} role="status">
      {texts.common.loading}
    </p>
  );
}
