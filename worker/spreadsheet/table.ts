import type * as v from 'valibot';
import { AppError } from '../errors';
import { type CellValue, readSheetFile, type SheetRow } from './file';

/**
 * How a column's cells are read. Excel turns typed digits into numbers and dates into serial
 * numbers; CSV makes everything text. Each type accepts both and says what to fix otherwise.
 */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'date' | 'list';

export interface Column<K extends string = string> {
  key: K;
  /** The header as the template writes it. */
  header: string;
  /** Other headers people write for the same column (学校名称 for 名称). */
  aliases?: readonly string[];
  /** The file must have this column (its cells may still be optional). */
  required?: boolean;
  type: ColumnType;
}

export type ColumnValue = string | number | string[] | null;

/** A problem in the file, pointed at as Excel shows it: row number and column header. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface TableRecord<K extends string> {
  row: number;
  /** Only the columns present in the file; a blank cell is null (or [] for a list). */
  values: Partial<Record<K, ColumnValue>>;
}

export interface Table<K extends string> {
  format: 'xlsx' | 'csv';
  encoding?: string;
  headerRow: number;
  present: ReadonlySet<K>;
  records: TableRecord<K>[];
}

/** Rows of data one file may hold: enough for a province's schools, small enough for one request. */
export const MAX_DATA_ROWS = 5000;
/** A 422 lists this many problems at most; the count of all of them comes with it. */
const MAX_LISTED_ERRORS = 1000;
/** The header may sit below a title row or two ("某某县学校名单"). */
const HEADER_SEARCH_ROWS = 10;

/** Collects every problem of a file; nothing is written while it holds any. */
export class RowErrors {
  readonly list: RowError[] = [];

  private readonly cells = new Set<string>();

  add(row: number, column: string, message: string) {
    this.list.push({ row, column, message });
    this.cells.add(`${row}\u0000${column}`);
  }

  /** Whether this cell already has a problem (one message per cell is enough). */
  has(row: number, column: string) {
    return this.cells.has(`${row}\u0000${column}`);
  }

  get any() {
    return this.list.length > 0;
  }

  /** 422 with every problem, in row order, or nothing when the file is clean. */
  throwIfAny() {
    if (!this.any) return;
    const sorted = [...this.list].sort((a, b) => a.row - b.row);
    const rows = new Set(sorted.map((e) => e.row)).size;
    throw new AppError(
      'VALIDATION_FAILED',
      `表格中有 ${sorted.length} 处问题（涉及 ${rows} 行），请按提示修改后重新上传；本次没有导入任何数据。`,
      { errors: sorted.slice(0, MAX_LISTED_ERRORS), errorCount: sorted.length },
    );
  }
}

export function fileError(message: string, errors: RowError[] = []): AppError {
  return new AppError('VALIDATION_FAILED', message, { errors, errorCount: errors.length });
}

/** 责任区(多个用、分隔) and ＊名称 match 责任区 and 名称. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/[\s*＊:：]/g, '')
    .toLowerCase();
}

function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'object') return cell.error;
  return String(cell).trim();
}

function findHeader<K extends string>(rows: SheetRow[], columns: readonly Column<K>[]) {
  const names = new Map<string, Column<K>>();
  for (const column of columns) {
    for (const name of [column.header, ...(column.aliases ?? [])]) names.set(normalizeHeader(name), column);
  }
  const required = columns.filter((c) => c.required);
  for (const candidate of rows.slice(0, HEADER_SEARCH_ROWS)) {
    const byIndex = new Map<number, Column<K>>();
    candidate.cells.forEach((cell, index) => {
      const column = names.get(normalizeHeader(cellText(cell)));
      if (column) byIndex.set(index, column);
    });
    const found = new Set([...byIndex.values()].map((c) => c.key));
    if (required.some((c) => found.has(c.key))) return { header: candidate, byIndex };
  }
  return null;
}

/**
 * Reads an uploaded file into typed records for the given columns, refusing (422, nothing written)
 * a file that cannot be a list: no header, missing required columns, merged cells, too many rows.
 * Cell-level problems are added to `errors` and those cells left out of the record.
 */
export function readTable<K extends string>(
  bytes: Uint8Array,
  columns: readonly Column<K>[],
  errors: RowErrors,
): Table<K> {
  // Parse a few rows past the limit (title rows, the header) to know that there are too many.
  const sheet = readSheetFile(bytes, MAX_DATA_ROWS + HEADER_SEARCH_ROWS + 1);
  if (sheet.rows.length === 0) {
    throw fileError('表格是空的：第一行应为表头（可下载模板），从第二行起每行填写一条记录。');
  }
  const required = columns.filter((c) => c.required);
  const found = findHeader(sheet.rows, columns);
  if (!found) {
    throw fileError(
      `没有找到表头：表格应有“${required.map((c) => c.header).join('”“')}”等列，请使用下载的模板。`,
      required.map((c) => ({ row: 1, column: c.header, message: `缺少“${c.header}”列` })),
    );
  }
  const { header, byIndex } = found;
  const seen = new Map<K, number>();
  const duplicateColumns: RowError[] = [];
  for (const [index, column] of byIndex) {
    if (seen.has(column.key)) {
      duplicateColumns.push({
        row: header.row,
        column: column.header,
        message: `“${column.header}”列出现了两次（第 ${colName(seen.get(column.key) as number)} 列和第 ${colName(index)} 列），请删除多余的一列`,
      });
    } else seen.set(column.key, index);
  }
  const missing = required.filter((c) => !seen.has(c.key));
  if (missing.length > 0) {
    throw fileError(
      `表格缺少必需的列：${missing.map((c) => `“${c.header}”`).join('、')}。请在表头（第 ${header.row} 行）补上这些列，或使用下载的模板。`,
      missing.map((c) => ({ row: header.row, column: c.header, message: `缺少“${c.header}”列` })),
    );
  }
  if (duplicateColumns.length > 0) throw fileError('表头中有重复的列，请删除多余的列。', duplicateColumns);
  const merges = sheet.merges.filter((m) => m.lastRow >= header.row);
  if (merges.length > 0) {
    throw fileError(
      `${merges.map((m) => m.ref).join('、')} 是合并单元格，请取消合并后重新上传（每行每格各填一个值）。`,
      merges.map((m) => ({
        row: m.firstRow,
        column: '',
        message: `${m.ref} 是合并单元格，请取消合并后重新上传`,
      })),
    );
  }
  const dataRows = sheet.rows.filter((r) => r.row > header.row);
  if (dataRows.length === 0) {
    throw fileError(`表格只有表头（第 ${header.row} 行），没有数据：请从下一行起每行填写一条记录。`);
  }
  if (dataRows.length > MAX_DATA_ROWS) {
    throw fileError(`一次最多导入 ${MAX_DATA_ROWS} 行数据，请把表格拆分成几个文件分别导入。`);
  }
  const present = new Set(seen.keys());
  const records = dataRows.map((line) => {
    const values: Partial<Record<K, ColumnValue>> = {};
    for (const [key, index] of seen) {
      const column = byIndex.get(index) as Column<K>;
      const read = convert(column, line.cells[index] ?? null);
      if ('error' in read) errors.add(line.row, column.header, read.error);
      else values[key] = read.value;
    }
    return { row: line.row, values };
  });
  return { format: sheet.format, encoding: sheet.encoding, headerRow: header.row, present, records };
}

function colName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

type Converted = { value: ColumnValue } | { error: string };

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
/** 9999-12-31, the last date Excel knows. */
const MAX_SERIAL = 2958465;

/** Excel's date serial number (days since 1899-12-30) as YYYY-MM-DD. */
export function excelSerialToDate(serial: number): string | null {
  if (!(serial >= 1 && serial <= MAX_SERIAL)) return null;
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

const pad = (n: string) => n.padStart(2, '0');

function convert(column: Column, cell: CellValue): Converted {
  const label = column.header.replace(/[（(].*$/, '');
  if (cell !== null && typeof cell === 'object') {
    return { error: `单元格是错误值 ${cell.error}，请改为实际内容（公式出错时请检查公式）` };
  }
  const raw = cell === null ? '' : typeof cell === 'string' ? cell.trim() : cell;
  if (raw === '') return { value: column.type === 'list' ? [] : null };
  switch (column.type) {
    case 'text':
      if (typeof raw === 'boolean') return { error: `${label}应填写文字，不要填“是/否”` };
      return { value: typeof raw === 'number' ? numberText(raw) : raw };
    case 'list':
      return {
        value: [
          ...new Set(
            String(raw)
              .split(/[、,，;；\n]/)
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        ],
      };
    case 'integer':
    case 'decimal': {
      const whole = column.type === 'integer';
      const example = whole ? '1234' : '12.5';
      const fix = `${label}应填写${whole ? '整数' : '数字'}，如 ${example}（不要加逗号、空格或单位）`;
      if (typeof raw === 'number') return whole && !Number.isInteger(raw) ? { error: fix } : { value: raw };
      if (typeof raw === 'boolean') return { error: fix };
      const pattern = whole ? /^\d+$/ : /^\d+(?:\.\d+)?$/;
      return pattern.test(raw) ? { value: Number(raw) } : { error: `“${raw}”不是有效数字：${fix}` };
    }
    case 'date': {
      const fix = `${label}应为日期，如 2026-09-01`;
      if (typeof raw === 'number') {
        const date = excelSerialToDate(raw);
        return date ? { value: date } : { error: fix };
      }
      if (typeof raw === 'boolean') return { error: fix };
      const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(raw);
      // Kept as typed when it is not date-shaped: the schema's message says what format it wants.
      return { value: m ? `${m[1]}-${pad(m[2] as string)}-${pad(m[3] as string)}` : raw };
    }
  }
}

/** Numbers Excel stored for typed digits (phones, codes) back as the digits people typed. */
function numberText(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}

/** valibot issues of one row's record, pointed at the column each field came from. */
export function addIssues(
  errors: RowErrors,
  row: number,
  issues: readonly v.BaseIssue<unknown>[],
  headerOf: (key: string) => string,
) {
  for (const issue of issues) {
    const key = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    const column = headerOf(key.split('.')[0] ?? '');
    if (!errors.has(row, column)) errors.add(row, column, issue.message);
  }
}
