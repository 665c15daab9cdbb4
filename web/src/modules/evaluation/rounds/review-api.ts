// Calls and answer types of the review half of rounds (review, result, reply, final, ranking, lost
// points, report). The unit workbench is the rounds core's answer (./api, RoundUnitWorkbench).

import type { ReportRow, UnitReport } from '../../../../../tenants/evaluation/round-views';
import { download, request, t } from '../../../api';
import type { RoundUnitStatus, RoundUnitWorkbench, WorkbenchIndicator } from './api';

export type { ReportRow, UnitReport };

export type UnitStatus = RoundUnitStatus;
export type Workbench = RoundUnitWorkbench;
export type { WorkbenchIndicator };

export interface RankingRow {
  rank: number | null;
  unitId: string;
  unitName: string;
  status: UnitStatus;
  basis: 'final' | 'preliminary' | 'none';
  total: number | null;
  selfTotal: number | null;
  difference: number | null;
}

export interface Ranking {
  round: { id: string; name: string; schoolYear: number };
  scheme: { name: string; version: number; points: number };
  units: number;
  final: number;
  preliminary: number;
  items: RankingRow[];
}

export interface LostPointsRow {
  key: string;
  name: string;
  level: 1 | 2;
  parentKey: string | null;
  parentName: string | null;
  points: number;
  units: number;
  lostSum: number;
  lostMean: number;
  unitsLosing: number;
  lostRate: number;
}

export interface LostPoints {
  units: number;
  firstLevel: LostPointsRow[];
  secondLevel: LostPointsRow[];
}

export interface ReviewScore {
  key: string;
  score: number;
  note?: string | null;
}

const unitPath = (slug: string, roundId: string, unitId: string, rest = '') =>
  t(slug, `evaluation/rounds/${roundId}/units/${unitId}${rest}`);

export const reviewApi = {
  workbench: (slug: string, roundId: string, unitId: string) =>
    request<Workbench>('GET', unitPath(slug, roundId, unitId)),
  saveReview: (slug: string, roundId: string, unitId: string, scores: ReviewScore[]) =>
    request<{ reviewTotal: number; scored: number; leaves: number; missing: string[] }>(
      'PUT',
      unitPath(slug, roundId, unitId, '/review'),
      { scores },
    ),
  publish: (slug: string, roundId: string, unitId: string, summary: string) =>
    request<{ status: UnitStatus }>('POST', unitPath(slug, roundId, unitId, '/publish'), { summary }),
  reply: (
    slug: string,
    roundId: string,
    unitId: string,
    body: { noObjection: true } | { text: string; items: { indicatorKey: string; text: string }[] },
  ) => request<{ status: UnitStatus }>('POST', unitPath(slug, roundId, unitId, '/reply'), body),
  finalize: (slug: string, roundId: string, unitId: string, answer: string) =>
    request<{ status: UnitStatus; finalTotal: number }>(
      'POST',
      unitPath(slug, roundId, unitId, '/finalize'),
      {
        answer: answer || null,
      },
    ),
  report: (slug: string, roundId: string, unitId: string) =>
    request<{ report: UnitReport }>('GET', unitPath(slug, roundId, unitId, '/report')),
  reportDocx: (slug: string, roundId: string, unitId: string) =>
    download(unitPath(slug, roundId, unitId, '/report.docx'), 'evaluation-report.docx'),
  ranking: (slug: string, roundId: string) =>
    request<Ranking>('GET', t(slug, `evaluation/rounds/${roundId}/ranking`)),
  rankingXlsx: (slug: string, roundId: string) =>
    download(t(slug, `evaluation/rounds/${roundId}/ranking.xlsx`), 'ranking.xlsx'),
  lostPoints: (slug: string, roundId: string) =>
    request<LostPoints>('GET', t(slug, `evaluation/rounds/${roundId}/lost-points`)),
  lostPointsXlsx: (slug: string, roundId: string) =>
    download(t(slug, `evaluation/rounds/${roundId}/lost-points.xlsx`), 'lost-points.xlsx'),
};

/** Pages of one round under /t/:tenant/. */
export const roundHref = (slug: string, roundId: string, rest = '') =>
  `/t/${slug}/evaluation/rounds/${roundId}${rest}`;
export const unitHref = (
  slug: string,
  roundId: string,
  unitId: string,
  page: 'review' | 'result' | 'report',
) => roundHref(slug, roundId, `/units/${unitId}/${page}`);

/** Leaves of the tree in scheme order, each with its first-level ancestor. */
export function leavesOf(indicators: WorkbenchIndicator[]) {
  const out: { leaf: WorkbenchIndicator; top: WorkbenchIndicator }[] = [];
  const walk = (list: WorkbenchIndicator[], top: WorkbenchIndicator | null) => {
    for (const i of list) {
      if (i.leaf) out.push({ leaf: i, top: top ?? i });
      else walk(i.children, top ?? i);
    }
  };
  walk(indicators, null);
  return out;
}
