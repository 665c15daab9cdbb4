import * as XLSX from '@e965/xlsx';
import { AppError } from '../errors';
import { parseCsv } from './csv';

/** What one cell holds once read: Excel's error values (#N/A, #REF!) are kept apart so rows can name them. */
export type CellValue = string | number | boolean | null | { error: string };

/** A non-blank row as Excel numbers it (1-based), cells in column order from column A. */
export interface SheetRow {
  row: number;
  cells: CellValue[];
}

export interface SheetMerge {
  /** As Excel writes it, e.g. A3:A5. */
  ref: string;
  firstRow: number;
  lastRow: number;
}

export interface RawSheet {
  format: 'xlsx' | 'csv';
  /** For CSV: the text encoding it was read with (Excel in China saves GBK). */
  encoding?: 'utf-8' | 'gbk' | 'utf-16';
  rows: SheetRow[];
  merges: SheetMerge[];
}

/** Spreadsheets arrive as raw request bodies; this is the most any list's file may weigh. */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024;
/** A 5 MB zip can inflate to gigabytes; an honest 5,000-row sheet is a few MB of XML. */
const MAX_UNZIPPED_BYTES = 60 * 1024 * 1024;

const NOT_A_SHEET = '只能上传 Excel 表格（.xlsx）或 CSV 文件，请检查所选文件。';
const OLD_EXCEL =
  '这是旧版 Excel（.xls）文件或设置了打开密码的文件：请在 Excel 中“另存为” .xlsx（不设密码）后重新上传。';
const NOT_UTF8 =
  'CSV 文件的文字编码无法识别：请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或直接上传 .xlsx 文件。';

function startsWith(bytes: Uint8Array, ...prefix: number[]) {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Reads the first sheet of an .xlsx file or a CSV file. The type comes from the bytes (an .xlsx
 * is a zip: 'PK'), never from the file name or the declared content type.
 * `maxRows` bounds how many rows are parsed at all, so an oversized sheet costs little CPU.
 */
export function readSheetFile(bytes: Uint8Array, maxRows: number): RawSheet {
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) return readXlsx(bytes, maxRows);
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) throw new AppError('UNSUPPORTED_FILE', OLD_EXCEL);
  const { text, encoding } = decodeText(bytes);
  return { format: 'csv', encoding, rows: parseCsv(text, maxRows), merges: [] };
}

function decodeText(bytes: Uint8Array): { text: string; encoding: RawSheet['encoding'] } {
  if (startsWith(bytes, 0xff, 0xfe))
    return { text: decode('utf-16le', bytes.subarray(2)), encoding: 'utf-16' };
  if (startsWith(bytes, 0xfe, 0xff))
    return { text: decode('utf-16be', bytes.subarray(2)), encoding: 'utf-16' };
  // Text never holds NUL bytes; images, PDFs and other binaries almost always do early on.
  if (bytes.subarray(0, 4096).includes(0)) throw new AppError('UNSUPPORTED_FILE', NOT_A_SHEET);
  const body = startsWith(bytes, 0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
  try {
    return { text: decode('utf-8', body), encoding: 'utf-8' };
  } catch {
    // Excel in China saves "CSV (逗号分隔)" as GBK; workerd decodes it (GB 18030 is its superset).
    try {
      return { text: decode('gb18030', body), encoding: 'gbk' };
    } catch {
      throw new AppError('VALIDATION_FAILED', NOT_UTF8, { errors: [] });
    }
  }
}

function decode(encoding: string, bytes: Uint8Array): string {
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
}

/**
 * The total uncompressed size the zip's central directory declares, or null when it cannot be
 * read (then the parser decides). Refusing huge totals up front keeps a zip bomb out of memory.
 */
export function declaredUnzippedBytes(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let end = bytes.length - 22; end >= lowest; end--) {
    if (view.getUint32(end, true) !== 0x06054b50) continue;
    const entries = view.getUint16(end + 10, true);
    let p = view.getUint32(end + 16, true);
    let total = 0;
    for (let n = 0; n < entries; n++) {
      if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
      total += view.getUint32(p + 24, true);
      p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    }
    return total;
  }
  return null;
}

function readXlsx(bytes: Uint8Array, maxRows: number): RawSheet {
  const unzipped = declaredUnzippedBytes(bytes);
  if (unzipped === null) throw new AppError('UNSUPPORTED_FILE', NOT_A_SHEET);
  if (unzipped > MAX_UNZIPPED_BYTES) {
    throw new AppError('PAYLOAD_TOO_LARGE', '表格内容过多，请删除多余的工作表、图片或空白格式后重新上传。');
  }
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, {
      type: 'array',
      dense: true,
      sheets: 0,
      // Rows beyond this are never parsed: the caller only needs to know there are too many.
      sheetRows: maxRows,
      cellFormula: false,
      cellHTML: false,
      cellNF: false,
      cellStyles: false,
      cellText: false,
      cellDates: false,
      bookVBA: false,
    });
  } catch {
    throw new AppError('UNSUPPORTED_FILE', `${NOT_A_SHEET}（文件无法作为 Excel 工作簿打开）`);
  }
  const name = book.SheetNames[0];
  const sheet = name ? book.Sheets[name] : undefined;
  if (!sheet) throw new AppError('UNSUPPORTED_FILE', `${NOT_A_SHEET}（文件中没有工作表）`);
  const data = (sheet['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
  const rows: SheetRow[] = [];
  data.forEach((line, r) => {
    if (!line) return;
    const cells: CellValue[] = [];
    let blank = true;
    for (let col = 0; col < line.length; col++) {
      const value = cellValue(line[col]);
      if (value !== null && value !== '') blank = false;
      cells.push(value);
    }
    if (!blank) rows.push({ row: r + 1, cells });
  });
  const merges = (sheet['!merges'] ?? []).map((m) => ({
    ref: XLSX.utils.encode_range(m),
    firstRow: m.s.r + 1,
    lastRow: m.e.r + 1,
  }));
  return { format: 'xlsx', rows, merges };
}

const EXCEL_ERRORS: Record<number, string> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
};

/** A formula cell carries its last computed value (`v`); that is what the user saw. */
function cellValue(cell: XLSX.CellObject | undefined): CellValue {
  if (!cell || cell.v === undefined || cell.v === null) return null;
  switch (cell.t) {
    case 'e':
      return { error: EXCEL_ERRORS[Number(cell.v)] ?? '#错误' };
    case 's':
      return String(cell.v);
    case 'n':
      return typeof cell.v === 'number' ? cell.v : Number(cell.v);
    case 'b':
      return Boolean(cell.v);
    case 'd':
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
    default:
      return null;
  }
}
