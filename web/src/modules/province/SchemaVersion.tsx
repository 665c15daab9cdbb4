import { Show } from 'solid-js';
import { texts } from '../../texts';
import { provinceTexts } from '../../texts/province';

/** A tenant behind the latest migration is flagged, so the operator knows `migrate` has work left. */
export function SchemaVersion(props: { version: number | null; latest: number }) {
  return (
    <span classList={{ 'warn-text': props.version !== null && props.version < props.latest }}>
      {props.version ?? texts.common.none}
      <Show when={props.version !== null && props.version < props.latest}>
        {provinceTexts.schemaOutdated(props.latest)}
      </Show>
    </span>
  );
}
