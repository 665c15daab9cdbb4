import type * as v from 'valibot';
import type { RuleSchema } from '../schema';

/**
 * Rules shared by the shipped templates. A "no" seen on site (a blocked exit, a missing
 * certificate on the wall) needs a note and a photo; a "no" found in the records (a missing
 * ledger, a plan not written) needs a note. Either way a finding is drafted from the item.
 */
type Rules = v.InferInput<typeof RuleSchema>[];

/** 否 → 说明 + 照片 + 问题. */
export const NO_ON_SITE: Rules = [
  { when: { answer: 'no' }, requireNote: true, requirePhoto: true, createFinding: true },
];

/** 否 → 说明 + 问题. */
export const NO_IN_RECORDS: Rules = [{ when: { answer: 'no' }, requireNote: true, createFinding: true }];

/** A score or measured value under `limit` → 说明 + 问题. */
export function belowLimit(limit: number): Rules {
  return [{ when: { below: limit }, requireNote: true, createFinding: true }];
}

/** One option needs a note (e.g. the overall grade 不合格, or a rectification notice issued). */
export function noteOn(choice: string): Rules {
  return [{ when: { choice }, requireNote: true }];
}
