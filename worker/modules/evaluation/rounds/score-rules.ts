import {
  POINT_STEP,
  type SchemeBody,
  type SchemeIndicator,
  walkIndicators,
} from '../../../../tenants/evaluation/scheme';
import { AppError } from '../../../errors';
import type { LoadedRound, RoundUnitRow } from './access';

/** The leaves of a scheme by key (the indicators that are scored). */
export function leavesByKey(body: SchemeBody): Map<string, SchemeIndicator> {
  const leaves = new Map<string, SchemeIndicator>();
  for (const { indicator } of walkIndicators(body.indicators)) {
    if (!indicator.children?.length) leaves.set(indicator.key, indicator);
  }
  return leaves;
}

/** How an indicator is named in messages: 指标“A1.1 规划制定”. */
export function indicatorLabel(indicator: Pick<SchemeIndicator, 'key' | 'name'>): string {
  return `指标“${indicator.key} ${indicator.name}”`;
}

/**
 * What is wrong with a score given to a key, or null: an unknown key or a parent (only leaves are
 * scored), a negative score, one above the leaf's points, or one off the half-point step.
 */
export function scoreProblem(
  leaves: ReadonlyMap<string, SchemeIndicator>,
  key: string,
  score: number,
): { field: 'key' | 'score'; message: string } | null {
  const leaf = leaves.get(key);
  if (!leaf)
    return { field: 'key', message: `本次评估的指标体系中没有可评分的指标“${key}”（只对末级指标评分）` };
  if (!Number.isFinite(score) || score < 0)
    return { field: 'score', message: `${indicatorLabel(leaf)}的得分不能是负数` };
  if (score > leaf.points) {
    return {
      field: 'score',
      message: `${indicatorLabel(leaf)}满分 ${leaf.points} 分，得分不能超过 ${leaf.points} 分`,
    };
  }
  if (!Number.isInteger(score / POINT_STEP)) {
    return {
      field: 'score',
      message: `${indicatorLabel(leaf)}的得分只能是整数或 .5（如 3.5），现在是 ${score}`,
    };
  }
  return null;
}

/** The unit is still filling in its self-evaluation and evidence: status `self` in an open round. */
export function assertFilling(
  loaded: LoadedRound & { unit: Pick<RoundUnitRow, 'status'> },
  what: string,
): void {
  if (loaded.round.status !== 'open') {
    throw new AppError('CONFLICT', `本次评估已结束，不能再${what}。`);
  }
  if (loaded.unit.status !== 'self') {
    throw new AppError('CONFLICT', `本单位已提交自评，不能再${what}；如需修改请联系督导室。`);
  }
}
