import type { SchemeBody, SchemeIndicator } from '../../../../tenants/evaluation/scheme';

/**
 * Totals of one side's scores (a unit's own or the team's) by the scheme's rules: a leaf scores what
 * was given to it, a parent the sum of its children, the round the sum of its first-level
 * indicators. An unscored leaf adds nothing but is listed in `missing` of itself and every ancestor,
 * so a total is never read as complete when it is not. Pure: the caller brings the scores.
 */

export interface IndicatorTotal {
  key: string;
  /** Full marks of the indicator (分值). */
  points: number;
  /** The sum of the scored leaves under it (itself for a leaf); 0 when none is scored. */
  score: number;
  /** How many leaves it has (1 for a leaf) and how many of them are scored. */
  leaves: number;
  scored: number;
  /** Keys of its unscored leaves, in scheme order. */
  missing: string[];
}

export interface SchemeTotals {
  /** Sum over the scored leaves of the whole scheme. */
  total: number;
  /** Full marks of the scheme. */
  points: number;
  leaves: number;
  scored: number;
  /** Every unscored leaf key, in scheme order; empty when the side is complete. */
  missing: string[];
  complete: boolean;
  /** Every indicator of the tree (leaves and parents) by key. */
  byKey: Record<string, IndicatorTotal>;
  /** Scored keys that are not leaves of this scheme (a stale save): never added to a total. */
  unknown: string[];
}

export type ScoreMap = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

function scoreOf(scores: ScoreMap, key: string): number | undefined {
  if (scores instanceof Map) return scores.get(key);
  const record = scores as Readonly<Record<string, number>>;
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

function keysOf(scores: ScoreMap): string[] {
  return scores instanceof Map ? [...scores.keys()] : Object.keys(scores);
}

export function totalScores(body: SchemeBody, scores: ScoreMap): SchemeTotals {
  const byKey: Record<string, IndicatorTotal> = {};
  const leafKeys = new Set<string>();

  const visit = (indicator: SchemeIndicator): IndicatorTotal => {
    const children = indicator.children ?? [];
    let result: IndicatorTotal;
    if (children.length === 0) {
      leafKeys.add(indicator.key);
      const given = scoreOf(scores, indicator.key);
      const scored = typeof given === 'number' && Number.isFinite(given);
      result = {
        key: indicator.key,
        points: indicator.points,
        score: scored ? given : 0,
        leaves: 1,
        scored: scored ? 1 : 0,
        missing: scored ? [] : [indicator.key],
      };
    } else {
      const parts = children.map(visit);
      result = {
        key: indicator.key,
        points: indicator.points,
        score: parts.reduce((s, p) => s + p.score, 0),
        leaves: parts.reduce((s, p) => s + p.leaves, 0),
        scored: parts.reduce((s, p) => s + p.scored, 0),
        missing: parts.flatMap((p) => p.missing),
      };
    }
    byKey[indicator.key] = result;
    return result;
  };

  const top = body.indicators.map(visit);
  const missing = top.flatMap((t) => t.missing);
  return {
    total: top.reduce((s, t) => s + t.score, 0),
    points: top.reduce((s, t) => s + t.points, 0),
    leaves: top.reduce((s, t) => s + t.leaves, 0),
    scored: top.reduce((s, t) => s + t.scored, 0),
    missing,
    complete: missing.length === 0,
    byKey,
    unknown: keysOf(scores).filter((k) => !leafKeys.has(k)),
  };
}
