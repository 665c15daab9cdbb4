import { For, Show } from 'solid-js';
import { texts } from '../texts';
import { Button } from './Button';

interface ErrorBannerProps {
  message: string;
  /** Problems that belong to no visible field, listed under the message. */
  details?: string[];
  onRetry?: () => void;
}

export function ErrorBanner(props: ErrorBannerProps) {
  return (
    <div class="banner banner-error" role="alert">
      <p>{props.message}</p>
      <Show when={props.details?.length}>
        <ul>
          <For each={props.details}>{(d) => <li>{d}</li>}</For>
        </ul>
      </Show>
      <Show when={props.onRetry}>
        <Button onClick={() => props.onRetry?.()}>{texts.common.retry}</Button>
      </Show>
    </div>
  );
}
