import { Show } from 'solid-js';
import { texts } from '../../texts';

/** A tenant behind the latest migration is flagged, so the operator knows `migrate` has work left. */
export function SchemaVersion(props: { version: number | null; latest: number }) {
  return (
    <span classList={{ 'warn-text': props.version !== null && props.version < props.latest }}>
      {props.version ?? texts.common.none}
      <Show when={props.version !== null && props.version < props.latest}>
        {texts.province.schemaOutdated(props.latest)}
      </Show>
    </span>
  );
}
