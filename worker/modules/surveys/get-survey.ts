import { SURVEY_PRESETS } from '../../../tenants/surveys/presets';
import { authorize } from '../../auth/permissions';
import type { ServiceContext } from '../../context';
import { readableSurvey, surveyDetail } from './records';

export async function getSurvey(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, 'surveys.read');
  return surveyDetail(ctx, await readableSurvey(ctx, id));
}

/** The shipped questionnaires (评教, 食堂, 满意度) the builder starts from. */
export function surveyPresets(ctx: ServiceContext) {
  authorize(ctx.actor, 'surveys.manage');
  return { presets: SURVEY_PRESETS };
}
