// Calls and types of the evaluation round pages. The answers' shapes are the contract in
// tenants/evaluation/round-views.ts (types only: no server code ships to the browser).
import type {
  EvidenceView,
  RoundOverview,
  RoundSummary,
  RoundUnitWorkbench,
} from '../../../../../tenants/evaluation/round-views';
import { ApiError, query, request, t } from '../../../api';
import { texts } from '../../../texts';
import type { SchemeKind } from '../api';

export type * from '../../../../../tenants/evaluation/round-views';

export type RoundUnitStatus = 'self' | 'submitted' | 'reviewed' | 'replied' | 'final';
export const ROUND_UNIT_STATUSES: RoundUnitStatus[] = ['self', 'submitted', 'reviewed', 'replied', 'final'];

export interface RoundListItem extends Omit<RoundSummary, 'updatedAt'> {
  scheme: { id: string; name: string; kind: SchemeKind };
  schemeVersion: number;
  unitCount: number;
  statusCounts: Record<RoundUnitStatus, number>;
  reviewer: { lead: boolean } | null;
  myUnits: { unitId: string; name: string; status: RoundUnitStatus; selfTotal: number | null }[];
}

export interface NewRound {
  name: string;
  schemeId: string;
  schemeVersion?: number;
  schoolYear: number;
  startsOn: string;
  endsOn: string;
  selfDeadline: string;
  reviewDeadline: string;
  replyDeadline: string;
  unitIds: string[];
  reviewers: { userId: string; lead: boolean }[];
}

export interface ReviewerOption {
  id: string;
  displayName: string;
  role: string;
}

const base = (slug: string, rest = '') => t(slug, `evaluation/rounds${rest}`);
const unitBase = (slug: string, roundId: string, unitId: string, rest = '') =>
  base(slug, `/${roundId}/units/${unitId}${rest}`);

/**
 * Sends a file with upload progress (fetch cannot report it), answering like `request`: the JSON
 * body, or an error carrying the server's message.
 */
function uploadWithProgress<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const e = (body as { error?: { code?: string; message?: string; details?: Record<string, unknown> } })
        ?.error;
      reject(
        new ApiError(
          xhr.status,
          e?.code ?? `HTTP_${xhr.status}`,
          e?.message ?? texts.common.serverError,
          e?.details,
        ),
      );
    };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', texts.common.networkError));
    xhr.send(file);
  });
}

export const roundsApi = {
  list: (slug: string) => request<{ rounds: RoundListItem[] }>('GET', base(slug)),
  get: (slug: string, id: string) => request<RoundOverview>('GET', base(slug, `/${id}`)),
  create: (slug: string, input: NewRound) =>
    request<{ round: { id: string; name: string } }>('POST', base(slug), input),
  reviewerOptions: (slug: string) =>
    request<{ items: ReviewerOption[] }>('GET', base(slug, '/reviewer-options')),
  unit: (slug: string, roundId: string, unitId: string) =>
    request<RoundUnitWorkbench>('GET', unitBase(slug, roundId, unitId)),
  saveSelf: (
    slug: string,
    roundId: string,
    unitId: string,
    scores: { key: string; score: number | null; note?: string | null }[],
  ) => request<RoundUnitWorkbench>('PUT', unitBase(slug, roundId, unitId, '/self'), { scores }),
  saveReport: (slug: string, roundId: string, unitId: string, selfReport: string) =>
    request<RoundUnitWorkbench>('PUT', unitBase(slug, roundId, unitId, '/self-report'), { selfReport }),
  submit: (slug: string, roundId: string, unitId: string) =>
    request<RoundUnitWorkbench>('POST', unitBase(slug, roundId, unitId, '/submit')),
  upload: (
    slug: string,
    roundId: string,
    unitId: string,
    file: File,
    indicator: string | null,
    onProgress: (fraction: number) => void,
  ) =>
    uploadWithProgress<{ evidence: EvidenceView }>(
      unitBase(
        slug,
        roundId,
        unitId,
        `/evidence${query({ name: file.name, indicator: indicator ?? undefined })}`,
      ),
      file,
      onProgress,
    ),
  removeEvidence: (slug: string, roundId: string, unitId: string, id: string) =>
    request<void>('DELETE', unitBase(slug, roundId, unitId, `/evidence/${id}`)),
  evidenceHref: (slug: string, roundId: string, unitId: string, id: string) =>
    unitBase(slug, roundId, unitId, `/evidence/${id}`),
};

export const roundsHref = (slug: string, rest = '') => `/t/${slug}/evaluation/rounds${rest}`;
