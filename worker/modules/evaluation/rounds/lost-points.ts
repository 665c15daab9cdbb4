import { type SchemeBody, walkIndicators } from '../../../../tenants/evaluation/scheme';
import { round2 } from './ranking';
import { totalScores } from './totals';

/**
 * Where points are lost most (失分分析): for each first- and second-level indicator, the points the
 * units lost on it (its points − its review score) summed and averaged over the units with a
 * published result, and how many of them lost any. Pure: the caller brings each unit's review
 * scores. A unit whose scores under an indicator are incomplete is left out of that indicator (and
 * counted in `incomplete`), so a missing score is never read as a loss of the whole indicator.
 */

export interface LostPointsRow {
  key: string;
  name: string;
  level: 1 | 2;
  /** The first-level indicator a second-level one sits under; null at level 1. */
  parentKey: string | null;
  parentName: string | null;
  points: number;
  /** Units with a complete score under this indicator. */
  units: number;
  lostSum: number;
  lostMean: number;
  /** Units that lost any point on it. */
  unitsLosing: number;
  /** Lost share of the points available: lostSum / (points × units), 0..1. */
  lostRate: number;
  incomplete: number;
}

export interface LostPoints {
  units: number;
  firstLevel: LostPointsRow[];
  secondLevel: LostPointsRow[];
}

/** Most lost first; then the higher share lost; then scheme order (stable sort). */
function byMostLost(a: LostPointsRow, b: LostPointsRow): number {
  return b.lostSum - a.lostSum || b.lostRate - a.lostRate;
}

export function lostPoints(body: SchemeBody, unitScores: readonly Record<string, number>[]): LostPoints {
  const totals = unitScores.map((scores) => totalScores(body, scores));
  const rows: LostPointsRow[] = [];
  for (const { indicator, level, parent } of walkIndicators(body.indicators)) {
    if (level > 2) continue;
    let units = 0;
    let lostSum = 0;
    let unitsLosing = 0;
    let incomplete = 0;
    for (const t of totals) {
      const own = t.byKey[indicator.key];
      if (!own || own.missing.length > 0) {
        incomplete++;
        continue;
      }
      units++;
      const lost = Math.max(0, indicator.points - own.score);
      lostSum += lost;
      if (lost > 0) unitsLosing++;
    }
    rows.push({
      key: indicator.key,
      name: indicator.name,
      level: level as 1 | 2,
      parentKey: parent?.key ?? null,
      parentName: parent?.name ?? null,
      points: indicator.points,
      units,
      lostSum: round2(lostSum),
      lostMean: units > 0 ? round2(lostSum / units) : 0,
      unitsLosing,
      lostRate: units > 0 ? Math.round((lostSum / (indicator.points * units)) * 1000) / 1000 : 0,
      incomplete,
    });
  }
  return {
    units: unitScores.length,
    firstLevel: rows.filter((r) => r.level === 1).sort(byMostLost),
    secondLevel: rows.filter((r) => r.level === 2).sort(byMostLost),
  };
}
