import { units } from '../../db/schema/tenant';
import { tenantDbOf } from '../support/api';

export const COLUMNS = [
  'code',
  'name',
  'stage',
  'enrolment',
  'enrolment_primary',
  'enrolment_junior',
  'enrolment_senior',
  'qualified_teachers',
  'backbone_teachers',
  'pe_art_teachers',
  'teaching_area',
  'sports_area',
  'equipment_value',
  'multimedia_rooms',
] as const;

export type Row = (string | number | null)[];

/** School units made for one test, named apart from every other test's. */
export async function schoolUnitsFor(
  tenant: string,
  tag: string,
  kinds: { key: string; kind: string }[],
): Promise<Record<string, { id: string; name: string; code: string }>> {
  const db = await tenantDbOf(tenant);
  const out: Record<string, { id: string; name: string; code: string }> = {};
  const now = new Date().toISOString();
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  for (const [i, k] of kinds.entries()) {
    const id = crypto.randomUUID();
    const name = `${tag}${k.key}${stamp}`;
    const code = `B${stamp}${i}`;
    await db.insert(units).values({ id, name, code, kind: k.kind, status: 'active', updatedAt: now });
    out[k.key] = { id, name, code };
  }
  return out;
}

/** Plausible figures: a school of `n` students with `scale` times the usual resources. */
export function figuresRow(
  name: string,
  stage: string,
  n: number,
  scale: number,
  split?: [number, number],
): Row {
  return [
    null,
    name,
    stage,
    n,
    split ? split[0] : null,
    split ? split[1] : null,
    null,
    Math.round(0.06 * n * scale),
    Math.round(0.015 * n * scale),
    Math.round(0.012 * n * scale),
    Math.round(6 * n * scale),
    Math.round(9 * n * scale),
    Math.round(3000 * n * scale),
    Math.round(0.03 * n * scale),
  ];
}
