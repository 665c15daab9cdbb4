/** 2026-autumn → 2026年秋季学期 (the server's semesterLabel, without importing worker code). */
export function semesterLabelOf(key: string): string {
  const [year, kind] = key.split('-');
  return `${year}年${kind === 'autumn' ? '秋季' : '春季'}学期`;
}
