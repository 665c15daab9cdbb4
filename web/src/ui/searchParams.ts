/** A list page's filters live in the URL, so back, reload and a shared link show the same list. */

/** One value of a search parameter, '' when absent (a repeated parameter comes as a list). */
export function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** The page number asked for, 1 when absent or not a number. */
export function pageParam(value: string | string[] | undefined): number {
  return Math.max(1, Number.parseInt(one(value), 10) || 1);
}
