import type { Severity } from '../../../db/schema/tenant';
import type { ModuleKey } from '../../../tenants/config/schema';

/** What a new finding says; a visit's checklist drafts and the office's own form both end here. */
export interface NewFinding {
  module: ModuleKey;
  unitId: string;
  visitId?: string | null;
  itemKey?: string | null;
  category: string;
  severity: Severity;
  description: string;
  requirement?: string | null;
  responsiblePerson?: string | null;
  /** YYYY-MM-DD (Beijing). */
  deadline: string;
}

/**
 * The findings row and its first event (`created`), for the caller to insert in the batch of the
 * change that makes it (a visit, or the office's form), together with the evidence it owns.
 */
export function newFindingRows(
  finding: NewFinding,
  actor: { id: string; name: string },
  at: string = new Date().toISOString(),
) {
  const id = crypto.randomUUID();
  return {
    row: {
      id,
      module: finding.module,
      unitId: finding.unitId,
      visitId: finding.visitId ?? null,
      itemKey: finding.itemKey ?? null,
      category: finding.category,
      severity: finding.severity,
      description: finding.description,
      requirement: finding.requirement ?? null,
      responsiblePerson: finding.responsiblePerson ?? null,
      deadline: finding.deadline,
      status: 'open' as const,
      escalation: 0,
      createdBy: actor.id,
      createdAt: at,
      updatedAt: at,
    },
    event: { findingId: id, at, actorId: actor.id, actorName: actor.name, action: 'created' },
  };
}
