import * as v from 'valibot';

export const SearchTeachersQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(50, '搜索词不能超过 50 个字')), ''),
});
export type SearchTeachersQuery = v.InferOutput<typeof SearchTeachersQuery>;

export const SummaryQuery = v.object({
  semester: v.optional(
    v.pipe(
      v.string(),
      v.trim(),
      v.check((s) => s === '' || /^\d{4}-(autumn|spring)$/.test(s), '学期应写作 2026-autumn 或 2027-spring'),
      v.transform((s) => (s === '' ? undefined : s)),
    ),
  ),
});
export type SummaryQuery = v.InferOutput<typeof SummaryQuery>;
