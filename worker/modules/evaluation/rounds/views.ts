import type { RoundUnitStatus } from '../../../../db/schema/tenant';
import type {
  RoundAccessView,
  RoundSchemeSummary,
  RoundSummary,
} from '../../../../tenants/evaluation/round-views';
import { leafIndicators, schemeTotal } from '../../../../tenants/evaluation/scheme';
import { can } from '../../../auth/permissions';
import type { Actor } from '../../../context';
import { beijingDate } from '../../../dates';
import { type LoadedRound, managesUnit, type RoundRow, reviewVisible } from './access';

/** The answers' types live in tenants/evaluation/round-views.ts, where the pages read them too. */
export type * from '../../../../tenants/evaluation/round-views';

export function roundSummary(round: RoundRow): RoundSummary {
  return {
    id: round.id,
    name: round.name,
    status: round.status,
    schoolYear: round.schoolYear,
    startsOn: round.startsOn,
    endsOn: round.endsOn,
    selfDeadline: round.selfDeadline,
    reviewDeadline: round.reviewDeadline,
    replyDeadline: round.replyDeadline,
    createdAt: round.createdAt,
    updatedAt: round.updatedAt,
  };
}

export function schemeSummary(loaded: LoadedRound): RoundSchemeSummary {
  const { scheme } = loaded;
  return {
    id: scheme.id,
    name: scheme.name,
    kind: scheme.kind,
    version: scheme.version,
    totalPoints: schemeTotal(scheme.body),
    leafCount: leafIndicators(scheme.body).length,
  };
}

export function accessView(actor: Actor, loaded: LoadedRound): RoundAccessView {
  const today = beijingDate();
  return {
    as: loaded.access,
    reviewer: loaded.reviewer !== null,
    lead: loaded.reviewer?.lead === true,
    manage: can(actor, 'evaluation.manage'),
    today,
    selfOverdue: today > loaded.round.selfDeadline,
  };
}

/** Whether the unit may still change its self-evaluation and evidence, and who may. */
export function unitAccess(actor: Actor, loaded: LoadedRound, unitId: string, status: RoundUnitStatus) {
  const filling = status === 'self' && loaded.round.status === 'open';
  const manager = managesUnit(loaded, unitId);
  return {
    reviewVisible: reviewVisible(loaded.access, status),
    canEditSelf: filling && manager,
    canUpload: filling && (manager || can(actor, 'evaluation.manage')),
  };
}
