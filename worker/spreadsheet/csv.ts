import type { SheetRow } from './file';

/** The separator of the first line: Excel writes commas, tabs ("Unicode 文本") or, in some locales, semicolons. */
function separatorOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let best = ',';
  let most = 0;
  for (const sep of [',', '\t', ';']) {
    const n = firstLine.split(sep).length - 1;
    if (n > most) {
      best = sep;
      most = n;
    }
  }
  return best;
}

/**
 * RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes), written out here rather
 * than through the spreadsheet library, whose text reader guesses among many formats (HTML, SYLK…).
 * Rows are numbered as Excel shows them (a record with a line break inside quotes is one row);
 * blank rows are skipped; parsing stops after `maxRows` rows.
 */
export function parseCsv(text: string, maxRows: number): SheetRow[] {
  const sep = separatorOf(text);
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let rowNumber = 1;
  const endRow = () => {
    cells.push(field);
    if (cells.some((c) => c.trim() !== '')) rows.push({ row: rowNumber, cells });
    cells = [];
    field = '';
    rowNumber++;
  };
  let i = 0;
  while (i < text.length && rowNumber <= maxRows) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (ch === sep) {
      cells.push(field);
      field = '';
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else {
      field += ch;
    }
    i++;
  }
  if (rowNumber <= maxRows && (field !== '' || cells.length > 0)) endRow();
  return rows;
}
