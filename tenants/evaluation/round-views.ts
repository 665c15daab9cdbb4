import type { RoundUnitStatus, SchemeKind, TargetStatus, TenantRole } from '../../db/schema/tenant';

/**
 * The answers of the evaluation rounds endpoints, the contract between the worker
 * (worker/modules/evaluation/rounds/views.ts builds them) and the rounds pages: add fields, never
 * rename or drop one. Types only, so the pages read them without shipping server code.
 */

/** How the actor reaches a round: as the office, as a team member, or as a unit's manager. */
export type RoundAccessKind = 'office' | 'reviewer' | 'unit';

export interface RoundSummary {
  id: string;
  name: string;
  status: 'open' | 'closed';
  schoolYear: number;
  startsOn: string;
  endsOn: string;
  selfDeadline: string;
  reviewDeadline: string;
  replyDeadline: string;
  createdAt: string;
  updatedAt: string;
}

export interface RoundSchemeSummary {
  id: string;
  name: string;
  kind: SchemeKind;
  version: number;
  /** Full marks, and how many leaf indicators are scored. */
  totalPoints: number;
  leafCount: number;
}

/** What the actor may do here; pages show or hide controls by it (the server checks again). */
export interface RoundAccessView {
  as: RoundAccessKind;
  reviewer: boolean;
  lead: boolean;
  /** The office may create rounds and upload evidence for a unit. */
  manage: boolean;
  /** Beijing today, and whether the self-evaluation deadline has passed (late submissions are flagged). */
  today: string;
  selfOverdue: boolean;
}

export interface EvidenceView {
  id: string;
  /** The leaf indicator it supports, or null for the round as a whole. */
  indicatorKey: string | null;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string;
  uploaderName: string | null;
  createdAt: string;
}

export interface TeamMember {
  userId: string;
  displayName: string;
  role: TenantRole;
  lead: boolean;
}

/** GET /evaluation/rounds/:id — the round overview. */
export interface RoundOverview {
  round: RoundSummary;
  scheme: RoundSchemeSummary;
  team: TeamMember[];
  /** For a unit manager only their own units. */
  units: RoundOverviewUnit[];
  access: RoundAccessView;
}

export interface RoundOverviewUnit {
  unitId: string;
  name: string;
  kind: string;
  status: RoundUnitStatus;
  selfTotal: number | null;
  /** Leaves scored by the unit and, when visible, by the team (of `scheme.leafCount`). */
  selfScored: number;
  /** Null when hidden from a unit manager (before the result is published). */
  reviewTotal: number | null;
  reviewScored: number | null;
  finalTotal: number | null;
  evidenceCount: number;
  submittedAt: string | null;
  publishedAt: string | null;
  repliedAt: string | null;
  finalizedAt: string | null;
}

export interface ScoreView {
  score: number;
  note: string | null;
  scoredBy: string;
  scoredByName: string | null;
  scoredAt: string;
}

export interface IndicatorTotalView {
  score: number;
  scored: number;
  leaves: number;
  /** Unscored leaf keys under it. */
  missing: string[];
}

/** One indicator of the scheme tree as the workbench shows it. */
export interface WorkbenchIndicator {
  key: string;
  name: string;
  points: number;
  /** 1 = 一级, 2 = 二级, 3 = 三级. */
  level: number;
  leaf: boolean;
  /** 评估要点, 评分说明, 佐证材料 asked for (from the scheme version). */
  criteria: string | null;
  guidance: string | null;
  evidenceAsked: string | null;
  /** Leaves only: the unit's score, and the team's (null when none, or when hidden from the unit). */
  self: ScoreView | null;
  review: ScoreView | null;
  selfTotal: IndicatorTotalView;
  /** Null when the team's scores are hidden from the unit. */
  reviewTotal: IndicatorTotalView | null;
  /** Files uploaded for this indicator (leaves; parents have none of their own). */
  evidence: EvidenceView[];
  children: WorkbenchIndicator[];
}

export interface SideTotalsView {
  total: number;
  points: number;
  scored: number;
  leaves: number;
  missing: string[];
  complete: boolean;
}

/** GET /evaluation/rounds/:id/units/:unitId — one unit's workbench. */
export interface RoundUnitWorkbench {
  round: RoundSummary;
  scheme: RoundSchemeSummary;
  unit: {
    id: string;
    name: string;
    kind: string;
    status: RoundUnitStatus;
    /** 自查报告. */
    selfReport: string | null;
    selfTotal: number | null;
    /** Null (with reviewSummary) while hidden from the unit. */
    reviewTotal: number | null;
    reviewSummary: string | null;
    finalTotal: number | null;
    submittedAt: string | null;
    /** Whether the unit submitted after the self-evaluation deadline. */
    submittedLate: boolean;
    publishedAt: string | null;
    reply: string | null;
    replyItems: { indicatorKey: string; text: string }[];
    repliedAt: string | null;
    replyAnswer: string | null;
    finalizedAt: string | null;
    updatedAt: string;
  };
  indicators: WorkbenchIndicator[];
  self: SideTotalsView;
  /** Null while hidden from the unit. */
  review: SideTotalsView | null;
  /** Files for the round as a whole (no indicator). */
  evidence: EvidenceView[];
  evidenceCount: number;
  team: TeamMember[];
  access: RoundAccessView & {
    reviewVisible: boolean;
    /** The unit's manager while it is filling in (status `self`, round open). */
    canEditSelf: boolean;
    /** The unit's manager or the office while status is `self` and the round open. */
    canUpload: boolean;
  };
}

/** A unit's 评估报告, for the .docx and the print page alike. */
export type ReportStage = 'draft' | 'preliminary' | 'final';

export interface ReportRow {
  key: string;
  name: string;
  level: number;
  points: number;
  leaf: boolean;
  self: number | null;
  review: number | null;
  final: number | null;
  reviewNote: string | null;
}

export interface UnitReport {
  stage: ReportStage;
  office: string;
  round: { id: string; name: string; schoolYear: number; replyDeadline: string };
  scheme: { name: string; version: number };
  unit: { id: string; name: string; status: RoundUnitStatus };
  team: { name: string; lead: boolean }[];
  points: number;
  selfTotal: number | null;
  reviewTotal: number | null;
  finalTotal: number | null;
  rows: ReportRow[];
  selfReport: string | null;
  summary: string | null;
  publishedAt: string | null;
  reply: { text: string | null; items: { indicatorKey: string; text: string }[]; at: string } | null;
  noObjection: boolean;
  answer: string | null;
  finalizedAt: string | null;
  /** The unit's developmental targets of the round's school year; empty when it keeps none. */
  targets: ReportTarget[];
}

export interface ReportTarget {
  title: string;
  measure: string | null;
  status: TargetStatus;
  statusLabel: string;
  progress: string | null;
  adjustment: string | null;
}
