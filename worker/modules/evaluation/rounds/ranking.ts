import type { RoundUnitStatus } from '../../../../db/schema/tenant';

/**
 * The ranking of a round's units (评估结果排名). A unit ranks by its final total once final, by the
 * published preliminary total (初步) while the reply is open; a unit whose result is not published
 * yet is listed after the ranked ones, without a rank. Ties share a rank and the next rank skips
 * (competition ranking: 1, 1, 3), as official result tables do. Pure: the caller brings the rows.
 */

export interface RankingInput {
  unitId: string;
  unitName: string;
  status: RoundUnitStatus;
  selfTotal: number | null;
  reviewTotal: number | null;
  finalTotal: number | null;
}

export type RankingBasis = 'final' | 'preliminary' | 'none';

export interface RankingRow {
  /** 1-based; null while the unit has no published result. */
  rank: number | null;
  unitId: string;
  unitName: string;
  status: RoundUnitStatus;
  basis: RankingBasis;
  /** The total the unit ranks by (final or preliminary); null without a published result. */
  total: number | null;
  selfTotal: number | null;
  /** total − self total: negative when the team scored lower than the unit did. */
  difference: number | null;
}

const PUBLISHED: ReadonlySet<RoundUnitStatus> = new Set(['reviewed', 'replied']);

/** Which total a unit ranks by, given its status. */
export function rankingBasis(row: RankingInput): { basis: RankingBasis; total: number | null } {
  if (row.status === 'final' && row.finalTotal !== null) return { basis: 'final', total: row.finalTotal };
  if (PUBLISHED.has(row.status) && row.reviewTotal !== null) {
    return { basis: 'preliminary', total: row.reviewTotal };
  }
  return { basis: 'none', total: null };
}

/** Totals are sums of half points, exact in binary; rounding to 1/100 guards odd stored values. */
const same = (a: number, b: number) => Math.abs(a - b) < 0.005;

/** Code-point order, as the rest of the app sorts names (Intl collation is slow in workerd). */
const byName = (a: { unitName: string }, b: { unitName: string }) =>
  a.unitName < b.unitName ? -1 : a.unitName > b.unitName ? 1 : 0;

export function rankUnits(rows: readonly RankingInput[]): RankingRow[] {
  const shaped = rows.map((row) => {
    const { basis, total } = rankingBasis(row);
    return {
      rank: null as number | null,
      unitId: row.unitId,
      unitName: row.unitName,
      status: row.status,
      basis,
      total,
      selfTotal: row.selfTotal,
      difference: total !== null && row.selfTotal !== null ? round2(total - row.selfTotal) : null,
    };
  });
  const ranked = shaped
    .filter((r) => r.total !== null)
    .sort((a, b) => (b.total as number) - (a.total as number) || byName(a, b));
  ranked.forEach((row, i) => {
    const previous = ranked[i - 1];
    row.rank =
      previous && same(previous.total as number, row.total as number) ? (previous.rank as number) : i + 1;
  });
  const unranked = shaped.filter((r) => r.total === null).sort(byName);
  return [...ranked, ...unranked];
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
