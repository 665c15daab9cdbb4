import type { TenantConfig } from '../../../tenants/config/schema';

interface RubricChoice {
  id: string;
  builtinKey: string | null;
  status: 'active' | 'archived';
}

/**
 * The rubric a new observation starts with (the observer may pick another): the tenant's setting
 * `observations.defaultRubric` (a shipped key or a rubric id) while that rubric is active, else the
 * first active shipped rubric, else the first active one. A tenant setting rather than a flag on the
 * rubric, so no schema change: the operator sets it; the 评课标准 page shows which one it is.
 */
export function defaultRubricId(config: TenantConfig, rubrics: readonly RubricChoice[]): string | null {
  const active = rubrics.filter((r) => r.status === 'active');
  const wanted = config.observations?.defaultRubric;
  const chosen =
    (wanted ? active.find((r) => r.id === wanted || r.builtinKey === wanted) : undefined) ??
    active.find((r) => r.builtinKey !== null) ??
    active[0];
  return chosen?.id ?? null;
}
