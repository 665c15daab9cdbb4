import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { reviewTexts as s } from '../../../texts/evaluation-review';
import { useTenant } from '../../shell/context';
import { roundHref, unitHref } from './review-api';

type Status = 'self' | 'submitted' | 'reviewed' | 'replied' | 'final';

/**
 * The way from the rounds core's pages to the review half: the team and office go to the scoring
 * page, the unit to its result once published; everyone to the report once there is a result.
 */
export function UnitReviewLinks(props: {
  roundId: string;
  unitId: string;
  status: Status;
  as: 'office' | 'reviewer' | 'unit';
}) {
  const { slug } = useTenant();
  const published = () =>
    props.status === 'reviewed' || props.status === 'replied' || props.status === 'final';
  return (
    <p class="actions">
      <Show when={props.as !== 'unit' && props.status !== 'self'}>
        <A href={unitHref(slug(), props.roundId, props.unitId, 'review')}>{s.toReview}</A>
      </Show>
      <Show when={props.as === 'unit' && published()}>
        <A href={unitHref(slug(), props.roundId, props.unitId, 'result')}>{s.toResult}</A>
      </Show>
      <Show when={published()}>
        <A href={unitHref(slug(), props.roundId, props.unitId, 'report')}>{s.printReport}</A>
      </Show>
    </p>
  );
}

/** The round's results (ranking and lost points), for the office and the team. */
export function RoundResultsLink(props: { roundId: string; as: 'office' | 'reviewer' | 'unit' }) {
  const { slug } = useTenant();
  return (
    <Show when={props.as !== 'unit'}>
      <p>
        <A href={roundHref(slug(), props.roundId, '/results')}>{s.toResults}</A>
      </p>
    </Show>
  );
}
