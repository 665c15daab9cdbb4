/** Where to go after login: `next` only if it stays inside this tenant (never another site or tenant). */
export function afterLoginPath(slug: string, next: string | string[] | undefined): string {
  const home = `/t/${slug}/`;
  const target = Array.isArray(next) ? next[0] : next;
  if (!target?.startsWith(home) || target.startsWith(`${home}login`)) return home;
  return target;
}

export function loginPath(slug: string, next?: string): string {
  const base = `/t/${slug}/login`;
  return next ? `${base}?next=${encodeURIComponent(next)}` : base;
}
