import { blankDraft, draftStore } from '../../ui/draftStore';

/** The plan form's fields; `unitIds` holds the chosen units as JSON ([{ id, name }]) for the draft. */
export const PLAN_FIELDS = [
  'kind',
  'name',
  'visitKind',
  'templateId',
  'zoneId',
  'unitIds',
  'startsOn',
  'endsOn',
  'theme',
  'note',
] as const;

export type PlanField = (typeof PLAN_FIELDS)[number];
export type PlanDraft = Record<PlanField, string>;

export interface ChosenUnit {
  id: string;
  name: string;
}

export function emptyPlanDraft(): PlanDraft {
  return blankDraft(PLAN_FIELDS);
}

/** The chosen units of a draft; anything unreadable is none. */
export function chosenUnits(d: PlanDraft): ChosenUnit[] {
  if (!d.unitIds) return [];
  try {
    const list = JSON.parse(d.unitIds) as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (u): u is ChosenUnit =>
        typeof u === 'object' && u !== null && typeof u.id === 'string' && typeof u.name === 'string',
    );
  } catch {
    return [];
  }
}

export function withUnits(d: PlanDraft, list: ChosenUnit[]): PlanDraft {
  return { ...d, unitIds: list.length ? JSON.stringify(list) : '' };
}

/**
 * A new plan of one tenant and module, kept on this device after the tab is closed, until it is
 * created or discarded. Only fields typed differ from the defaults, so a blank form is no draft.
 */
export const planDraft = draftStore<PlanDraft>({
  prefix: 'dudao.planDraft',
  fields: PLAN_FIELDS,
  empty: emptyPlanDraft,
  storage: 'local',
  blankIsNone: true,
});
