import * as XLSX from '@e965/xlsx';

export type OutCell = string | number | null;

export interface SheetSpec {
  name: string;
  rows: OutCell[][];
}

/** Display width of a cell in Excel's character units: CJK characters are two wide. */
function widthOf(cell: OutCell): number {
  if (cell === null) return 0;
  let w = 0;
  for (const ch of String(cell)) w += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
  return w;
}

/**
 * An .xlsx file of the given sheets. Text stays text (phones, codes keep their leading zeros and
 * are never formulas, so an exported "=..." cannot run); columns are as wide as their contents.
 */
export function workbookBytes(sheets: SheetSpec[]): Uint8Array {
  const book = XLSX.utils.book_new();
  for (const spec of sheets) {
    // Blank values are left out, so Excel shows empty cells rather than empty strings.
    const rows = spec.rows.map((r) => r.map((cell) => (cell === '' ? null : cell)));
    const sheet = XLSX.utils.aoa_to_sheet(rows, { dense: true });
    const columns = Math.max(0, ...spec.rows.map((r) => r.length));
    sheet['!cols'] = Array.from({ length: columns }, (_, c) => ({
      wch: Math.min(60, Math.max(8, ...spec.rows.slice(0, 200).map((r) => widthOf(r[c] ?? null) + 2))),
    }));
    XLSX.utils.book_append_sheet(book, sheet, spec.name);
  }
  const out = XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer;
  return new Uint8Array(out);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A download with a Chinese file name (RFC 5987 `filename*`, with an ASCII fallback for old clients). */
export function xlsxDownload(bytes: Uint8Array, fileName: string, asciiName: string): Response {
  return new Response(bytes, {
    headers: {
      'content-type': XLSX_TYPE,
      'content-disposition': `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
