import * as v from 'valibot';

export const SearchTeachersQuery = v.object({
  q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(50, '搜索词不能超过 50 个字')), ''),
});
export type SearchTeachersQuery = v.InferOutput<typeof SearchTeachersQuery>;
